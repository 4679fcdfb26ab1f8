import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../src-main/sync/retry-backoff.js';

describe('the sync backoff', () => {
  it('doubles its ceiling from one second up to the one-minute cap', () => {
    const almostOne = (): number => 0.999_999;
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 20, 500].map((attempt) =>
      backoffDelayMs(attempt, almostOne),
    );
    expect(ceilings).toEqual([
      999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999, 59_999, 59_999,
    ]);
  });

  it('draws the whole range below the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.25)).toBe(2_000);
    // A random source out of range cannot push the wait past the ceiling.
    expect(backoffDelayMs(0, () => 7)).toBe(1_000);
  });
});
