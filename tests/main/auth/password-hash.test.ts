import { describe, expect, it } from 'vitest';
import {
  defaultScryptParameters,
  hashPassword,
  needsRehash,
  UnusablePasswordHashError,
  verifyPassword,
  type ScryptParameters,
} from '../../../src-main/auth/password-hash.js';
import { parsePasswordHash } from '../../../src-shared/domain/password-hash.js';

/** Cheap parameters so the suite stays fast; one test below uses the real defaults. */
const fast: ScryptParameters = { logCost: 10, blockSize: 8, parallelism: 1 };

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a 16-byte salt and a 32-byte hash in the shared PHC format', async () => {
    const stored = await hashPassword('correct horse battery staple', fast);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parsePasswordHash(stored)!;
    expect(Buffer.from(parsed.saltBase64, 'base64')).toHaveLength(16);
    expect(Buffer.from(parsed.hashBase64, 'base64')).toHaveLength(32);
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('s3cret-Pass', fast);
    expect(await verifyPassword('s3cret-Pass', stored)).toBe(true);
    for (const wrong of ['s3cret-pass', 's3cret-Pass ', '', 's3cret-Pas']) {
      expect(await verifyPassword(wrong, stored), wrong).toBe(false);
    }
  });

  it('salts: the same password hashes differently each time', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same', fast),
      hashPassword('same', fast),
    ]);
    expect(first).not.toBe(second);
  });

  it('verifies with the parameters stored in the hash, not the current defaults', async () => {
    const older = await hashPassword('kept', { logCost: 11, blockSize: 4, parallelism: 2 });
    expect(older).toContain('$ln=11,r=4,p=2$');
    expect(await verifyPassword('kept', older)).toBe(true);
  });

  it('refuses a hash whose salt or hash was changed', async () => {
    const stored = await hashPassword('tamper', fast);
    const parsed = parsePasswordHash(stored)!;
    const flipped = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64').replace(/=+$/, '');
    };
    const otherSalt = stored.replace(parsed.saltBase64, flipped(parsed.saltBase64));
    const otherHash = stored.replace(parsed.hashBase64, flipped(parsed.hashBase64));
    expect(await verifyPassword('tamper', otherSalt)).toBe(false);
    expect(await verifyPassword('tamper', otherHash)).toBe(false);
    const otherCost = stored.replace('ln=10', 'ln=11');
    expect(await verifyPassword('tamper', otherCost)).toBe(false);
  });

  it('treats canonically equivalent Unicode passwords as the same (NFKC)', async () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    const stored = await hashPassword(composed, fast);
    expect(await verifyPassword(decomposed, stored)).toBe(true);
  });

  it('throws UnusablePasswordHashError for text that is no scrypt hash, or one asking too much memory', async () => {
    await expect(verifyPassword('x', 'plain-text-password')).rejects.toBeInstanceOf(
      UnusablePasswordHashError,
    );
    await expect(verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).rejects.toBeInstanceOf(
      UnusablePasswordHashError,
    );
    const stored = await hashPassword('x', fast);
    const greedy = stored.replace('ln=10', 'ln=22');
    await expect(verifyPassword('x', greedy)).rejects.toBeInstanceOf(UnusablePasswordHashError);
  });

  it('says when a hash was made with weaker parameters than wanted', async () => {
    const weak = await hashPassword('x', fast);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, fast)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('works with the default parameters (OWASP: N=2^17, r=8, p=1)', async () => {
    expect(defaultScryptParameters).toEqual({ logCost: 17, blockSize: 8, parallelism: 1 });
    const stored = await hashPassword('the real thing');
    expect(stored.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('the real thing', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });
});
