import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountLockout,
  defaultAccountLockoutPolicy,
} from '../../../src-main/auth/account-lockout.js';
import {
  createOperatorSignIn,
  type SignInResult,
} from '../../../src-main/auth/operator-sign-in.js';
import { hashPassword, type ScryptParameters } from '../../../src-main/auth/password-hash.js';
import { SessionManager } from '../../../src-main/auth/session-manager.js';
import { createSqliteOperatorDirectory } from '../../../src-main/auth/sqlite-operator-directory.js';
import { SqliteAccountLockoutStore } from '../../../src-main/auth/sqlite-lockout-store.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { insertOperator } from '../../../src-main/db/queries/operators.js';
import { translate } from '../../../src-shared/i18n/index.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

const fast: ScryptParameters = { logCost: 10, blockSize: 8, parallelism: 1 };
const password = 'Corr3ct-horse';
const lockMs = defaultAccountLockoutPolicy.lockDurationMs;

/** Sign-in at the kiosk as the core will assemble it: directory and lockout on the database. */
function kioskSignIn(database: KioskDatabase, clock: ManualClock) {
  const logger = pino({ level: 'silent' });
  const lockout = new AccountLockout({
    store: new SqliteAccountLockoutStore(database.db, clock),
    clock,
  });
  const sessions = new SessionManager({ clock, logger });
  const signIn = createOperatorSignIn({
    directory: createSqliteOperatorDirectory(database.db),
    lockout,
    sessions,
    logger,
    scryptParameters: fast,
  });
  return { lockout, sessions, signIn };
}

describe('operator sign-in on the kiosk database', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let clock: ManualClock;
  let aliceId: string;

  beforeEach(async () => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    clock = new ManualClock();
    const passwordHash = await hashPassword(password, fast);
    aliceId = database.db.transaction(
      (tx) =>
        insertOperator(
          tx,
          { userName: 'alice', displayName: 'Alice', passwordHash, role: 'mailroom_operator' },
          clock.now(),
        ).id,
    );
  });

  afterEach(() => {
    database.close();
    folder.remove();
  });

  function lockoutColumns(operatorId: string) {
    return database.sqlite
      .prepare(
        `SELECT failed_sign_in_count AS failures, last_failed_sign_in_at AS lastFailureAt,
                locked_until AS lockedUntil FROM operator WHERE id = ?`,
      )
      .get(operatorId);
  }

  async function failTimes(
    signIn: { signIn: (u: string, p: string) => Promise<SignInResult> },
    n: number,
  ) {
    const results: SignInResult[] = [];
    for (let attempt = 1; attempt <= n; attempt++) {
      results.push(await signIn.signIn('alice', `wrong-${attempt}`));
    }
    return results;
  }

  it('locks after five wrong passwords with the exact message, refusing the right one too', async () => {
    const { signIn } = kioskSignIn(database, clock);
    const results = await failTimes(signIn, 5);
    expect(results.slice(0, 4).map((result) => !result.ok && result.reason)).toEqual(
      Array(4).fill('invalid_credentials'),
    );
    const locked = { ok: false, reason: 'account_locked', messageKey: 'signin.account_locked' };
    expect(results[4]).toEqual(locked);
    expect(translate('en', 'signin.account_locked')).toBe(
      'This user account is locked. Too many failed login attempts.',
    );
    expect(await signIn.signIn('alice', password)).toEqual(locked);
    expect(lockoutColumns(aliceId)).toEqual({
      failures: 5,
      lastFailureAt: clock.now(),
      lockedUntil: clock.now() + lockMs,
    });
  });

  it('keeps the lock when the database is reopened (a restarted kiosk)', async () => {
    await failTimes(kioskSignIn(database, clock).signIn, 5);
    database.close();
    database = openTestKioskDatabase(folder.path);
    const { signIn, lockout } = kioskSignIn(database, clock);
    expect(lockout.status(aliceId)).toEqual({ locked: true, lockedUntilMs: clock.now() + lockMs });
    expect(await signIn.signIn('alice', password)).toMatchObject({ reason: 'account_locked' });
  });

  it('keeps the count across a restart, so restarting gives no extra guesses', async () => {
    await failTimes(kioskSignIn(database, clock).signIn, 3);
    database.close();
    database = openTestKioskDatabase(folder.path);
    const { signIn } = kioskSignIn(database, clock);
    const results = await failTimes(signIn, 2);
    expect(results[1]).toMatchObject({ reason: 'account_locked' });
  });

  it('lets the operator in once the lock period is over, and clears the row', async () => {
    const { signIn } = kioskSignIn(database, clock);
    await failTimes(signIn, 5);
    await clock.advance(lockMs - 1);
    expect(await signIn.signIn('alice', password)).toMatchObject({ reason: 'account_locked' });
    await clock.advance(1);
    const result = await signIn.signIn('alice', password);
    expect(result.ok && result.session.accountId).toBe(aliceId);
    expect(lockoutColumns(aliceId)).toEqual({
      failures: 0,
      lastFailureAt: null,
      lockedUntil: null,
    });
  });

  it('lets the operator in at once after an admin unlock', async () => {
    const { signIn, lockout } = kioskSignIn(database, clock);
    await failTimes(signIn, 5);
    lockout.unlock(aliceId);
    expect(lockoutColumns(aliceId)).toEqual({
      failures: 0,
      lastFailureAt: null,
      lockedUntil: null,
    });
    expect((await signIn.signIn('alice', password)).ok).toBe(true);
  });

  it('matches the user name without case or surrounding spaces', async () => {
    const { signIn } = kioskSignIn(database, clock);
    expect((await signIn.signIn('  ALICE ', password)).ok).toBe(true);
  });

  it('refuses an inactive operator as it refuses an unknown name, counting nothing', async () => {
    database.sqlite.prepare('UPDATE operator SET active = 0 WHERE id = ?').run(aliceId);
    const { signIn } = kioskSignIn(database, clock);
    expect(createSqliteOperatorDirectory(database.db).findByUserName('alice')).toBeUndefined();
    const inactive = await signIn.signIn('alice', password);
    expect(inactive).toEqual(await signIn.signIn('nobody', password));
    expect(inactive).toEqual({
      ok: false,
      reason: 'invalid_credentials',
      messageKey: 'signin.failed',
    });
    await failTimes(signIn, 6);
    expect(lockoutColumns(aliceId)).toEqual({
      failures: 0,
      lastFailureAt: null,
      lockedUntil: null,
    });
  });
});
