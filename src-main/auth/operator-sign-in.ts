import { randomBytes } from 'node:crypto';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Logger } from '../logging/logger.js';
import type { AccountLockout } from './account-lockout.js';
import {
  hashPassword,
  UnusablePasswordHashError,
  verifyPassword,
  type ScryptParameters,
} from './password-hash.js';
import type { Session, SessionManager } from './session-manager.js';

/** What sign-in needs to know about an operator account; the database supplies it. */
export interface OperatorCredentials {
  accountId: string;
  passwordHash: string;
}

export interface OperatorDirectory {
  findByUserName(userName: string): OperatorCredentials | undefined;
}

export type SignInResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'invalid_credentials' | 'account_locked'; messageKey: MessageKey };

export interface OperatorSignInOptions {
  directory: OperatorDirectory;
  lockout: AccountLockout;
  sessions: SessionManager;
  logger: Logger;
  /** The parameters of the stand-in hash; match the real ones so timing matches too. */
  scryptParameters?: ScryptParameters;
}

export interface OperatorSignIn {
  signIn(userName: string, password: string): Promise<SignInResult>;
}

const invalidCredentials: SignInResult = {
  ok: false,
  reason: 'invalid_credentials',
  messageKey: 'signin.failed',
};

function accountLocked(): SignInResult {
  return { ok: false, reason: 'account_locked', messageKey: 'signin.account_locked' };
}

/**
 * Operator sign-in by user name and password (D1, A8). An unknown user name and a wrong password
 * give the same answer after the same scrypt work (a stand-in hash is checked for unknown names),
 * so the keypad does not tell who has an account. Every failure is logged with the account id
 * when there is one; never the typed user name (people type passwords into it) or password.
 */
export function createOperatorSignIn(options: OperatorSignInOptions): OperatorSignIn {
  const { directory, lockout, sessions, logger } = options;
  let standInHash: Promise<string> | undefined;

  function standIn(): Promise<string> {
    standInHash ??= hashPassword(randomBytes(16).toString('hex'), options.scryptParameters);
    return standInHash;
  }

  async function passwordMatches(password: string, account: OperatorCredentials) {
    try {
      return await verifyPassword(password, account.passwordHash);
    } catch (error) {
      if (error instanceof UnusablePasswordHashError) {
        logger.error({ accountId: account.accountId, err: error }, 'stored password hash unusable');
        return false;
      }
      throw error;
    }
  }

  return {
    signIn: async (userName, password) => {
      const account = directory.findByUserName(userName);
      if (!account) {
        await verifyPassword(password, await standIn());
        logger.warn({ reason: 'unknown_user' }, 'sign-in failed');
        return invalidCredentials;
      }
      const { accountId } = account;
      if (lockout.status(accountId).locked) {
        logger.warn({ accountId, reason: 'account_locked' }, 'sign-in failed');
        return accountLocked();
      }
      if (!(await passwordMatches(password, account))) {
        const status = lockout.recordFailure(accountId);
        logger.warn(
          { accountId, reason: 'wrong_password', lockedNow: status.locked },
          'sign-in failed',
        );
        return status.locked ? accountLocked() : invalidCredentials;
      }
      lockout.recordSuccess(accountId);
      return { ok: true, session: sessions.create(accountId) };
    },
  };
}
