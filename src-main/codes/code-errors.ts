import type { ErrorCode } from '../../src-shared/errors.js';
import type { CodeCheck } from './code-verifier.js';

/**
 * The API error for a refused code. Two answers only, as at the keypad: `invalid_code` for every
 * evaluated refusal (wrong, unknown, expired, used, voided, another target's) and
 * `too_many_attempts` for an attempt refused unevaluated during a back-off.
 */
export function codeCheckErrorCode(check: Exclude<CodeCheck, { outcome: 'accepted' }>): ErrorCode {
  return check.outcome === 'wait' ? 'too_many_attempts' : 'invalid_code';
}
