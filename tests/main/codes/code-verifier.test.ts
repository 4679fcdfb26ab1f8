import { describe, expect, it } from 'vitest';
import { typedCodeMessage } from '../../../src-main/codes/code-messages.js';
import type { CodeCheck } from '../../../src-main/codes/code-verifier.js';
import { translate } from '../../../src-shared/i18n/index.js';
import { codeKit, day, hour, wrongCode } from './code-test-kit.js';

describe('verifying a typed code', () => {
  it('accepts an active code and says what it opens', () => {
    const { issuePickup, typePickup } = codeKit();
    const issued = issuePickup('parcel-a');
    expect(typePickup(issued.code)).toEqual({
      outcome: 'accepted',
      codeId: issued.codeId,
      purpose: 'pickup',
      targetId: 'parcel-a',
      expiresAtMs: issued.expiresAtMs,
    });
  });

  it('answers exactly the same for wrong, unknown, expired, used, voided, other-target, other-purpose and malformed codes', async () => {
    // Enough free failures that no wait gets in the way: the outcomes themselves are compared.
    const lenient = { freeFailures: 100, firstDelayMs: 1, maxDelayMs: 1, forgetAfterMs: 2 };
    const { issuer, verifier, clock, issuePickup, typePickup } = codeKit({
      limiter: { keypad: lenient, target: lenient },
    });
    const live = issuePickup('parcel-live');
    const expiring = issuePickup('parcel-expired', hour);
    const used = issuePickup('parcel-used');
    const replaced = issuePickup('parcel-reissued');
    issuePickup('parcel-reissued');
    const carrier = issuer.issue({
      purpose: 'carrier_delivery',
      targetId: 'reservation',
      expiresAtMs: clock.now() + day,
    });
    expect(typePickup(used.code).outcome).toBe('accepted');
    expect(verifier.consume(used.codeId)).toBe(true);
    await clock.advance(hour);

    const everyKnown = [live.code, expiring.code, used.code, replaced.code, carrier.code];
    const attempts: [string, () => CodeCheck][] = [
      ['wrong', () => typePickup(wrongCode(live.code, everyKnown))],
      ['unknown (never issued)', () => typePickup('000000' === live.code ? '999999' : '000000')],
      ['expired', () => typePickup(expiring.code)],
      ['already used', () => typePickup(used.code)],
      ['voided by a re-issue', () => typePickup(replaced.code)],
      ['another target’s code', () => typePickup(live.code, 'parcel-used')],
      ['a carrier code at the pickup screen', () => typePickup(carrier.code)],
      ['too short', () => typePickup('123')],
      ['not digits', () => typePickup('12a456')],
      ['empty', () => typePickup('')],
    ];
    for (const [name, attempt] of attempts) {
      expect(attempt(), name).toEqual({ outcome: 'rejected', retryAfterMs: 0 });
    }
  });

  it('gives a person the same text for every refused code, in both languages', async () => {
    const { clock, issuePickup, typePickup } = codeKit();
    const expiring = issuePickup('parcel-a', hour);
    const live = issuePickup('parcel-b');
    await clock.advance(hour);
    const rejected = [
      typePickup(wrongCode(live.code, [expiring.code])),
      typePickup(expiring.code),
      typePickup('00000000000'),
    ];
    for (const locale of ['en', 'fr'] as const) {
      const texts = rejected.map((check) => {
        if (check.outcome === 'accepted') {
          throw new Error('expected a refusal');
        }
        const message = typedCodeMessage(check);
        return translate(locale, message.key, message.params);
      });
      expect(new Set(texts).size, locale).toBe(1);
    }
  });

  it('matches only the named target’s codes when the target is known', () => {
    const { issuePickup, typePickup } = codeKit();
    const a = issuePickup('parcel-a');
    expect(typePickup(a.code, 'parcel-a').outcome).toBe('accepted');
    expect(typePickup(a.code, 'parcel-b').outcome).toBe('rejected');
  });

  it('accepts only the purposes the screen asks for', () => {
    const { issuer, verifier, clock } = codeKit();
    const storage = issuer.issue({
      purpose: 'storage',
      targetId: 'rental',
      expiresAtMs: clock.now() + day,
    });
    const check = (purposes: ('pickup' | 'storage')[]) =>
      verifier.verifyTypedCode({ code: storage.code, purposes }).outcome;
    expect(check(['pickup'])).toBe('rejected');
    expect(check(['pickup', 'storage'])).toBe('accepted');
  });
});

describe('single use', () => {
  it('is consumed only by the separate consume step: verifying twice before it is fine', () => {
    const { issuePickup, typePickup, verifier } = codeKit();
    const issued = issuePickup('parcel-a');
    // The door did not open the first time: the person must be able to try again.
    expect(typePickup(issued.code).outcome).toBe('accepted');
    expect(typePickup(issued.code).outcome).toBe('accepted');
    expect(verifier.consume(issued.codeId)).toBe(true);
    expect(typePickup(issued.code).outcome).toBe('rejected');
  });

  it('cannot be consumed twice, nor after being voided', () => {
    const { issuePickup, issuer, verifier } = codeKit();
    const first = issuePickup('parcel-a');
    expect(verifier.consume(first.codeId)).toBe(true);
    expect(verifier.consume(first.codeId)).toBe(false);
    const second = issuePickup('parcel-b');
    issuer.voidCodesOf('parcel-b', 'pickup');
    expect(verifier.consume(second.codeId)).toBe(false);
    expect(verifier.consume('no-such-code')).toBe(false);
  });

  it('is consumed even when the door closed after the code expired', async () => {
    const { issuePickup, typePickup, verifier, clock } = codeKit();
    const issued = issuePickup('parcel-a', 60_000);
    await clock.advance(59_000);
    expect(typePickup(issued.code).outcome).toBe('accepted');
    await clock.advance(30_000);
    expect(verifier.consume(issued.codeId)).toBe(true);
  });
});
