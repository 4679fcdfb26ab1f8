import { translate } from '../../src-shared/i18n/translate.js';
import { codeCheckErrorCode } from '../codes/code-errors.js';
import { waitMessage } from '../codes/code-messages.js';
import type { CodeCheck } from '../codes/code-verifier.js';
import { KioskError, LocalizedKioskError } from '../core/kiosk-error.js';

/**
 * A refused code, the same answer for every code a person types at the kiosk (pickup, storage,
 * hand-overs; X3). When this failure starts a back-off the answer already says how long to
 * wait, so the person does not learn it only from their next, refused, attempt.
 */
export function refusedCode(check: Exclude<CodeCheck, { outcome: 'accepted' }>): KioskError {
  if (codeCheckErrorCode(check) === 'invalid_code' && check.retryAfterMs === 0) {
    return new KioskError('invalid_code');
  }
  const wait = waitMessage(check.retryAfterMs);
  const error = new LocalizedKioskError('too_many_attempts', (locale) => ({
    message: translate(locale, wait.key, wait.params),
  }));
  error.retryAfterMs = check.retryAfterMs;
  return error;
}
