import { describe, expect, it } from 'vitest';
import { climbSteps, describeSteps, outcomeOf, percentile } from './sync-fan-in-steps.js';
import type { LoadStepResult } from './sync-load-protocol.js';

function result(banks: number, latenciesMs: number[], errorCount = 0): LoadStepResult {
  return {
    type: 'result',
    banks,
    pushLatenciesMs: latenciesMs,
    pullLatenciesMs: [],
    syncsDone: latenciesMs.length,
    syncsScheduled: latenciesMs.length,
    mutationsAcked: latenciesMs.length * 3,
    mutationsWritten: latenciesMs.length * 3,
    errorCount,
    errors: errorCount > 0 ? ['503 temporarily_unavailable'] : [],
    longPollsOverrun: 0,
  };
}

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_unused, index) => 100 - index);
    expect(percentile(samples, 0.99)).toBe(99);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.99)).toBeNaN();
  });
});

describe('outcomeOf', () => {
  it('holds only under the limit, with every sync done and no error', () => {
    expect(outcomeOf(result(10, [10, 20, 30]), 200).held).toBe(true);
    expect(outcomeOf(result(10, [10, 20, 250]), 200).held).toBe(false);
    expect(outcomeOf(result(10, [10, 20, 30], 1), 200).held).toBe(false);
    expect(outcomeOf({ ...result(10, [10]), syncsScheduled: 2 }, 200).held).toBe(false);
    expect(outcomeOf(result(10, []), 200).held).toBe(false);
  });

  it('judges pushes and pulls together', () => {
    const outcome = outcomeOf({ ...result(10, [10]), pullLatenciesMs: [500] }, 200);
    expect(outcome).toMatchObject({ held: false, pushP99Ms: 10, pullP99Ms: 500, p99Ms: 500 });
  });
});

describe('climbSteps', () => {
  const latencyAt = (banks: number): number => banks / 5;

  it('stops at the first step that does not hold and then measures the focus step', async () => {
    const ran: number[] = [];
    const climbed = await climbSteps([500, 100, 250, 2000, 1500, 1000], 1000, 200, (banks) => {
      ran.push(banks);
      return Promise.resolve(result(banks, [latencyAt(banks)]));
    });
    // 100 → 20 ms, 250 → 50 ms, 500 → 100 ms, 1000 → 200 ms (not under 200): stops there.
    expect(ran).toEqual([100, 250, 500, 1000]);
    expect(climbed.held).toBe(500);
    expect(describeSteps(climbed.outcomes)).toBe(
      '100: p99 20 ms; 250: p99 50 ms; 500: p99 100 ms; 1000: p99 200 ms',
    );
  });

  it('runs the focus step after a failure below it, and holds nothing when the first fails', async () => {
    const ran: number[] = [];
    const climbed = await climbSteps([100, 250, 1000], 1000, 200, (banks) => {
      ran.push(banks);
      return Promise.resolve(result(banks, [10], banks === 100 ? 2 : 0));
    });
    expect(ran).toEqual([100, 1000]);
    expect(climbed.held).toBe(0);
    expect(describeSteps(climbed.outcomes)).toContain('100: p99 10 ms, 2 errors (503');
  });
});
