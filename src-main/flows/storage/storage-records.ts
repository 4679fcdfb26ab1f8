import { hourMs } from '../../../src-shared/domain/storage-stay.js';
import type { AllocationParty } from '../../../src-shared/allocation/index.js';
import type { CompartmentRow } from '../../db/queries/compartments.js';
import { recordAction } from '../../db/queries/record-action.js';
import {
  activateBooking,
  closeStorage,
  extendStorage,
  insertActiveStorage,
  unsettledStorageCodeIds,
  type StayStart,
  type StorageDraft,
  type StorageReservation,
} from '../../db/queries/storage-reservations.js';
import type { KioskTx } from '../../db/transaction.js';
import type { KioskCodes } from '../kiosk-codes.js';

/**
 * The storage's business actions (F1–F5, G3), each written in the caller's one transaction with
 * its activity and outbox rows: either all of it is there after a crash, or none of it. No
 * activity row ever holds a code's digits (X3, decision 0009).
 */

/**
 * How long a storage code works after the last moment the stay may end: the owner may still come
 * and end an overstayed storage (F4) until the mailroom empties it (G3), and a code expiring with
 * the stay would lock them out of their own things. An open-ended stay has no last moment, so
 * its code must not end it either: ten years is "as long as the storage", while the code still
 * expires as every code does (X3). Either way the code is consumed or voided when it ends.
 */
export const storageCodeGraceMs = 30 * 24 * hourMs;
export const openEndedStorageCodeMs = 10 * 365 * 24 * hourMs;

export function storageCodeExpiry(lastPossibleEndMs: number | null, nowMs: number): number {
  return lastPossibleEndMs === null
    ? nowMs + openEndedStorageCodeMs
    : Math.max(lastPossibleEndMs, nowMs) + storageCodeGraceMs;
}

/** Who holds a storage's compartment, for allocation: its owner, or the storage itself. */
export function storageParty(storage: { id: string; contactId: string | null }): AllocationParty {
  return storage.contactId === null
    ? { kind: 'recipient', id: `storage:${storage.id}` }
    : { kind: 'recipient', id: storage.contactId };
}

interface StartedFacts {
  bankId: string;
  actorId: string;
  compartment: CompartmentRow;
  start: StayStart;
}

function recordStarted(
  tx: KioskTx,
  facts: StartedFacts,
  storage: StorageReservation,
  codeId: string | null,
  nowMs: number,
): void {
  recordAction(
    tx,
    {
      bankId: facts.bankId,
      type: 'storage.started',
      compartmentId: facts.compartment.id,
      actor: facts.actorId,
      details: {
        storageId: storage.id,
        label: facts.compartment.label,
        size: storage.size,
        source: storage.source,
        contactId: storage.contactId,
        stayHours: storage.stayHours,
        startedAtMs: facts.start.startedAtMs,
        endsAtMs: facts.start.endsAtMs,
        latestEndMs: facts.start.latestEndMs,
        codeId,
      },
    },
    nowMs,
  );
}

/**
 * F1: the door closed on the things of a walk-up: the storage is active and its code issued,
 * together. The clear code is returned once, for the screen; it is stored only as a hash.
 */
export function recordWalkUpStarted(
  tx: KioskTx,
  draft: StorageDraft,
  facts: StartedFacts,
  codes: KioskCodes,
  nowMs: number,
): { storage: StorageReservation; code: string } {
  const storage = insertActiveStorage(tx, draft, facts.start, nowMs);
  const issued = codes.issuerWithin(tx).issue({
    purpose: 'storage',
    targetId: storage.id,
    expiresAtMs: storageCodeExpiry(facts.start.latestEndMs ?? facts.start.endsAtMs, nowMs),
  });
  recordStarted(tx, facts, storage, issued.codeId, nowMs);
  return { storage, code: issued.code };
}

/** F2: the booking's owner closed the door on their things: bound and active (late binding). */
export function recordBookingStarted(
  tx: KioskTx,
  storageId: string,
  facts: StartedFacts,
  nowMs: number,
): StorageReservation {
  const storage = activateBooking(tx, storageId, facts.start, nowMs);
  if (!storage) {
    throw new Error(`storage ${storageId} is no longer booked`);
  }
  recordStarted(tx, facts, storage, null, nowMs);
  return storage;
}

/** F5: a later end. */
export function recordExtended(
  tx: KioskTx,
  storage: StorageReservation,
  actorId: string,
  endsAtMs: number,
  nowMs: number,
): StorageReservation {
  const extended = extendStorage(tx, storage.id, endsAtMs, nowMs);
  if (!extended) {
    throw new Error(`storage ${storage.id} is not active`);
  }
  recordAction(
    tx,
    {
      bankId: storage.bankId,
      type: 'storage.extended',
      compartmentId: storage.compartmentId,
      actor: actorId,
      details: { storageId: storage.id, fromMs: storage.endsAt, toMs: endsAtMs },
    },
    nowMs,
  );
  return extended;
}

/**
 * F4: the owner took everything and closed the door: ended and its code used up. G3: an operator
 * emptied it: emptied, the reason kept, its code void. Both only from `active`.
 */
export function recordStorageClosed(
  tx: KioskTx,
  storage: StorageReservation,
  close:
    | { by: 'owner'; actorId: string; label: string }
    | { by: 'operator'; actorId: string; label: string; reason: string },
  codes: KioskCodes,
  nowMs: number,
): StorageReservation | undefined {
  const owner = close.by === 'owner';
  const closed = closeStorage(
    tx,
    storage.id,
    {
      from: 'active',
      to: owner ? 'ended' : 'emptied',
      closedBy: close.actorId,
      reason: owner ? null : close.reason,
    },
    nowMs,
  );
  if (!closed) {
    return undefined;
  }
  const store = codes.storeWithin(tx);
  const codeIds = unsettledStorageCodeIds(tx, storage.id).filter((codeId) =>
    owner ? store.markConsumed(codeId, nowMs) : store.markVoided(codeId, nowMs),
  );
  recordAction(
    tx,
    {
      bankId: storage.bankId,
      type: owner ? 'storage.ended' : 'storage.emptied',
      compartmentId: storage.compartmentId,
      actor: close.actorId,
      details: owner
        ? { storageId: storage.id, label: close.label, consumedCodeIds: codeIds }
        : {
            storageId: storage.id,
            label: close.label,
            reason: close.reason,
            voidedCodeIds: codeIds,
          },
    },
    nowMs,
  );
  return closed;
}
