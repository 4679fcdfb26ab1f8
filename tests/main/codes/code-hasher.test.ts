import { createHmac, randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCodeHasher } from '../../../src-main/codes/code-hasher.js';
import { loadOrCreateCodePepper } from '../../../src-main/codes/code-pepper.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

describe('createCodeHasher', () => {
  it('is HMAC-SHA256 of the digits under the pepper', () => {
    const pepper = Buffer.alloc(32, 7);
    const expected = createHmac('sha256', pepper).update('123456').digest('hex');
    expect(createCodeHasher(pepper).hash('123456')).toBe(expected);
  });

  it('gives unrelated hashes for the same code under two banks’ peppers', () => {
    const first = createCodeHasher(randomBytes(32)).hash('123456');
    const second = createCodeHasher(randomBytes(32)).hash('123456');
    expect(first).not.toBe(second);
  });

  it('cannot be matched by hashing the code space without the pepper', () => {
    const hash = createCodeHasher(randomBytes(32)).hash('000042');
    // What someone with only the database would try: plain SHA-256 / HMAC with an empty key.
    expect(createHmac('sha256', Buffer.alloc(0)).update('000042').digest('hex')).not.toBe(hash);
    expect(createHmac('sha256', Buffer.alloc(32)).update('000042').digest('hex')).not.toBe(hash);
  });

  it('refuses a pepper shorter than 32 bytes', () => {
    expect(() => createCodeHasher(randomBytes(31))).toThrow(RangeError);
  });

  it('keeps its own copy of the pepper', () => {
    const pepper = randomBytes(32);
    const hasher = createCodeHasher(pepper);
    const before = hasher.hash('654321');
    pepper.fill(0);
    expect(hasher.hash('654321')).toBe(before);
  });
});

describe('loadOrCreateCodePepper', () => {
  const folder = makeTempFolder();
  afterAll(() => folder.remove());

  it('creates 32 random bytes readable by the owner only, then keeps answering the same', () => {
    const file = path.join(folder.path, 'created-pepper');
    const created = loadOrCreateCodePepper(file);
    expect(created).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateCodePepper(file).equals(created)).toBe(true);
  });

  it('refuses a truncated pepper file instead of using a short key', () => {
    const file = path.join(folder.path, 'truncated-pepper');
    writeFileSync(file, randomBytes(8));
    expect(() => loadOrCreateCodePepper(file)).toThrow(/damaged/);
  });
});
