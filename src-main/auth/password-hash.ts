import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  formatPasswordHash,
  parsePasswordHash,
  type ScryptPasswordHash,
} from '../../src-shared/domain/password-hash.js';

/**
 * Operator passwords: scrypt (memory-hard, security.md) in the shared PHC format of
 * src-shared/domain/password-hash.ts, parameters stored with each hash so they can be raised
 * later while old hashes keep verifying.
 *
 * The password is normalised to Unicode NFKC before hashing (NIST SP 800-63B 5.1.1.2): "é" typed
 * as one code point on the kiosk's keyboard and as e + accent in a browser is the same password.
 * Whatever else hashes these passwords (the cloud) must do the same, or non-ASCII passwords stop
 * matching.
 */
export interface ScryptParameters {
  logCost: number;
  blockSize: number;
  parallelism: number;
}

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): 128 MiB and ~0.3 s per hash. */
export const defaultScryptParameters: Readonly<ScryptParameters> = {
  logCost: 17,
  blockSize: 8,
  parallelism: 1,
};

const saltBytes = 16;
const hashBytes = 32;
/**
 * The most memory one verification may take. A stored hash comes from the database or the cloud;
 * one whose parameters asked for gigabytes would take the kiosk down at a sign-in.
 */
const maxScryptMemoryBytes = 256 * 1024 * 1024;

export class UnusablePasswordHashError extends Error {
  constructor(reason: string) {
    super(`stored password hash cannot be used: ${reason}`);
    this.name = 'UnusablePasswordHashError';
  }
}

export async function hashPassword(
  password: string,
  parameters: ScryptParameters = defaultScryptParameters,
): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await deriveKey(password, salt, parameters, hashBytes);
  return formatPasswordHash({
    ...parameters,
    saltBase64: unpaddedBase64(salt),
    hashBase64: unpaddedBase64(hash),
  });
}

/**
 * True when `password` matches `stored`. The comparison takes the same time wherever the bytes
 * differ. Throws UnusablePasswordHashError when `stored` is not a hash this kiosk can check.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) {
    throw new UnusablePasswordHashError('not a $scrypt$ hash');
  }
  const expected = Buffer.from(parsed.hashBase64, 'base64');
  const actual = await deriveKey(
    password,
    Buffer.from(parsed.saltBase64, 'base64'),
    parsed,
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** True when `stored` was made with weaker parameters than `wanted`: rehash at the next sign-in. */
export function needsRehash(
  stored: string,
  wanted: ScryptParameters = defaultScryptParameters,
): boolean {
  const parsed = parsePasswordHash(stored);
  return (
    !parsed ||
    parsed.logCost < wanted.logCost ||
    parsed.blockSize < wanted.blockSize ||
    parsed.parallelism < wanted.parallelism
  );
}

function deriveKey(
  password: string,
  salt: Buffer,
  parameters: ScryptParameters | ScryptPasswordHash,
  keyLength: number,
): Promise<Buffer> {
  const cost = 2 ** parameters.logCost;
  // What OpenSSL allocates (128·r·(N+2) for V plus 128·r·p for B); node refuses anything above
  // `maxmem` (32 MiB by default), so it is set to exactly this.
  const memory = 128 * parameters.blockSize * (cost + 2 + parameters.parallelism);
  if (memory > maxScryptMemoryBytes) {
    return Promise.reject(new UnusablePasswordHashError('parameters need too much memory'));
  }
  const options: ScryptOptions = {
    N: cost,
    r: parameters.blockSize,
    p: parameters.parallelism,
    maxmem: memory,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => {
      if (error) {
        reject(error);
      } else {
        resolve(key);
      }
    });
  });
}

function unpaddedBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
