import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountLockout } from '../../../src-main/auth/account-lockout.js';
import { SqliteAccountLockoutStore } from '../../../src-main/auth/sqlite-lockout-store.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { insertOperator } from '../../../src-main/db/queries/operators.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { fakePasswordHash } from '../db/directory-fixtures.js';

describe('SqliteAccountLockoutStore', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let clock: ManualClock;
  let operatorId: string;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    clock = new ManualClock();
    operatorId = database.db.transaction(
      (tx) =>
        insertOperator(
          tx,
          {
            userName: 'alice',
            displayName: 'Alice',
            passwordHash: fakePasswordHash,
            role: 'admin',
          },
          0,
        ).id,
    );
  });

  afterEach(() => {
    database.close();
    folder.remove();
  });

  function row() {
    return database.sqlite
      .prepare(
        `SELECT failed_sign_in_count AS failures, last_failed_sign_in_at AS lastFailureAt,
                locked_until AS lockedUntil, updated_at AS updatedAt FROM operator WHERE id = ?`,
      )
      .get(operatorId);
  }

  it('writes the state into the operator row, reads it back, and clears it', async () => {
    const store = new SqliteAccountLockoutStore(database.db, clock);
    expect(store.get(operatorId)).toBeUndefined();
    const state = {
      failures: 5,
      lastFailureAtMs: clock.now() - 10,
      lockedUntilMs: clock.now() + 60_000,
    };
    store.set(operatorId, state);
    expect(store.get(operatorId)).toEqual(state);
    expect(row()).toEqual({
      failures: 5,
      lastFailureAt: state.lastFailureAtMs,
      lockedUntil: state.lockedUntilMs,
      updatedAt: clock.now(),
    });
    await clock.advance(1_000);
    store.delete(operatorId);
    expect(store.get(operatorId)).toBeUndefined();
    expect(row()).toEqual({
      failures: 0,
      lastFailureAt: null,
      lockedUntil: null,
      updatedAt: clock.now(),
    });
  });

  it('answers nothing for, and writes nothing to, an id that is no operator', () => {
    const store = new SqliteAccountLockoutStore(database.db, clock);
    store.set('no-such-operator', { failures: 1, lastFailureAtMs: 1, lockedUntilMs: null });
    expect(store.get('no-such-operator')).toBeUndefined();
    expect(row()).toMatchObject({ failures: 0 });
  });

  it('writes inside a caller’s transaction, and is rolled back with it', () => {
    const fail = (
      makeStore: (
        tx: Parameters<Parameters<typeof database.db.transaction>[0]>[0],
      ) => SqliteAccountLockoutStore,
    ) =>
      expect(() =>
        database.db.transaction((tx) => {
          const lockout = new AccountLockout({ store: makeStore(tx), clock });
          expect(lockout.recordFailure(operatorId)).toEqual({ locked: false, failures: 1 });
          // Seen inside the transaction...
          expect(lockout.status(operatorId)).toEqual({ locked: false, failures: 1 });
          throw new Error('the action failed');
        }),
      ).toThrow('the action failed');
    // Over the transaction itself, and over the database while a transaction is open on it.
    fail((tx) => new SqliteAccountLockoutStore(tx, clock));
    fail(() => new SqliteAccountLockoutStore(database.db, clock));
    // ...and gone with it.
    expect(row()).toMatchObject({ failures: 0, lastFailureAt: null });

    database.db.transaction((tx) => {
      new AccountLockout({ store: new SqliteAccountLockoutStore(tx, clock), clock }).recordFailure(
        operatorId,
      );
    });
    expect(row()).toMatchObject({ failures: 1, lastFailureAt: clock.now() });
  });
});
