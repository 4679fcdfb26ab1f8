/**
 * An account's failed sign-ins, as a row the kiosk database can keep so a restart does not
 * unlock anyone. `lockedUntilMs` is set while the account is locked.
 */
export interface AccountLockState {
  readonly failures: number;
  readonly lastFailureAtMs: number;
  readonly lockedUntilMs: number | null;
}

export interface AccountLockoutStore {
  get(accountId: string): AccountLockState | undefined;
  set(accountId: string, state: AccountLockState): void;
  delete(accountId: string): void;
}

/** The store contract in memory, for tests and until the kiosk database has the table. */
export class MemoryAccountLockoutStore implements AccountLockoutStore {
  readonly #states = new Map<string, AccountLockState>();

  get(accountId: string): AccountLockState | undefined {
    return this.#states.get(accountId);
  }

  set(accountId: string, state: AccountLockState): void {
    this.#states.set(accountId, { ...state });
  }

  delete(accountId: string): void {
    this.#states.delete(accountId);
  }
}
