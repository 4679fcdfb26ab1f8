import { describe, expect, it } from 'vitest';
import {
  BackoffCounter,
  backoffDelayMs,
  checkBackoffPolicy,
  type BackoffPolicy,
} from '../../../src-main/codes/backoff.js';
import {
  defaultKeypadBackoff,
  defaultTargetBackoff,
} from '../../../src-main/codes/attempt-limiter.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

const policy: BackoffPolicy = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 8 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

describe('backoffDelayMs', () => {
  it('is free for 5 failures, then 30 s doubling up to the cap', () => {
    const delays = Array.from({ length: 12 }, (_, index) => backoffDelayMs(policy, index + 1));
    expect(delays).toEqual([
      0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 480_000, 480_000, 480_000,
    ]);
  });

  it('stays at the cap for absurd failure counts', () => {
    expect(backoffDelayMs(policy, 5000)).toBe(policy.maxDelayMs);
  });
});

describe('checkBackoffPolicy', () => {
  it('accepts the defaults', () => {
    expect(() => checkBackoffPolicy(defaultKeypadBackoff)).not.toThrow();
    expect(() => checkBackoffPolicy(defaultTargetBackoff)).not.toThrow();
  });

  it('refuses a forget period no longer than the cap (waiting out the cap would reset the count)', () => {
    expect(() => checkBackoffPolicy({ ...policy, forgetAfterMs: policy.maxDelayMs })).toThrow(
      RangeError,
    );
  });

  it('refuses a cap below the first delay, and negative or fractional free failures', () => {
    expect(() => checkBackoffPolicy({ ...policy, maxDelayMs: 1000 })).toThrow(RangeError);
    expect(() => checkBackoffPolicy({ ...policy, freeFailures: -1 })).toThrow(RangeError);
    expect(() => checkBackoffPolicy({ ...policy, freeFailures: 1.5 })).toThrow(RangeError);
  });
});

describe('BackoffCounter on fake time', () => {
  it('makes the next attempt wait exactly the delay after each failure', async () => {
    const clock = new ManualClock();
    const counter = new BackoffCounter(policy, clock);
    for (let failure = 1; failure <= 4; failure++) {
      expect(counter.recordFailure('k')).toBe(0);
      expect(counter.waitMs('k')).toBe(0);
    }
    expect(counter.recordFailure('k')).toBe(30_000);
    expect(counter.waitMs('k')).toBe(30_000);
    await clock.advance(29_999);
    expect(counter.waitMs('k')).toBe(1);
    await clock.advance(1);
    expect(counter.waitMs('k')).toBe(0);
    expect(counter.recordFailure('k')).toBe(60_000);
    await clock.advance(59_999);
    expect(counter.waitMs('k')).toBe(1);
  });

  it('does not lengthen a wait for attempts refused during it (asking is free)', async () => {
    const clock = new ManualClock();
    const counter = new BackoffCounter(policy, clock);
    for (let failure = 1; failure <= 5; failure++) {
      counter.recordFailure('k');
    }
    for (let second = 0; second < 30; second++) {
      expect(counter.waitMs('k')).toBe(30_000 - second * 1000);
      await clock.advance(1000);
    }
    expect(counter.waitMs('k')).toBe(0);
    expect(counter.failures('k')).toBe(5);
  });

  it('forgets the count after an hour without failures, not before', async () => {
    const clock = new ManualClock();
    const counter = new BackoffCounter(policy, clock);
    for (let failure = 1; failure <= 9; failure++) {
      counter.recordFailure('k');
    }
    await clock.advance(policy.forgetAfterMs - 1);
    expect(counter.failures('k')).toBe(9);
    await clock.advance(1);
    expect(counter.failures('k')).toBe(0);
    expect(counter.recordFailure('k')).toBe(0);
  });

  it('keeps keys apart and resets one on request', () => {
    const clock = new ManualClock();
    const counter = new BackoffCounter(policy, clock);
    for (let failure = 1; failure <= 6; failure++) {
      counter.recordFailure('a');
    }
    expect(counter.waitMs('a')).toBe(60_000);
    expect(counter.waitMs('b')).toBe(0);
    counter.reset('a');
    expect(counter.waitMs('a')).toBe(0);
    expect(counter.failures('a')).toBe(0);
  });
});
