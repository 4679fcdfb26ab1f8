import type { ErrorCode } from '../../src-shared/errors.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

/**
 * A refusal the person at the kiosk should read (out of service, unknown compartment…).
 * The dispatcher turns it into `{ ok: false, error }` with the text in the caller's language.
 */
export class KioskError extends Error {
  readonly code: ErrorCode;
  readonly params: MessageParams;
  /** Set on `too_many_attempts`: the screen keeps the keypad shut this long. */
  retryAfterMs: number | undefined;

  constructor(code: ErrorCode, params: MessageParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'KioskError';
    this.code = code;
    this.params = params;
  }

  /**
   * Parameters that are texts themselves, written in the caller's language (a refused hardware
   * profile's list of problems); undefined when `params` serve every language.
   */
  localizedParams(_locale: Locale): MessageParams | undefined {
    return undefined;
  }
}

/** A refusal whose parameters are sentences themselves, written for the caller's language. */
export class LocalizedKioskError extends KioskError {
  readonly #params: (locale: Locale) => MessageParams;

  constructor(code: ErrorCode, params: (locale: Locale) => MessageParams) {
    super(code);
    this.#params = params;
  }

  override localizedParams(locale: Locale): MessageParams {
    return this.#params(locale);
  }
}
