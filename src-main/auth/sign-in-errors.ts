import type { ErrorCode } from '../../src-shared/errors.js';
import type { SignInResult } from './operator-sign-in.js';

/** The API error for a refused sign-in; its text is the sign-in screen's own message. */
export function signInErrorCode(result: Extract<SignInResult, { ok: false }>): ErrorCode {
  return result.reason === 'account_locked' ? 'account_locked' : 'sign_in_failed';
}
