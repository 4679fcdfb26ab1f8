import type { LoadStepResult } from './sync-load-protocol.js';

/** One step of the fan-in climb: how a number of banks fared. */
export interface StepOutcome {
  banks: number;
  /** Over pushes and pulls together: what a step is judged by. */
  p99Ms: number;
  pushP99Ms: number;
  pullP99Ms: number;
  syncsDone: number;
  syncsScheduled: number;
  mutationsAcked: number;
  mutationsWritten: number;
  errorCount: number;
  errors: string[];
  held: boolean;
}

/** The value at or below which `fraction` of the samples fall (nearest rank); NaN for none. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) {
    return Number.NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

/** A step holds when its p99 is under the limit, with every sync done and no error. */
export function outcomeOf(result: LoadStepResult, p99LimitMs: number): StepOutcome {
  const p99Ms = percentile([...result.pushLatenciesMs, ...result.pullLatenciesMs], 0.99);
  return {
    banks: result.banks,
    p99Ms,
    pushP99Ms: percentile(result.pushLatenciesMs, 0.99),
    pullP99Ms: percentile(result.pullLatenciesMs, 0.99),
    syncsDone: result.syncsDone,
    syncsScheduled: result.syncsScheduled,
    mutationsAcked: result.mutationsAcked,
    mutationsWritten: result.mutationsWritten,
    errorCount: result.errorCount,
    errors: result.errors,
    held:
      p99Ms < p99LimitMs &&
      result.errorCount === 0 &&
      result.syncsScheduled > 0 &&
      result.syncsDone === result.syncsScheduled,
  };
}

/**
 * Runs the steps in increasing order until the first one that does not hold (so the load stops
 * growing once the server is past its limit), then the focus step if the climb did not reach it,
 * so its p99 is known for every server. `held` is the largest step held below the first failure.
 */
export async function climbSteps(
  steps: readonly number[],
  focusBanks: number,
  p99LimitMs: number,
  run: (banks: number) => Promise<LoadStepResult>,
): Promise<{ held: number; outcomes: StepOutcome[] }> {
  const outcomes: StepOutcome[] = [];
  let held = 0;
  for (const banks of [...steps].sort((a, b) => a - b)) {
    const outcome = outcomeOf(await run(banks), p99LimitMs);
    outcomes.push(outcome);
    if (!outcome.held) {
      break;
    }
    held = banks;
  }
  if (!outcomes.some((outcome) => outcome.banks === focusBanks)) {
    outcomes.push(outcomeOf(await run(focusBanks), p99LimitMs));
  }
  return { held, outcomes };
}

/** "100: p99 12 ms; 250: p99 31 ms; 500: p99 480 ms, 3 errors (…)" for a figure's note. */
export function describeSteps(outcomes: readonly StepOutcome[]): string {
  return outcomes
    .map((outcome) => {
      const errors =
        outcome.errorCount > 0 ? `, ${outcome.errorCount} errors (${outcome.errors[0]})` : '';
      const done =
        outcome.syncsDone < outcome.syncsScheduled
          ? `, ${outcome.syncsDone}/${outcome.syncsScheduled} syncs`
          : '';
      return `${outcome.banks}: p99 ${Math.round(outcome.p99Ms)} ms${done}${errors}`;
    })
    .join('; ');
}
