import { createHash, randomBytes } from 'node:crypto';

/**
 * sha256 (hex) of a high-entropy secret (device credentials, admin tokens, enrolment codes). A
 * fast hash is right here, unlike for passwords: the secrets are random 128–256-bit values, so
 * nothing can be guessed from the digest, and the lookup by digest needs no salt.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A random secret for a credential or token: 256 bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
