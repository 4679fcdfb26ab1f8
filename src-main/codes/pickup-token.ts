import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { parse as parseUuid, stringify as stringifyUuid, validate as isUuid } from 'uuid';
import { credentialPrefix, parseCredential } from '../../src-shared/scanning/credentials.js';
import type { Clock } from '../../src-shared/time/clock.js';

/**
 * Pickup QR tokens (E1): whoever holds the signing key (the cloud, or the bank that issued the
 * code) signs; the bank verifies offline with public keys only, so a bank never holds a key that
 * could mint tokens for another bank.
 *
 * Ed25519 over a fixed 37-byte payload, then base64url into the credential text the scanners
 * already recognise, `CSR1-PU-<135 characters>` (parseCredential allows 200):
 *
 *   version (1) | bank id (16, UUID) | code id (16, UUID) | expiry (4, seconds since epoch, BE)
 *   followed by the 64-byte signature.
 *
 * The token names the pickup code record, not the parcel: redeeming it needs that code to still
 * be active, so a re-issued code voids its old QR too, and consuming the code uses both up.
 */
export const pickupTokenVersion = 1;

const payloadBytes = 1 + 16 + 16 + 4;
const signatureBytes = 64;
const tokenBytes = payloadBytes + signatureBytes;
/** Signed with the payload but not sent: a signature made for another kind of token never fits. */
const signingContext = Buffer.from('casier/pickup-token\0', 'utf8');

export interface PickupTokenClaims {
  bankId: string;
  codeId: string;
  expiresAtMs: number;
}

/** Every reason to refuse (tampered, expired, other bank, other version, not a token) is one. */
export type PickupTokenCheck =
  { ok: true; bankId: string; codeId: string; expiresAtMs: number } | { ok: false };

export function generatePickupTokenKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

export function signPickupToken(privateKey: KeyObject, claims: PickupTokenClaims): string {
  assertEd25519(privateKey, 'private');
  for (const [name, id] of [
    ['bankId', claims.bankId],
    ['codeId', claims.codeId],
  ] as const) {
    if (!isUuid(id)) {
      throw new RangeError(`${name} must be a UUID to fit a pickup token`);
    }
  }
  // Rounded down, so the token never outlives the code it names.
  const expiresAtSeconds = Math.floor(claims.expiresAtMs / 1000);
  if (!(expiresAtSeconds > 0 && expiresAtSeconds <= 0xffff_ffff)) {
    throw new RangeError('the expiry does not fit a pickup token');
  }
  const payload = Buffer.alloc(payloadBytes);
  payload.writeUInt8(pickupTokenVersion, 0);
  payload.set(parseUuid(claims.bankId), 1);
  payload.set(parseUuid(claims.codeId), 17);
  payload.writeUInt32BE(expiresAtSeconds, 33);
  const signature = sign(null, Buffer.concat([signingContext, payload]), privateKey);
  return `${credentialPrefix}-PU-${Buffer.concat([payload, signature]).toString('base64url')}`;
}

export interface PickupTokenVerifierOptions {
  /** This bank: a token for any other bank is refused. */
  bankId: string;
  /** More than one while keys rotate: a token signed by any of them is accepted. */
  publicKeys: readonly KeyObject[];
  clock: Clock;
}

export interface PickupTokenVerifier {
  verify(scannedText: string): PickupTokenCheck;
}

export function createPickupTokenVerifier(
  options: PickupTokenVerifierOptions,
): PickupTokenVerifier {
  const { publicKeys, clock } = options;
  // Decoded ids come out lowercase; a bank id configured in capitals must still match.
  const bankId = options.bankId.toLowerCase();
  if (publicKeys.length === 0) {
    throw new RangeError('a pickup token verifier needs at least one public key');
  }
  for (const key of publicKeys) {
    assertEd25519(key, 'public');
  }
  const rejected: PickupTokenCheck = { ok: false };

  return {
    verify: (scannedText) => {
      const token = decodeToken(scannedText);
      if (!token) {
        return rejected;
      }
      const signed = Buffer.concat([signingContext, token.payload]);
      if (!publicKeys.some((key) => verify(null, signed, key, token.signature))) {
        return rejected;
      }
      const claims = readPayload(token.payload);
      if (
        !claims ||
        claims.version !== pickupTokenVersion ||
        claims.bankId !== bankId ||
        claims.expiresAtMs <= clock.now()
      ) {
        return rejected;
      }
      return {
        ok: true,
        bankId: claims.bankId,
        codeId: claims.codeId,
        expiresAtMs: claims.expiresAtMs,
      };
    },
  };
}

function decodeToken(scannedText: string): { payload: Buffer; signature: Buffer } | undefined {
  const credential = parseCredential(scannedText);
  if (credential?.kind !== 'pickup_qr') {
    return undefined;
  }
  const bytes = Buffer.from(credential.payload, 'base64url');
  // Node's decoder ignores stray characters and the spare low bits of the last character, so
  // several texts decode to the same bytes. Only the one canonical text is the token.
  if (bytes.length !== tokenBytes || bytes.toString('base64url') !== credential.payload) {
    return undefined;
  }
  return { payload: bytes.subarray(0, payloadBytes), signature: bytes.subarray(payloadBytes) };
}

function readPayload(payload: Buffer) {
  try {
    return {
      version: payload.readUInt8(0),
      bankId: stringifyUuid(payload.subarray(1, 17)),
      codeId: stringifyUuid(payload.subarray(17, 33)),
      expiresAtMs: payload.readUInt32BE(33) * 1000,
    };
  } catch {
    // stringify refuses bytes that are no UUID; only a signer bug could have signed those.
    return undefined;
  }
}

function assertEd25519(key: KeyObject, type: 'public' | 'private'): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`pickup tokens need an Ed25519 ${type} key`);
  }
}
