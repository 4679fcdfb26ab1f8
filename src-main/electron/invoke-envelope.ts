import {
  isKioskMethodName,
  kioskMethods,
  type KioskMethodName,
} from '../../src-shared/api/contract.js';
import { failure, type Result } from '../../src-shared/api/result.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { defaultLocale, isLocale, type Locale } from '../../src-shared/i18n/locales.js';
import { describeInvalidArguments } from '../api/describe-invalid-arguments.js';

/** An IPC call that passed every check and may reach the core. */
export interface CheckedInvoke {
  method: KioskMethodName;
  args: unknown;
  locale: Locale;
}

export type EnvelopeCheck =
  { ok: true; call: CheckedInvoke } | { ok: false; refusal: Result<never> };

/** Longest method name echoed back in an error message: the page must not make us echo megabytes. */
const maxEchoedMethodLength = 100;

/**
 * Checks what a renderer sent over IPC before anything in the core sees it: a known locale, a
 * known method, arguments that match the method's schema. The dispatcher checks again; this layer
 * does not trust that, because the renderer is the least trusted process of the kiosk.
 */
export function checkInvokeEnvelope(
  method: unknown,
  args: unknown,
  locale: unknown,
): EnvelopeCheck {
  if (!isLocale(locale)) {
    return refuse(invalidArgument(defaultLocale, 'locale'));
  }
  if (typeof method !== 'string') {
    return refuse(invalidArgument(locale, 'method'));
  }
  if (!isKioskMethodName(method)) {
    return refuse(
      failure(
        'unknown_method',
        translate(locale, 'error.unknown_method', {
          method: method.slice(0, maxEchoedMethodLength),
        }),
      ),
    );
  }
  // Same convention as the dispatcher: a method without arguments may be called with none.
  const parsed = kioskMethods[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    return refuse(invalidArgument(locale, describeInvalidArguments(parsed.error)));
  }
  return { ok: true, call: { method, args: parsed.data, locale } };
}

function invalidArgument(locale: Locale, detail: string): Result<never> {
  return failure('invalid_argument', translate(locale, 'error.invalid_argument', { detail }));
}

function refuse(refusal: Result<never>): EnvelopeCheck {
  return { ok: false, refusal };
}
