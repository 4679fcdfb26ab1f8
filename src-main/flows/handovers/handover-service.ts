import type {
  HandoverDropView,
  HandoverRequest,
  HandoverView,
} from '../../../src-shared/api/handover-methods.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import { KioskError } from '../../core/kiosk-error.js';
import type { Actor } from '../kiosk-sessions.js';

/**
 * Returns and exchanges (D3, D4): see src-shared/api/handover-methods.ts. Each business action
 * is one transaction with its activity row; the sender's and receiver's codes and their notices
 * are written in the same transaction as the step that causes them.
 */
export interface HandoverService {
  create(actor: Actor, request: HandoverRequest, locale: Locale): HandoverView;
  list(actor: Actor): HandoverView[];
  cancel(actor: Actor, handoverId: string): HandoverView;
  collect(actor: Actor, handoverId: string, locale: Locale): Promise<HandoverView>;
  withCode(code: string, locale: Locale): Promise<HandoverDropView>;
  reopen(dropId: string, locale: Locale): Promise<HandoverDropView>;
  cancelDrop(dropId: string): HandoverDropView;
  stop(): void;
}

/** Placeholder until the hand-over flows land (issue 5): every call is refused. */
export function createHandoverService(): HandoverService {
  const refuse = (): never => {
    throw new KioskError('internal_error');
  };
  return {
    create: refuse,
    list: refuse,
    cancel: refuse,
    collect: refuse,
    withCode: refuse,
    reopen: refuse,
    cancelDrop: refuse,
    stop: () => undefined,
  };
}
