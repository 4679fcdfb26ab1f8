import type { MethodHandlers } from '../api/dispatcher.js';
import type { StorageMethodName } from '../../src-shared/api/storage-methods.js';
import type { KioskServices } from './services.js';
import type { HeldScan } from './held-scan.js';

/**
 * Personal storage's methods (F1–F5). A walk-up needs no session: the code or badge is the
 * proof, as for a pickup. Booking (F2) is staff or integration work and checks its permission.
 */
export function storageHandlers(
  services: KioskServices,
  heldScan: HeldScan,
): Pick<MethodHandlers, StorageMethodName> {
  const { storage, sessions } = services;
  return {
    'storage.options': () => storage.options(),
    'storage.start': ({ size, hours, scanId }, { locale }) =>
      storage.start(size, hours, scanId === null ? null : heldScan(scanId), locale),
    'storage.withCode': ({ code }, { locale }) => storage.withCode(code, locale),
    'storage.withScan': ({ scanId }, { locale }) => storage.withScan(heldScan(scanId), locale),
    'storage.open': ({ visitId }, { locale }) => storage.open(visitId, locale),
    'storage.extend': ({ visitId, hours }, { locale }) => storage.extend(visitId, hours, locale),
    'storage.end': ({ visitId }, { locale }) => storage.end(visitId, locale),
    'storage.giveUp': ({ visitId }, { locale }) => storage.giveUp(visitId, locale),
    'storage.finish': ({ visitId }) => {
      storage.finish(visitId);
      return {};
    },
    'storage.book': ({ session, booking }, { locale }) =>
      storage.book(sessions.require(session, 'storage.book'), booking, locale),
    'storage.cancelBooking': ({ session, externalId }) =>
      storage.cancelBooking(sessions.require(session, 'storage.book'), externalId),
  };
}
