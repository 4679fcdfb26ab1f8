import type { Clock } from '../../src-shared/time/clock.js';

/**
 * Exponential back-off after repeated failures: the first `freeFailures` cost nothing (people
 * mistype), then each failure makes the next attempt wait `firstDelayMs`, doubling per further
 * failure up to `maxDelayMs`. After `forgetAfterMs` without a failure the count starts again, so
 * a morning of occasional typos does not add up into a long wait for the afternoon.
 */
export interface BackoffPolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export function checkBackoffPolicy(policy: BackoffPolicy): void {
  const { freeFailures, firstDelayMs, maxDelayMs, forgetAfterMs } = policy;
  if (!Number.isInteger(freeFailures) || freeFailures < 0) {
    throw new RangeError('freeFailures must be a whole number ≥ 0');
  }
  if (!(firstDelayMs > 0 && maxDelayMs >= firstDelayMs)) {
    throw new RangeError('delays must be positive, the cap at least the first delay');
  }
  // Otherwise an attacker waiting out the capped delay would find the count forgotten and get
  // the free failures again after every capped wait.
  if (!(forgetAfterMs > maxDelayMs)) {
    throw new RangeError('forgetAfterMs must be longer than maxDelayMs');
  }
}

/** How long the next attempt must wait after `failures` failures in a row. */
export function backoffDelayMs(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.freeFailures) {
    return 0;
  }
  // 2 ** a large count is Infinity, which the cap absorbs.
  return Math.min(policy.firstDelayMs * 2 ** (failures - policy.freeFailures), policy.maxDelayMs);
}

interface FailureRun {
  failures: number;
  lastFailureAtMs: number;
}

/**
 * Failure counts for many keys (the keypad, each target) on the injected clock. Only failures
 * move a deadline: asking, or being refused while waiting, never does, so hammering the keypad
 * during a wait cannot make that wait longer.
 */
export class BackoffCounter {
  readonly #policy: BackoffPolicy;
  readonly #clock: Clock;
  readonly #runs = new Map<string, FailureRun>();

  constructor(policy: BackoffPolicy, clock: Clock) {
    checkBackoffPolicy(policy);
    this.#policy = policy;
    this.#clock = clock;
  }

  /** Milliseconds before `key` may try again; 0 when it may now. */
  waitMs(key: string): number {
    const run = this.#currentRun(key);
    if (!run) {
      return 0;
    }
    const readyAtMs = run.lastFailureAtMs + backoffDelayMs(this.#policy, run.failures);
    return Math.max(0, readyAtMs - this.#clock.now());
  }

  failures(key: string): number {
    return this.#currentRun(key)?.failures ?? 0;
  }

  /** Counts a failure and answers the wait it imposes on the next attempt. */
  recordFailure(key: string): number {
    this.#forgetOldRuns();
    const failures = (this.#runs.get(key)?.failures ?? 0) + 1;
    this.#runs.set(key, { failures, lastFailureAtMs: this.#clock.now() });
    return backoffDelayMs(this.#policy, failures);
  }

  reset(key: string): void {
    this.#runs.delete(key);
  }

  #currentRun(key: string): FailureRun | undefined {
    const run = this.#runs.get(key);
    if (run && this.#isForgotten(run)) {
      this.#runs.delete(key);
      return undefined;
    }
    return run;
  }

  #isForgotten(run: FailureRun): boolean {
    return this.#clock.now() - run.lastFailureAtMs >= this.#policy.forgetAfterMs;
  }

  /** Keeps memory bounded by the keys that failed recently, whatever an attacker types. */
  #forgetOldRuns(): void {
    for (const [key, run] of this.#runs) {
      if (this.#isForgotten(run)) {
        this.#runs.delete(key);
      }
    }
  }
}
