import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import {
  clearSignInFailures,
  readSignInFailures,
  writeSignInFailures,
} from '../db/queries/operators.js';
import type { AccountLockState, AccountLockoutStore } from './lockout-store.js';

/**
 * What the store reads and writes through: the database, or the transaction of the action that
 * records the failure with it. Each write runs in a transaction of its own on this connection,
 * which better-sqlite3 turns into a savepoint when the caller already has one open, so a write
 * inside a caller's transaction commits or rolls back with it.
 */
export type LockoutStoreConnection = Pick<KioskDb, 'select' | 'transaction'>;

/**
 * The AccountLockoutStore over the operator row's lockout columns (failed_sign_in_count,
 * last_failed_sign_in_at, locked_until), so a restarted kiosk keeps every lock and every count
 * (A8): restarting must not be a way to get five more guesses. Account ids are operator ids.
 *
 * Writes for an id that is no operator change nothing: AccountLockout is only ever told about
 * accounts the operator directory found. `updated_at` takes the injected clock, like every
 * other write of the kiosk.
 */
export class SqliteAccountLockoutStore implements AccountLockoutStore {
  readonly #connection: LockoutStoreConnection;
  readonly #clock: Clock;

  constructor(connection: LockoutStoreConnection, clock: Clock) {
    this.#connection = connection;
    this.#clock = clock;
  }

  get(accountId: string): AccountLockState | undefined {
    return readSignInFailures(this.#connection, accountId);
  }

  set(accountId: string, state: AccountLockState): void {
    this.#connection.transaction((tx) =>
      writeSignInFailures(tx, accountId, state, this.#clock.now()),
    );
  }

  delete(accountId: string): void {
    this.#connection.transaction((tx) => clearSignInFailures(tx, accountId, this.#clock.now()));
  }
}
