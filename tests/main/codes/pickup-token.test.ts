import { sign } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  createPickupTokenVerifier,
  generatePickupTokenKeys,
  signPickupToken,
} from '../../../src-main/codes/pickup-token.js';
import { parseCredential } from '../../../src-shared/scanning/credentials.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { codeKit, day, hour } from './code-test-kit.js';

const bankId = uuidv7();
const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function setup() {
  const clock = new ManualClock();
  const keys = generatePickupTokenKeys();
  const verifier = createPickupTokenVerifier({ bankId, publicKeys: [keys.publicKey], clock });
  const claims = { bankId, codeId: uuidv7(), expiresAtMs: clock.now() + 2 * day };
  const token = signPickupToken(keys.privateKey, claims);
  return { clock, keys, verifier, claims, token };
}

function tokenBytes(token: string): Buffer {
  return Buffer.from(parseCredential(token)!.payload, 'base64url');
}

function tokenText(bytes: Buffer): string {
  return `CSR1-PU-${bytes.toString('base64url')}`;
}

describe('pickup QR tokens', () => {
  it('round-trips and fits the credential format the scanners parse', () => {
    const { verifier, claims, token } = setup();
    expect(token).toMatch(/^CSR1-PU-[A-Za-z0-9_-]+$/);
    const credential = parseCredential(token);
    expect(credential?.kind).toBe('pickup_qr');
    expect(credential!.payload.length).toBeLessThanOrEqual(200);
    expect(credential!.payload).toHaveLength(135);
    expect(verifier.verify(token)).toEqual({
      ok: true,
      bankId,
      codeId: claims.codeId,
      expiresAtMs: claims.expiresAtMs,
    });
  });

  it('rejects the token with any single byte flipped in any way', () => {
    const { verifier, token } = setup();
    const bytes = tokenBytes(token);
    for (let index = 0; index < bytes.length; index++) {
      for (let bit = 0; bit < 8; bit++) {
        const tampered = Buffer.from(bytes);
        tampered[index] = tampered[index]! ^ (1 << bit);
        expect(verifier.verify(tokenText(tampered)), `byte ${index} bit ${bit}`).toEqual({
          ok: false,
        });
      }
    }
  });

  it('rejects the text with any single character replaced, including the spare bits of the last one', () => {
    const { verifier, token } = setup();
    const prefix = 'CSR1-PU-';
    const payload = token.slice(prefix.length);
    let tried = 0;
    for (let index = 0; index < payload.length; index++) {
      for (const replacement of base64urlAlphabet) {
        if (replacement === payload[index]) {
          continue;
        }
        const tampered = prefix + payload.slice(0, index) + replacement + payload.slice(index + 1);
        expect(verifier.verify(tampered).ok, `character ${index} → ${replacement}`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(135 * 63);
  });

  it('rejects truncated, extended, re-typed and foreign texts', () => {
    const { verifier, token } = setup();
    for (const text of [
      token.slice(0, -1),
      `${token}A`,
      token.replace('CSR1-PU-', 'CSR1-CR-'),
      token.replace('CSR1-PU-', 'CSR1-OP-'),
      token.toLowerCase(),
      ` ${token}`,
      'CSR1-PU-',
      '',
      '1Z999AA10123456784',
    ]) {
      expect(verifier.verify(text), text).toEqual({ ok: false });
    }
  });

  it('rejects an expired token, at its expiry second', async () => {
    const { clock, verifier, token, claims } = setup();
    await clock.advance(claims.expiresAtMs - clock.now() - 1);
    expect(verifier.verify(token).ok).toBe(true);
    await clock.advance(1);
    expect(verifier.verify(token)).toEqual({ ok: false });
  });

  it('never outlives its code: the expiry is rounded down to the second', () => {
    const clock = new ManualClock();
    const keys = generatePickupTokenKeys();
    const verifier = createPickupTokenVerifier({ bankId, publicKeys: [keys.publicKey], clock });
    const expiresAtMs = clock.now() + hour + 999;
    const check = verifier.verify(
      signPickupToken(keys.privateKey, { bankId, codeId: uuidv7(), expiresAtMs }),
    );
    expect(check).toMatchObject({ ok: true, expiresAtMs: clock.now() + hour });
  });

  it('rejects a validly signed token for another bank', () => {
    const { keys, verifier, claims } = setup();
    const elsewhere = signPickupToken(keys.privateKey, { ...claims, bankId: uuidv7() });
    expect(verifier.verify(elsewhere)).toEqual({ ok: false });
  });

  it('rejects a validly signed token of another version', () => {
    const { keys, verifier, token } = setup();
    const payload = Buffer.from(tokenBytes(token).subarray(0, 37));
    payload[0] = 2;
    // Re-signed exactly as the signer signs, so only the version can be what is refused.
    const context = Buffer.from('casier/pickup-token\0', 'utf8');
    const signature = sign(null, Buffer.concat([context, payload]), keys.privateKey);
    const resigned = tokenText(Buffer.concat([payload, signature]));
    expect(verifier.verify(resigned)).toEqual({ ok: false });
    payload[0] = 1;
    const sameAgain = sign(null, Buffer.concat([context, payload]), keys.privateKey);
    expect(verifier.verify(tokenText(Buffer.concat([payload, sameAgain]))).ok).toBe(true);
  });

  it('rejects a token signed by a key the bank does not trust, and accepts any trusted key (rotation)', () => {
    const { clock, claims } = setup();
    const trusted = generatePickupTokenKeys();
    const next = generatePickupTokenKeys();
    const stranger = generatePickupTokenKeys();
    const verifier = createPickupTokenVerifier({
      bankId,
      publicKeys: [trusted.publicKey, next.publicKey],
      clock,
    });
    expect(verifier.verify(signPickupToken(trusted.privateKey, claims)).ok).toBe(true);
    expect(verifier.verify(signPickupToken(next.privateKey, claims)).ok).toBe(true);
    expect(verifier.verify(signPickupToken(stranger.privateKey, claims))).toEqual({ ok: false });
  });

  it('matches a bank id configured in capitals', () => {
    const { clock, keys, claims, token } = setup();
    const verifier = createPickupTokenVerifier({
      bankId: claims.bankId.toUpperCase(),
      publicKeys: [keys.publicKey],
      clock,
    });
    expect(verifier.verify(token).ok).toBe(true);
  });

  it('refuses to sign ids that are not UUIDs or keys that are not Ed25519', () => {
    const { keys, claims } = setup();
    expect(() => signPickupToken(keys.privateKey, { ...claims, codeId: 'parcel-1' })).toThrow(
      RangeError,
    );
    expect(() => signPickupToken(keys.publicKey, claims)).toThrow(TypeError);
    expect(() =>
      createPickupTokenVerifier({
        bankId,
        publicKeys: [keys.privateKey],
        clock: new ManualClock(),
      }),
    ).toThrow(TypeError);
    expect(() =>
      createPickupTokenVerifier({ bankId, publicKeys: [], clock: new ManualClock() }),
    ).toThrow(RangeError);
  });
});

describe('redeeming a pickup QR at the bank', () => {
  function redeemKit() {
    const clock = new ManualClock();
    const keys = generatePickupTokenKeys();
    const tokens = createPickupTokenVerifier({ bankId, publicKeys: [keys.publicKey], clock });
    const kit = codeKit({ clock, issuer: { newId: uuidv7 }, verifier: { tokens } });
    const tokenFor = (issued: { codeId: string; expiresAtMs: number }) =>
      signPickupToken(keys.privateKey, { bankId, ...issued });
    return { ...kit, tokenFor };
  }

  it('accepts the token of an active code and uses the same consume step', () => {
    const { issuePickup, verifier, tokenFor } = redeemKit();
    const issued = issuePickup('parcel-a');
    const token = tokenFor(issued);
    expect(verifier.verifyPickupToken(token, ['pickup'])).toMatchObject({
      outcome: 'accepted',
      codeId: issued.codeId,
      targetId: 'parcel-a',
    });
    expect(verifier.consume(issued.codeId)).toBe(true);
    expect(verifier.verifyPickupToken(token, ['pickup'])).toEqual({
      outcome: 'rejected',
      retryAfterMs: 0,
    });
  });

  it('rejects the old QR once the code is re-issued, and a QR for another purpose', () => {
    const { issuePickup, verifier, tokenFor, issuer, clock } = redeemKit();
    const old = issuePickup('parcel-a');
    const token = tokenFor(old);
    issuePickup('parcel-a');
    expect(verifier.verifyPickupToken(token, ['pickup']).outcome).toBe('rejected');
    const storage = issuer.issue({
      purpose: 'storage',
      targetId: 'rental',
      expiresAtMs: clock.now() + day,
    });
    expect(verifier.verifyPickupToken(tokenFor(storage), ['pickup']).outcome).toBe('rejected');
  });

  it('rejects every token when the bank has no token verifier', () => {
    const { issuePickup, verifier } = codeKit({ issuer: { newId: uuidv7 } });
    const keys = generatePickupTokenKeys();
    const issued = issuePickup('parcel-a');
    const token = signPickupToken(keys.privateKey, { bankId, ...issued });
    expect(verifier.verifyPickupToken(token, ['pickup']).outcome).toBe('rejected');
  });
});
