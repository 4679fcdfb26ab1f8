import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AccountLockout } from '../../../src-main/auth/account-lockout.js';
import { MemoryAccountLockoutStore } from '../../../src-main/auth/lockout-store.js';
import {
  createOperatorSignIn,
  type OperatorCredentials,
} from '../../../src-main/auth/operator-sign-in.js';
import { hashPassword, type ScryptParameters } from '../../../src-main/auth/password-hash.js';
import { SessionManager } from '../../../src-main/auth/session-manager.js';
import { translate } from '../../../src-shared/i18n/index.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

const fast: ScryptParameters = { logCost: 10, blockSize: 8, parallelism: 1 };
const password = 'Corr3ct-horse';

async function setup() {
  const clock = new ManualClock();
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) });
  const accounts = new Map<string, OperatorCredentials>([
    ['alice', { accountId: 'op-alice', passwordHash: await hashPassword(password, fast) }],
    ['bob', { accountId: 'op-bob', passwordHash: await hashPassword('bobs-password', fast) }],
    ['broken', { accountId: 'op-broken', passwordHash: 'not-a-hash' }],
  ]);
  const lockout = new AccountLockout({ store: new MemoryAccountLockoutStore(), clock });
  const sessions = new SessionManager({ clock, logger });
  const signIn = createOperatorSignIn({
    directory: { findByUserName: (userName) => accounts.get(userName) },
    lockout,
    sessions,
    logger,
    scryptParameters: fast,
  });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { clock, lockout, sessions, signIn, lines, entries };
}

describe('operator sign-in', () => {
  it('opens a session for the right password', async () => {
    const { signIn, sessions } = await setup();
    const result = await signIn.signIn('alice', password);
    expect(result.ok).toBe(true);
    const session = (result as { session: { id: string; accountId: string } }).session;
    expect(session.accountId).toBe('op-alice');
    expect(sessions.get(session.id)).toBeDefined();
  });

  it('answers the same for an unknown user name and a wrong password', async () => {
    const { signIn } = await setup();
    const unknown = await signIn.signIn('mallory', password);
    const wrong = await signIn.signIn('alice', 'wrong');
    expect(unknown).toEqual({
      ok: false,
      reason: 'invalid_credentials',
      messageKey: 'signin.failed',
    });
    expect(wrong).toEqual(unknown);
  });

  it('locks after 5 failures with the exact message, refusing even the right password', async () => {
    const { signIn, entries } = await setup();
    for (let failure = 1; failure <= 4; failure++) {
      expect((await signIn.signIn('alice', `guess-${failure}`)).ok).toBe(false);
    }
    const fifth = await signIn.signIn('alice', 'guess-5');
    expect(fifth).toEqual({
      ok: false,
      reason: 'account_locked',
      messageKey: 'signin.account_locked',
    });
    expect(await signIn.signIn('alice', password)).toEqual(fifth);
    if (!fifth.ok) {
      expect(translate('en', fifth.messageKey)).toBe(
        'This user account is locked. Too many failed login attempts.',
      );
      expect(translate('fr', fifth.messageKey)).toBe(
        'Ce compte utilisateur est verrouillé. Trop de tentatives de connexion infructueuses.',
      );
    }
    // Another operator is not affected.
    expect((await signIn.signIn('bob', 'bobs-password')).ok).toBe(true);
    // Every failure is logged, the refused attempt on the locked account too.
    const failures = entries().filter((entry) => entry['msg'] === 'sign-in failed');
    expect(failures.map((entry) => entry['reason'])).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'account_locked',
    ]);
    expect(failures.every((entry) => entry['accountId'] === 'op-alice')).toBe(true);
    expect(failures[4]!['lockedNow']).toBe(true);
  });

  it('lets the operator in again after the lock period, or at once after an admin unlock', async () => {
    const { signIn, clock, lockout } = await setup();
    for (let failure = 1; failure <= 5; failure++) {
      await signIn.signIn('alice', 'wrong');
    }
    await clock.advance(15 * 60_000);
    expect((await signIn.signIn('alice', password)).ok).toBe(true);
    for (let failure = 1; failure <= 5; failure++) {
      await signIn.signIn('alice', 'wrong');
    }
    expect((await signIn.signIn('alice', password)).ok).toBe(false);
    lockout.unlock('op-alice');
    expect((await signIn.signIn('alice', password)).ok).toBe(true);
  });

  it('logs no password and no typed user name', async () => {
    const { signIn, lines } = await setup();
    await signIn.signIn('alice', 'Wrong-Secret-1');
    await signIn.signIn('Typed-Name-Secret', 'Wrong-Secret-2');
    await signIn.signIn('alice', password);
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of ['Wrong-Secret-1', 'Wrong-Secret-2', password, 'Typed-Name-Secret']) {
      expect(log).not.toContain(secret);
    }
  });

  it('refuses an account whose stored hash is unusable, and logs it as an error', async () => {
    const { signIn, entries } = await setup();
    expect(await signIn.signIn('broken', 'anything')).toMatchObject({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(
      entries().some(
        (entry) => entry['msg'] === 'stored password hash unusable' && entry['level'] === 50,
      ),
    ).toBe(true);
  });
});
