import type {
  StorageBookingRequest,
  StorageBookingView,
  StorageOptions,
  StorageVisit,
} from '../../../src-shared/api/storage-methods.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { ClassifiedScan } from '../../../src-shared/domain/scan.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import { KioskError } from '../../core/kiosk-error.js';
import type { Actor } from '../kiosk-sessions.js';

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

/** Placeholder until the storage flows land (issue 5): every call is refused. */
export function createStorageService(): StorageService {
  const refuse = (): never => {
    throw new KioskError('internal_error');
  };
  return {
    options: refuse,
    start: refuse,
    withCode: refuse,
    withScan: refuse,
    open: refuse,
    extend: refuse,
    end: refuse,
    giveUp: refuse,
    finish: refuse,
    book: refuse,
    cancelBooking: refuse,
    stop: () => undefined,
  };
}
