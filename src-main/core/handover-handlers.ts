import type { MethodHandlers } from '../api/dispatcher.js';
import type { HandoverMethodName } from '../../src-shared/api/handover-methods.js';
import type { KioskServices } from './services.js';

/**
 * Returns and exchanges (D3, D4). The mailroom's side checks `handover.manage`; the drop at the
 * kiosk needs no session: the sender's one-time code is the proof.
 */
export function handoverHandlers(
  services: KioskServices,
): Pick<MethodHandlers, HandoverMethodName> {
  const { handovers, sessions } = services;
  return {
    'handover.create': ({ session, request }, { locale }) =>
      handovers.create(sessions.require(session, 'handover.manage'), request, locale),
    'handover.list': ({ session }) => handovers.list(sessions.require(session, 'handover.manage')),
    'handover.cancel': ({ session, handoverId }) =>
      handovers.cancel(sessions.require(session, 'handover.manage'), handoverId),
    'handover.collect': ({ session, handoverId }, { locale }) =>
      handovers.collect(sessions.require(session, 'handover.manage'), handoverId, locale),
    'handover.withCode': ({ code }, { locale }) => handovers.withCode(code, locale),
    'handover.reopen': ({ dropId }, { locale }) => handovers.reopen(dropId, locale),
    'handover.cancelDrop': ({ dropId }) => handovers.cancelDrop(dropId),
  };
}
