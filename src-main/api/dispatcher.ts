import type { z } from 'zod';
import {
  isKioskMethodName,
  kioskEvents,
  kioskMethods,
  type EventPayload,
  type KioskEventName,
  type KioskMethodName,
  type KioskMethods,
  type MethodResult,
} from '../../src-shared/api/contract.js';
import { failure, ok, type Result } from '../../src-shared/api/result.js';
import type { KioskTransport } from '../../src-shared/api/transport.js';
import { isMessageKey, translate } from '../../src-shared/i18n/translate.js';
import { defaultLocale, isLocale, type Locale } from '../../src-shared/i18n/locales.js';
import { KioskError } from '../core/kiosk-error.js';
import type { Logger } from '../logging/logger.js';
import { describeInvalidArguments } from './describe-invalid-arguments.js';

export interface CallContext {
  locale: Locale;
}

export type MethodHandlers = {
  [M in KioskMethodName]: (
    args: z.output<KioskMethods[M]['args']>,
    context: CallContext,
  ) => Promise<MethodResult<M>> | MethodResult<M>;
};

/** The core side of the kiosk API: what both transports (IPC, WebSocket) call into. */
export interface KioskDispatcher extends KioskTransport {
  emit<E extends KioskEventName>(event: E, payload: EventPayload<E>): void;
}

type EventListener = (event: string, payload: unknown) => void;

/**
 * The one dispatcher (architecture.md). Validates every call against the contract, runs the
 * handler, and never lets an exception cross the process boundary: refusals become translated
 * error results, bugs become `internal_error` and a log line.
 */
export function createDispatcher(handlers: MethodHandlers, logger: Logger): KioskDispatcher {
  const listeners = new Set<EventListener>();

  async function invoke(
    method: string,
    args: unknown,
    requestedLocale: Locale,
  ): Promise<Result<unknown>> {
    const locale = isLocale(requestedLocale) ? requestedLocale : defaultLocale;
    if (!isKioskMethodName(method)) {
      return failure(
        'unknown_method',
        translate(locale, 'error.unknown_method', { method: method.slice(0, 100) }),
      );
    }
    const contract = kioskMethods[method];
    const parsed = contract.args.safeParse(args ?? {});
    if (!parsed.success) {
      return failure(
        'invalid_argument',
        translate(locale, 'error.invalid_argument', {
          detail: describeInvalidArguments(parsed.error),
        }),
      );
    }
    try {
      const handler = handlers[method] as (args: unknown, context: CallContext) => unknown;
      const value: unknown = await handler(parsed.data, { locale });
      const checked = contract.result.safeParse(value);
      if (!checked.success) {
        logger.error(
          { method, issues: checked.error.issues },
          'handler result breaks the API contract',
        );
        return failure('internal_error', translate(locale, 'error.internal_error'));
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof KioskError) {
        return failure(
          error.code,
          translate(
            locale,
            `error.${error.code}`,
            error.localizedParams(locale) ?? translatedParams(error, locale),
          ),
          error.retryAfterMs,
        );
      }
      logger.error({ method, err: error }, 'kiosk method failed');
      return failure('internal_error', translate(locale, 'error.internal_error'));
    }
  }

  function emit<E extends KioskEventName>(event: E, payload: EventPayload<E>): void {
    const checked = kioskEvents[event].safeParse(payload);
    if (!checked.success) {
      logger.error(
        { event, issues: checked.error.issues },
        'event payload breaks the API contract',
      );
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(event, checked.data);
      } catch (error) {
        logger.error({ event, err: error }, 'event listener failed');
      }
    }
  }

  function subscribe(listener: EventListener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  return { invoke, subscribe, emit };
}

/** Parameters that are themselves message keys (such as `what`) are shown translated. */
function translatedParams(error: KioskError, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params)) {
    params[name] =
      typeof value === 'string' && isMessageKey(value) ? translate(locale, value) : value;
  }
  return params;
}
