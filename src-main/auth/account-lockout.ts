import type { Clock } from '../../src-shared/time/clock.js';
import type { AccountLockState, AccountLockoutStore } from './lockout-store.js';

/**
 * Account lockout (A8): after `maxFailures` failed sign-ins in a row the account is locked, and
 * even the right password is refused, until `lockDurationMs` has passed or an admin unlocks it.
 * Failures further apart than `forgetAfterMs` do not add up, so a typo a week never locks anyone.
 *
 * Unlike the code keypad (attempt-limiter.ts) this is a real lock: it protects one account, and
 * the only person it can keep out is that account's owner, who can ask an admin.
 */
export interface AccountLockoutPolicy {
  maxFailures: number;
  lockDurationMs: number;
  forgetAfterMs: number;
}

export const defaultAccountLockoutPolicy: Readonly<AccountLockoutPolicy> = {
  maxFailures: 5,
  lockDurationMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export type AccountLockStatus =
  { locked: false; failures: number } | { locked: true; lockedUntilMs: number };

export interface AccountLockoutOptions {
  store: AccountLockoutStore;
  clock: Clock;
  policy?: AccountLockoutPolicy;
}

export class AccountLockout {
  readonly #store: AccountLockoutStore;
  readonly #clock: Clock;
  readonly #policy: AccountLockoutPolicy;

  constructor(options: AccountLockoutOptions) {
    const policy = options.policy ?? defaultAccountLockoutPolicy;
    if (!Number.isInteger(policy.maxFailures) || policy.maxFailures < 1) {
      throw new RangeError('maxFailures must be a whole number ≥ 1');
    }
    if (!(policy.lockDurationMs > 0 && policy.forgetAfterMs > 0)) {
      throw new RangeError('lockout durations must be positive');
    }
    this.#store = options.store;
    this.#clock = options.clock;
    this.#policy = policy;
  }

  status(accountId: string): AccountLockStatus {
    const state = this.#current(accountId);
    if (state && state.lockedUntilMs !== null) {
      return { locked: true, lockedUntilMs: state.lockedUntilMs };
    }
    return { locked: false, failures: state?.failures ?? 0 };
  }

  /** Counts a failed sign-in; the answer says whether this one locked the account. */
  recordFailure(accountId: string): AccountLockStatus {
    const nowMs = this.#clock.now();
    const state = this.#current(accountId);
    if (state && state.lockedUntilMs !== null) {
      // Attempts on a locked account are refused before the password is checked, so there is
      // nothing to count, and counting would let anyone extend the lock forever.
      return { locked: true, lockedUntilMs: state.lockedUntilMs };
    }
    const failures = (state?.failures ?? 0) + 1;
    const lockedUntilMs =
      failures >= this.#policy.maxFailures ? nowMs + this.#policy.lockDurationMs : null;
    this.#store.set(accountId, { failures, lastFailureAtMs: nowMs, lockedUntilMs });
    return lockedUntilMs === null ? { locked: false, failures } : { locked: true, lockedUntilMs };
  }

  recordSuccess(accountId: string): void {
    this.#store.delete(accountId);
  }

  /** An admin's unlock: the account starts again with no failures. */
  unlock(accountId: string): void {
    this.#store.delete(accountId);
  }

  /** The stored state, or undefined once the lock has run out or the failures are forgotten. */
  #current(accountId: string): AccountLockState | undefined {
    const state = this.#store.get(accountId);
    if (!state) {
      return undefined;
    }
    const nowMs = this.#clock.now();
    const lockOver = state.lockedUntilMs !== null && nowMs >= state.lockedUntilMs;
    const forgotten =
      state.lockedUntilMs === null && nowMs - state.lastFailureAtMs >= this.#policy.forgetAfterMs;
    if (lockOver || forgotten) {
      this.#store.delete(accountId);
      return undefined;
    }
    return state;
  }
}
