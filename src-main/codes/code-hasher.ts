import { createHmac } from 'node:crypto';

/**
 * Codes are stored as HMAC-SHA256(pepper, digits), never as the digits.
 *
 * Why not a slow hash (scrypt, argon2) as for passwords: a 6-digit code has 10^6 values. Even at
 * a deliberately slow 100 ms per hash, someone holding a copied database tries them all in about
 * a day on one core, in minutes on a GPU, well inside a parcel's pickup window. Slow enough to
 * matter would be seconds per hash, paid by every person at the keypad on kiosk hardware. A
 * tiny code space cannot be made expensive to enumerate; only a secret the attacker lacks helps.
 *
 * Why the pepper does help: it is 256 random bits kept only on the kiosk, outside the database
 * (code-pepper.ts), never synced, and backed up only apart from the database, encrypted (see
 * code-pepper-home.ts and docs/operations.md). A copy of the database, of its plain backups, or
 * of anything synced to the cloud then holds hashes nobody can test a code
 * against without first guessing 2^256 keys. Someone who takes the whole kiosk disk gets the
 * pepper too, and then no hash of a 10^6 space would have held: that is the limit of the design.
 *
 * The pepper is per bank, so the same code at two banks has unrelated hashes; a store is one
 * bank's, so equal digits mean equal hashes, which is what makes the active-code lookup a plain
 * index lookup on the hash (and the lookup leaks nothing by timing: nobody who lacks the pepper
 * can choose which hash is looked up).
 */
export const minimumPepperBytes = 32;

export interface CodeHasher {
  hash(code: string): string;
}

export function createCodeHasher(pepper: Uint8Array): CodeHasher {
  if (pepper.byteLength < minimumPepperBytes) {
    throw new RangeError(`the code pepper must be at least ${minimumPepperBytes} bytes`);
  }
  // Copied so that a caller reusing or zeroing its buffer cannot change the key underneath.
  const key = Buffer.from(pepper);
  return {
    hash: (code) => createHmac('sha256', key).update(code, 'utf8').digest('hex'),
  };
}
