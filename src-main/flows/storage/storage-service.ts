import type {
  StorageBookingRequest,
  StorageBookingView,
  StorageOptions,
  StorageVisit,
} from '../../../src-shared/api/storage-methods.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { ClassifiedScan } from '../../../src-shared/domain/scan.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import { bankNow } from '../first-door.js';
import type { Actor } from '../kiosk-sessions.js';
import { createStorageBookings } from './storage-bookings.js';
import type { NotifyStorageBooked } from './storage-booked-notice.js';
import { storageOptions } from './storage-options.js';
import { createStorageVisits, type StorageVisitDependencies } from './storage-visits.js';

/**
 * Personal storage (F1–F5, C6, G3): see src-shared/api/storage-methods.ts for the visit's steps.
 * Each business action is one transaction with its activity row (and outbox row where the cloud
 * needs it); the door's truth decides when a step is done.
 */
export interface StorageService {
  options(): StorageOptions;
  start(
    size: CompartmentSize,
    hours: number | null,
    badge: ClassifiedScan | null,
    locale: Locale,
  ): Promise<StorageVisit>;
  withCode(code: string, locale: Locale): Promise<StorageVisit>;
  withScan(scan: ClassifiedScan, locale: Locale): Promise<StorageVisit>;
  open(visitId: string, locale: Locale): Promise<StorageVisit>;
  extend(visitId: string, hours: number, locale: Locale): StorageVisit;
  end(visitId: string, locale: Locale): Promise<StorageVisit>;
  giveUp(visitId: string, locale: Locale): StorageVisit;
  finish(visitId: string): void;
  book(actor: Actor, booking: StorageBookingRequest, locale: Locale): StorageBookingView;
  cancelBooking(actor: Actor, externalId: string): StorageBookingView;
  stop(): void;
}

export interface StorageDependencies extends StorageVisitDependencies {
  /** F2: queues the booking's notice in its transaction. */
  notify: NotifyStorageBooked;
  /** After a commit that queued a notice (the mailbox relay writes it). */
  afterNotice?: () => void;
}

/** The walk-up visits, the bookings and the options, over the same bank. */
export function createStorageService(deps: StorageDependencies): StorageService {
  const visits = createStorageVisits(deps);
  const bookings = createStorageBookings({
    ...deps,
    inUse: (storageId) => visits.inUse(storageId),
  });
  return {
    ...visits,
    options: () => {
      return storageOptions(bankNow(deps), deps.settings().storage);
    },
    book: (actor, booking) => bookings.book(actor, booking),
    cancelBooking: (actor, externalId) => bookings.cancelBooking(actor, externalId),
  };
}
