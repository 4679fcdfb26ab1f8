import { v7 as uuidv7 } from 'uuid';
import type {
  StorageBookingRequest,
  StorageBookingView,
} from '../../../src-shared/api/storage-methods.js';
import type { BankSettings } from '../../../src-shared/domain/bank-settings.js';
import { checkStayHours, hourMs } from '../../../src-shared/domain/storage-stay.js';
import type { Clock } from '../../../src-shared/time/clock.js';
import { KioskError } from '../../core/kiosk-error.js';
import type { KioskDb } from '../../db/open-kiosk-database.js';
import { findCompartment } from '../../db/queries/compartments.js';
import { findContact } from '../../db/queries/contacts.js';
import { recordAction } from '../../db/queries/record-action.js';
import {
  bookingNoticeQueued,
  closeStorage,
  findStorageByExternalId,
  insertBookedStorage,
  unsettledStorageCodeIds,
  type StorageReservation,
} from '../../db/queries/storage-reservations.js';
import type { KioskCodes } from '../kiosk-codes.js';
import type { Actor } from '../kiosk-sessions.js';
import type { NotifyStorageBooked } from './storage-booked-notice.js';
import { storageCodeExpiry } from './storage-records.js';
import { stayHoursRefusal, storageRefused } from './storage-refusals.js';

/**
 * F2: bookings made outside the kiosk (the web page, the console, through the API). A booking
 * holds a size, not a compartment: the bank binds one when its owner arrives (sync.md "Who owns
 * what", late binding). Its code goes to the owner in a notice at once.
 */
export interface StorageBookingDependencies {
  db: KioskDb;
  clock: Clock;
  bankId: string;
  codes: KioskCodes;
  settings: () => BankSettings;
  notify: NotifyStorageBooked;
  /** Whether someone at the kiosk is working with this storage now (storage-visits.ts). */
  inUse: (storageId: string) => boolean;
  /** After a booking that queued a notice commits (the mailbox relay writes it). */
  afterNotice?: () => void;
}

export interface StorageBookings {
  book(actor: Actor, booking: StorageBookingRequest): StorageBookingView;
  cancelBooking(actor: Actor, externalId: string): StorageBookingView;
}

/** A booking may be sent a little after its start (clocks differ, the page was slow). */
export const bookingStartToleranceMs = 5 * 60_000;

/** How long an open-ended booking (no stay length) waits for its owner. */
export const openEndedClaimMs = 24 * hourMs;

/** When a booking lapses: the stay's length after its start (24 h without end time). */
export function bookingClaimUntil(startsAtMs: number, stayHours: number | null): number {
  return startsAtMs + (stayHours === null ? openEndedClaimMs : stayHours * hourMs);
}

function sameBooking(row: StorageReservation, booking: StorageBookingRequest): boolean {
  return (
    row.contactId === booking.contactId &&
    row.size === booking.size &&
    row.startsAt === booking.startsAtMs &&
    row.preferredCompartmentId === booking.preferredCompartmentId &&
    (booking.hours === null || row.stayHours === booking.hours)
  );
}

export function createStorageBookings(deps: StorageBookingDependencies): StorageBookings {
  const { db, clock, bankId } = deps;

  function view(row: StorageReservation): StorageBookingView {
    return {
      storageId: row.id,
      externalId: row.externalId ?? '',
      state: row.state,
      size: row.size,
      startsAtMs: row.startsAt,
      claimUntilMs: row.claimUntil,
      noticeQueued: bookingNoticeQueued(db, row.id),
    };
  }

  function checkPreferred(booking: StorageBookingRequest): void {
    if (booking.preferredCompartmentId === null) {
      return;
    }
    const compartment = findCompartment(db, booking.preferredCompartmentId);
    if (!compartment || compartment.bankId !== bankId || compartment.size !== booking.size) {
      throw storageRefused('storage.refused.preferred_compartment', {
        compartmentId: booking.preferredCompartmentId,
        size: booking.size,
      });
    }
  }

  return {
    book: (actor, booking) => {
      const nowMs = clock.now();
      const existing = findStorageByExternalId(db, bankId, booking.externalId);
      if (existing) {
        // Sent twice (a retry): the same booking, no second code or notice.
        if (existing.source === 'booking' && sameBooking(existing, booking)) {
          return view(existing);
        }
        throw storageRefused('storage.refused.external_id_used', {
          externalId: booking.externalId,
        });
      }
      const contact = findContact(db, booking.contactId);
      if (!contact?.active) {
        throw storageRefused('storage.refused.unknown_contact');
      }
      const policy = deps.settings().storage;
      const hours = checkStayHours(policy.duration, booking.hours);
      if (!hours.ok) {
        throw stayHoursRefusal(hours);
      }
      if (booking.startsAtMs < nowMs - bookingStartToleranceMs) {
        throw storageRefused('storage.refused.starts_in_past');
      }
      checkPreferred(booking);
      const claimUntilMs = bookingClaimUntil(booking.startsAtMs, hours.stayHours);
      // The latest the stay can end if the owner comes at the last moment and extends fully.
      const longestStayHours = Math.max(
        hours.stayHours ?? 0,
        policy.extension.allowed ? policy.extension.maxTotalHours : 0,
      );
      const storageId = uuidv7({ msecs: nowMs });
      const queued = db.transaction((tx) => {
        const row = insertBookedStorage(
          tx,
          {
            id: storageId,
            bankId,
            contactId: contact.id,
            size: booking.size,
            source: 'booking',
            externalId: booking.externalId,
            preferredCompartmentId: booking.preferredCompartmentId,
            stayHours: hours.stayHours,
            startsAtMs: booking.startsAtMs,
            claimUntilMs,
          },
          nowMs,
        );
        const issued = deps.codes.issuerWithin(tx).issue({
          purpose: 'storage',
          targetId: row.id,
          expiresAtMs: storageCodeExpiry(
            hours.stayHours === null ? null : claimUntilMs + longestStayHours * hourMs,
            nowMs,
          ),
        });
        const noticeQueued = deps.notify(
          tx,
          {
            storage: row,
            contact,
            codeId: issued.codeId,
            code: issued.code,
            expiresAtMs: issued.expiresAtMs,
            claimUntilMs,
          },
          nowMs,
        );
        recordAction(
          tx,
          {
            bankId,
            type: 'storage.booked',
            compartmentId: null,
            actor: actor.actorId,
            details: {
              storageId: row.id,
              externalId: booking.externalId,
              contactId: contact.id,
              size: booking.size,
              stayHours: hours.stayHours,
              startsAtMs: booking.startsAtMs,
              claimUntilMs,
              preferredCompartmentId: booking.preferredCompartmentId,
              codeId: issued.codeId,
              expiresAtMs: issued.expiresAtMs,
              noticeQueued,
            },
          },
          nowMs,
        );
        return noticeQueued;
      });
      if (queued) {
        deps.afterNotice?.();
      }
      const booked = findStorageByExternalId(db, bankId, booking.externalId);
      if (!booked) {
        throw new KioskError('internal_error');
      }
      return view(booked);
    },

    cancelBooking: (actor, externalId) => {
      const row = findStorageByExternalId(db, bankId, externalId);
      if (!row || row.source !== 'booking') {
        throw new KioskError('not_found', { what: 'noun.storage_booking' });
      }
      // Being claimed right now (its owner's door is open): the things may already be inside.
      if (row.state !== 'booked' || deps.inUse(row.id)) {
        throw storageRefused('storage.refused.not_cancellable');
      }
      const nowMs = clock.now();
      const cancelled = db.transaction((tx) => {
        const closed = closeStorage(
          tx,
          row.id,
          { from: 'booked', to: 'cancelled', closedBy: actor.actorId, reason: 'booking_cancelled' },
          nowMs,
        );
        if (!closed) {
          return undefined;
        }
        const store = deps.codes.storeWithin(tx);
        const voidedCodeIds = unsettledStorageCodeIds(tx, row.id).filter((codeId) =>
          store.markVoided(codeId, nowMs),
        );
        recordAction(
          tx,
          {
            bankId,
            type: 'storage.booking_cancelled',
            compartmentId: null,
            actor: actor.actorId,
            details: { storageId: row.id, externalId, voidedCodeIds },
          },
          nowMs,
        );
        return closed;
      });
      if (!cancelled) {
        throw storageRefused('storage.refused.not_cancellable');
      }
      return view(cancelled);
    },
  };
}
