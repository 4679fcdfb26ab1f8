import {
  kioskEvents,
  kioskMethods,
  type EventPayload,
  type KioskEventName,
  type KioskMethodName,
  type MethodArgs,
  type MethodResult,
} from '../src-shared/api/contract.js';
import { failure, type Result } from '../src-shared/api/result.js';
import type { KioskTransport } from '../src-shared/api/transport.js';
import type { Locale } from '../src-shared/i18n/locales.js';
import { translate } from '../src-shared/i18n/translate.js';

/** The kiosk API as the screens see it: typed by the contract, checked on arrival. */
export interface KioskClient {
  call<M extends KioskMethodName>(method: M, args: MethodArgs<M>): Promise<Result<MethodResult<M>>>;
  /** Returns a function that stops listening. */
  on<E extends KioskEventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Wraps a transport (which carries `unknown`) with the contract's schemas, so a core that answers
 * something else than it promised shows an error instead of breaking a screen half-way. Every
 * call carries the locale the person chose, so the core's error texts come back in it.
 */
export function createKioskClient(
  transport: KioskTransport,
  currentLocale: () => Locale,
): KioskClient {
  async function call<M extends KioskMethodName>(
    method: M,
    args: MethodArgs<M>,
  ): Promise<Result<MethodResult<M>>> {
    const locale = currentLocale();
    let result: Result<unknown>;
    try {
      result = await transport.invoke(method, args, locale);
    } catch {
      return failure('internal_error', translate(locale, 'error.internal_error'));
    }
    if (!result.ok) {
      return result;
    }
    const checked = kioskMethods[method].result.safeParse(result.value);
    if (!checked.success) {
      return failure('internal_error', translate(locale, 'error.internal_error'));
    }
    return { ok: true, value: checked.data as MethodResult<M> };
  }

  function on<E extends KioskEventName>(
    event: E,
    handler: (payload: EventPayload<E>) => void,
  ): () => void {
    return transport.subscribe((name, payload) => {
      if (name !== event) {
        return;
      }
      const checked = kioskEvents[event].safeParse(payload);
      if (checked.success) {
        handler(checked.data as EventPayload<E>);
      }
    });
  }

  return { call, on };
}
