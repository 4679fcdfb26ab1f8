import type { MethodHandlers } from '../api/dispatcher.js';
import { scanForPages } from '../scanning/scan-event.js';
import { handoverHandlers } from './handover-handlers.js';
import { heldScanOf } from './held-scan.js';
import { KioskError } from './kiosk-error.js';
import type { KioskServices } from './services.js';
import { storageHandlers } from './storage-handlers.js';
import { syncHandlers } from './sync-handlers.js';

/**
 * Which service answers each kiosk API method, and what each needs: a method that takes
 * `session` checks it, and the permission named here, before anything happens (security.md);
 * the actor the activity rows name is the signed-in person, never something the page says.
 * Pickup methods need no session: the code, QR or badge is the proof.
 */
export function createMethodHandlers(services: KioskServices): MethodHandlers {
  const { sessions } = services;

  const heldScan = heldScanOf(services.recentScans);

  return {
    ...storageHandlers(services, heldScan),
    ...handoverHandlers(services),
    ...syncHandlers(services),
    'session.signIn': ({ userName, password }) => sessions.signIn(userName, password),
    'session.signInWithScan': ({ scanId }) => sessions.signInWithScan(heldScan(scanId)),
    'session.current': ({ session }) => sessions.current(session),
    'session.signOut': ({ session }) => {
      sessions.signOut(session);
      return {};
    },

    'directory.search': ({ session, query }) => {
      sessions.require(session, 'parcel.drop_off');
      return services.searchRecipients(query);
    },
    'dropoff.identify': ({ session, text }) => {
      sessions.require(session, 'parcel.drop_off');
      return services.dropOff.identify(text);
    },
    'dropoff.identifyScan': ({ session, scanId }) => {
      sessions.require(session, 'parcel.drop_off');
      const scan = services.recentScans.peek(scanId);
      if (!scan) {
        throw new KioskError('scan_not_usable');
      }
      return services.dropOff.identify(scan.text);
    },
    'dropoff.reservations': ({ session }) =>
      services.dropOff.reservations(sessions.require(session, 'parcel.drop_off')),
    'dropoff.propose': ({ session, request }, { locale }) =>
      services.dropOff.propose(sessions.require(session, 'parcel.drop_off'), request, locale),
    'dropoff.start': ({ session, request }, { locale }) =>
      services.dropOff.start(sessions.require(session, 'parcel.drop_off'), request, locale),
    'dropoff.biggerDoor': ({ session, depositId }, { locale }) =>
      services.dropOff.biggerDoor(sessions.require(session, 'parcel.drop_off'), depositId, locale),
    'dropoff.reopen': ({ session, depositId }, { locale }) =>
      services.dropOff.reopen(sessions.require(session, 'parcel.drop_off'), depositId, locale),
    'dropoff.cancel': ({ session, depositId }) =>
      services.dropOff.cancel(sessions.require(session, 'parcel.drop_off'), depositId),

    'pickup.withCode': ({ code }) => services.pickup.withCode(code),
    'pickup.withScan': ({ scanId }) => services.pickup.withScan(heldScan(scanId)),
    'pickup.open': ({ pickupId, parcelIds }) => services.pickup.open(pickupId, parcelIds),
    'pickup.finish': ({ pickupId }) => {
      services.pickup.finish(pickupId);
      return {};
    },

    'manage.compartments': ({ session }) => {
      sessions.require(session, 'compartment.view_all');
      return services.management.compartments();
    },
    'manage.removeExpired': ({ session, compartmentId }) =>
      services.management.removeExpired(
        sessions.require(session, 'parcel.remove_expired'),
        compartmentId,
      ),
    'manage.emptyStorage': ({ session, compartmentId, reason }) =>
      services.management.emptyStorage(
        sessions.require(session, 'storage.empty'),
        compartmentId,
        reason,
      ),
    'settings.public': () => services.publicSettings(),
    'settings.get': ({ session }) => {
      sessions.require(session);
      return services.settings.current();
    },
    'settings.save': ({ session, settings }) =>
      services.settings.save(settings, sessions.require(session, 'settings.edit').actorId),

    'bank.overview': () => services.compartments.overview(),
    'compartment.open': ({ session, compartmentId }) =>
      services.compartments.open(
        compartmentId,
        sessions.require(session, 'compartment.open_any').actorId,
      ),
    'compartment.setService': ({ session, compartmentId, service }) =>
      services.serviceStates.setService(
        compartmentId,
        service,
        sessions.require(session, 'compartment.set_service').actorId,
      ),
    'hardware.profile.get': ({ session }) => {
      sessions.require(session, 'hardware.commission');
      return services.hardwareProfile.get();
    },
    'hardware.profile.save': ({ session, profile }) =>
      services.hardwareProfile.save(
        profile,
        sessions.require(session, 'hardware.commission').actorId,
      ),
    'commissioning.pulse': ({ session, compartmentId }) =>
      services.commissioning.pulse(
        compartmentId,
        sessions.require(session, 'hardware.commission').actorId,
      ),
    'commissioning.results': ({ session }) => {
      sessions.require(session, 'hardware.commission');
      return services.commissioning.results();
    },
    // Printed in the language of whoever asked: the size words and the title are on the sheet.
    'commissioning.labels': ({ session }, { locale }) => {
      sessions.require(session, 'hardware.commission');
      return services.commissioning.labels(locale);
    },
    'scan.submit': ({ text, source }) => {
      const scan = services.scans.submit(text, source);
      return { ...scanForPages(scan), scanId: services.recentScans.remember(scan) };
    },
  };
}
