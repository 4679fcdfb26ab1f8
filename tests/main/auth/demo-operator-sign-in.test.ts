import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountLockout } from '../../../src-main/auth/account-lockout.js';
import { createOperatorSignIn } from '../../../src-main/auth/operator-sign-in.js';
import { SessionManager } from '../../../src-main/auth/session-manager.js';
import { SqliteAccountLockoutStore } from '../../../src-main/auth/sqlite-lockout-store.js';
import { createSqliteOperatorDirectory } from '../../../src-main/auth/sqlite-operator-directory.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { findOperatorByUserName } from '../../../src-main/db/queries/operators.js';
import { demoOperators } from '../../../src-main/db/seed-demo-credentials.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

describe('the demo bank’s operators', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
  });

  afterEach(() => {
    database.close();
    folder.remove();
  });

  // One real scrypt verification at the stored parameters (N=2^17): about a second.
  it('signs `mailroom` in with the published demo password', async () => {
    const clock = new ManualClock();
    seedDemoBank(database.db, clock.now());
    const logger = pino({ level: 'silent' });
    const signIn = createOperatorSignIn({
      directory: createSqliteOperatorDirectory(database.db),
      lockout: new AccountLockout({
        store: new SqliteAccountLockoutStore(database.db, clock),
        clock,
      }),
      sessions: new SessionManager({ clock, logger }),
      logger,
    });
    const mailroom = demoOperators.find((operator) => operator.userName === 'mailroom');
    expect(mailroom?.password).toBe('casier-mailroom');
    const result = await signIn.signIn('mailroom', 'casier-mailroom');
    expect(result.ok && result.session.accountId).toBe(
      findOperatorByUserName(database.db, 'mailroom')?.id,
    );
  });
});
