import { describe, expect, it } from 'vitest';
import {
  defaultKeypadBackoff,
  defaultTargetBackoff,
} from '../../../src-main/codes/attempt-limiter.js';
import type { BackoffAlert, CodeCheck } from '../../../src-main/codes/code-verifier.js';
import { codeKit, wrongCode } from './code-test-kit.js';

/**
 * security.md: "one attacker cannot lock out other recipients' codes (a test proves that another
 * parcel's code still works)". The design is in src-main/codes/attempt-limiter.ts.
 */
describe('an attacker at the keypad cannot lock out other recipients', () => {
  it('after three hours of wrong codes typed every second, the next recipient’s code works within the capped wait', async () => {
    const { clock, issuePickup, typePickup } = codeKit();
    const victimParcel = issuePickup('parcel-b');
    const attackerGuess = wrongCode(victimParcel.code);
    let evaluated = 0;
    for (let second = 0; second < 3 * 60 * 60; second++) {
      if (typePickup(attackerGuess).outcome === 'rejected') {
        evaluated++;
      }
      await clock.advance(1000);
    }
    // The keypad really was slowed down: 5 free guesses, then one per wait (≤ 15 min)…
    expect(evaluated).toBeLessThan(25);
    // …and a correct code typed during the wait is not even looked at (it could be a guess).
    const duringWait = typePickup(victimParcel.code);
    expect(duringWait.outcome).toBe('wait');
    // …but hammering did not stretch the wait beyond the cap after the last evaluated guess.
    const waitMs = (duringWait as Extract<CodeCheck, { outcome: 'wait' }>).retryAfterMs;
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(defaultKeypadBackoff.maxDelayMs);
    await clock.advance(waitMs);
    expect(typePickup(victimParcel.code)).toMatchObject({
      outcome: 'accepted',
      targetId: 'parcel-b',
    });
  });

  it('going after parcel A (target known) neither holds up an identified recipient of parcel B nor keeps A’s own recipient out', async () => {
    const { clock, limiter, issuePickup, typePickup } = codeKit();
    const parcelA = issuePickup('parcel-a');
    const parcelB = issuePickup('parcel-b');
    const guess = wrongCode(parcelA.code, [parcelB.code]);
    // 12 failures: the 12th takes A's back-off to its one-hour cap, while the gaps stay under
    // the keypad's forget period so the keypad keeps counting too.
    for (let failure = 0; failure < 12; failure++) {
      await clock.advance(limiter.waitBeforeAttempt({ targetId: 'parcel-a' }));
      expect(typePickup(guess, 'parcel-a').outcome).toBe('rejected');
    }
    // Parcel A's targeted attempts now wait long (its own back-off reached the cap)…
    expect(limiter.waitBeforeAttempt({ targetId: 'parcel-a' })).toBe(
      defaultTargetBackoff.maxDelayMs,
    );
    expect(typePickup(parcelA.code, 'parcel-a').outcome).toBe('wait');
    // …the keypad is slowed by the same failures…
    expect(limiter.waitBeforeAttempt({})).toBeGreaterThan(0);
    // …yet B, identified, gets in at once: parcel A's failures are not B's, nor is the keypad's wait.
    expect(typePickup(parcelB.code, 'parcel-b')).toMatchObject({ outcome: 'accepted' });
    // And A's own recipient, typing at the keypad, gets in after the keypad's (shorter) wait.
    const keypadWaitMs = limiter.waitBeforeAttempt({});
    expect(keypadWaitMs).toBeLessThanOrEqual(defaultKeypadBackoff.maxDelayMs);
    await clock.advance(keypadWaitMs);
    expect(typePickup(parcelA.code)).toMatchObject({ outcome: 'accepted', targetId: 'parcel-a' });
  });

  it('an anonymous wait started by someone else is the same for every recipient and never longer than the cap', async () => {
    const { clock, limiter, issuePickup, typePickup } = codeKit();
    const codes = ['parcel-c', 'parcel-d', 'parcel-e'].map((target) => issuePickup(target));
    const guess = wrongCode(
      codes[0]!.code,
      codes.map((issued) => issued.code),
    );
    for (let failure = 0; failure < 40; failure++) {
      await clock.advance(limiter.waitBeforeAttempt({}));
      typePickup(guess);
    }
    expect(limiter.waitBeforeAttempt({})).toBe(defaultKeypadBackoff.maxDelayMs);
    await clock.advance(defaultKeypadBackoff.maxDelayMs);
    for (const issued of codes) {
      expect(typePickup(issued.code).outcome).toBe('accepted');
    }
  });
});

describe('keypad back-off', () => {
  it('starts after 5 wrong codes: 30 s, then doubling, capped at 15 minutes', async () => {
    const { clock, limiter, issuePickup, typePickup } = codeKit();
    const guess = wrongCode(issuePickup('parcel-a').code);
    const retryAfter: number[] = [];
    for (let failure = 0; failure < 11; failure++) {
      await clock.advance(limiter.waitBeforeAttempt({}));
      const check = typePickup(guess);
      expect(check.outcome).toBe('rejected');
      retryAfter.push((check as Extract<CodeCheck, { outcome: 'rejected' }>).retryAfterMs);
    }
    expect(retryAfter).toEqual([
      0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000,
    ]);
  });

  it('refuses every attempt during the wait, right or wrong, and answers the time left', async () => {
    const { clock, issuePickup, typePickup } = codeKit();
    const issued = issuePickup('parcel-a');
    const guess = wrongCode(issued.code);
    for (let failure = 0; failure < 5; failure++) {
      typePickup(guess);
    }
    await clock.advance(10_000);
    expect(typePickup(issued.code)).toEqual({ outcome: 'wait', retryAfterMs: 20_000 });
    expect(typePickup(guess)).toEqual({ outcome: 'wait', retryAfterMs: 20_000 });
    await clock.advance(20_000);
    expect(typePickup(issued.code).outcome).toBe('accepted');
  });

  it('is not reset by someone typing a valid code of their own between guesses', () => {
    const { issuePickup, typePickup } = codeKit();
    const own = issuePickup('attackers-own-parcel');
    const guess = wrongCode(own.code);
    for (let round = 0; round < 4; round++) {
      expect(typePickup(guess).outcome).toBe('rejected');
      expect(typePickup(own.code).outcome).toBe('accepted');
    }
    expect(typePickup(guess)).toEqual({ outcome: 'rejected', retryAfterMs: 30_000 });
    expect(typePickup(own.code).outcome).toBe('wait');
  });

  it('forgets the failures after an hour without any', async () => {
    const { clock, issuePickup, typePickup } = codeKit();
    const issued = issuePickup('parcel-a');
    const guess = wrongCode(issued.code);
    for (let failure = 0; failure < 5; failure++) {
      typePickup(guess);
    }
    await clock.advance(defaultKeypadBackoff.forgetAfterMs);
    for (let failure = 0; failure < 4; failure++) {
      expect(typePickup(guess)).toEqual({ outcome: 'rejected', retryAfterMs: 0 });
    }
  });

  it('alerts and logs when a wait starts (X3: denied attempts logged and alerted)', () => {
    const alerts: BackoffAlert[] = [];
    const { issuePickup, typePickup } = codeKit({
      verifier: { onBackoff: (alert) => alerts.push(alert) },
    });
    const guess = wrongCode(issuePickup('parcel-a').code);
    for (let failure = 0; failure < 5; failure++) {
      typePickup(guess);
    }
    expect(alerts).toEqual([
      { keypadFailures: 5, targetId: undefined, targetFailures: undefined, retryAfterMs: 30_000 },
    ]);
  });
});

describe('target back-off', () => {
  it('counts per target, and a success clears that target’s count', async () => {
    const { clock, limiter, issuePickup, typePickup } = codeKit();
    const a = issuePickup('parcel-a');
    const guess = wrongCode(a.code);
    for (let failure = 0; failure < 4; failure++) {
      typePickup(guess, 'parcel-a');
    }
    expect(typePickup(a.code, 'parcel-a').outcome).toBe('accepted');
    await clock.advance(defaultKeypadBackoff.forgetAfterMs);
    for (let failure = 0; failure < 4; failure++) {
      expect(typePickup(guess, 'parcel-a')).toEqual({ outcome: 'rejected', retryAfterMs: 0 });
    }
    expect(typePickup(guess, 'parcel-a')).toEqual({ outcome: 'rejected', retryAfterMs: 30_000 });
    expect(limiter.waitBeforeAttempt({ targetId: 'parcel-b' })).toBe(0);
  });
});
