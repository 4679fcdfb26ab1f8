import { createHash } from 'node:crypto';

/**
 * The key a badge value or a carrier's QR payload is stored and looked up under: sha256, hex.
 * These credentials are long random tokens the kiosk issued (or badge numbers), so a plain digest
 * keeps a copied database from handing them out, while staying an exact index lookup at sign-in.
 * Short typed codes need a keyed hash instead (src-main/codes/code-hasher.ts).
 */
export function credentialHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
