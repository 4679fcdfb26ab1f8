/**
 * Every error the kiosk API can answer with. The code is stable (clients and tests match on it);
 * the text a person reads comes from the i18n catalogues under `error.<code>`.
 */
export const errorCodes = [
  'invalid_argument',
  'unknown_method',
  'not_found',
  'compartment_out_of_service',
  'hardware_unavailable',
  'forbidden',
  'internal_error',
  'invalid_hardware_profile',
  // Codes and sign-in (X3, A8). One code for a wrong, expired, used or unknown code: a finer
  // answer would tell a guesser which codes exist.
  'invalid_code',
  'too_many_attempts',
  'sign_in_failed',
  'account_locked',
  'not_signed_in',
  // Drop-off, pickup and management (issue 4).
  'permission_denied',
  'no_compartment_available',
  'label_required',
  'pickup_method_disabled',
  'reopen_window_over',
  'contactless_sign_in_off',
  'scan_not_usable',
  // Storage, returns and exchanges (issue 5): the refusal's sentence comes with it, in the
  // caller's language (LocalizedKioskError), because each names its own limit or state.
  'storage_refused',
  /** A door task (a pickup, an owner at their storage) is using the compartment now. */
  'door_in_use',
  'handover_refused',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
