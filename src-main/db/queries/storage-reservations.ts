import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { accessCodes, activityLog, contacts, storageReservations } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

/** One personal storage (F1–F5): booked, running, or over. */
export type StorageReservation = typeof storageReservations.$inferSelect;

export interface StorageDraft {
  id: string;
  bankId: string;
  contactId: string | null;
  size: CompartmentSize;
  source: 'kiosk' | 'booking';
  externalId: string | null;
  preferredCompartmentId: string | null;
  stayHours: number | null;
  startsAtMs: number;
}

/** F2: a booking waiting for its owner; no compartment until they arrive (late binding). */
export function insertBookedStorage(
  tx: KioskTx,
  draft: StorageDraft & { claimUntilMs: number },
  nowMs: number,
): StorageReservation {
  return tx
    .insert(storageReservations)
    .values({
      ...columnsOf(draft),
      state: 'booked',
      claimUntil: draft.claimUntilMs,
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

export interface StayStart {
  compartmentId: string;
  startedAtMs: number;
  endsAtMs: number | null;
  latestEndMs: number | null;
}

/** F1: a walk-up storage, active from the moment its door closed on the things. */
export function insertActiveStorage(
  tx: KioskTx,
  draft: StorageDraft,
  start: StayStart,
  nowMs: number,
): StorageReservation {
  return tx
    .insert(storageReservations)
    .values({
      ...columnsOf(draft),
      state: 'active',
      ...startColumns(start),
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

/** F2: the booking's owner arrived and closed the door on their things: bound and active. */
export function activateBooking(
  tx: KioskTx,
  storageId: string,
  start: StayStart,
  nowMs: number,
): StorageReservation | undefined {
  return tx
    .update(storageReservations)
    .set({ state: 'active', ...startColumns(start), updatedAt: nowMs })
    .where(and(eq(storageReservations.id, storageId), eq(storageReservations.state, 'booked')))
    .returning()
    .get();
}

/** F5: a later end for a running storage. */
export function extendStorage(
  tx: KioskTx,
  storageId: string,
  endsAtMs: number,
  nowMs: number,
): StorageReservation | undefined {
  return tx
    .update(storageReservations)
    .set({ endsAt: endsAtMs, updatedAt: nowMs })
    .where(and(eq(storageReservations.id, storageId), eq(storageReservations.state, 'active')))
    .returning()
    .get();
}

/**
 * The storage is over: ended by its owner (F4), emptied by an operator (G3) or a booking
 * withdrawn (F2). Only from the state it is expected in, so a replay changes nothing.
 */
export function closeStorage(
  tx: KioskTx,
  storageId: string,
  close: {
    from: 'booked' | 'active';
    to: 'ended' | 'emptied' | 'cancelled';
    closedBy: string;
    reason: string | null;
  },
  nowMs: number,
): StorageReservation | undefined {
  return tx
    .update(storageReservations)
    .set({
      state: close.to,
      closedAt: nowMs,
      closedBy: close.closedBy,
      closeReason: close.reason,
      updatedAt: nowMs,
    })
    .where(and(eq(storageReservations.id, storageId), eq(storageReservations.state, close.from)))
    .returning()
    .get();
}

export function findStorage(
  reader: KioskReader,
  storageId: string,
): StorageReservation | undefined {
  return reader
    .select()
    .from(storageReservations)
    .where(eq(storageReservations.id, storageId))
    .get();
}

export function findStorageByExternalId(
  reader: KioskReader,
  bankId: string,
  externalId: string,
): StorageReservation | undefined {
  return reader
    .select()
    .from(storageReservations)
    .where(
      and(eq(storageReservations.bankId, bankId), eq(storageReservations.externalId, externalId)),
    )
    .get();
}

/** A running storage with its owner's name, as allocation and the status grid need it. */
export interface ActiveStorage extends StorageReservation {
  compartmentId: string;
  startedAt: number;
  ownerName: string | null;
}

/** Every running storage of the bank (expired or not): each holds its compartment. */
export function listActiveStorages(reader: KioskReader, bankId: string): ActiveStorage[] {
  return reader
    .select({ storage: storageReservations, ownerName: contacts.name })
    .from(storageReservations)
    .leftJoin(contacts, eq(contacts.id, storageReservations.contactId))
    .where(and(eq(storageReservations.bankId, bankId), eq(storageReservations.state, 'active')))
    .all()
    .flatMap(({ storage, ownerName }) =>
      storage.compartmentId === null || storage.startedAt === null
        ? []
        : [
            {
              ...storage,
              compartmentId: storage.compartmentId,
              startedAt: storage.startedAt,
              ownerName,
            },
          ],
    );
}

/** A contact's storages here in these states, most recent first (the badge path). */
export function listStoragesOfContact(
  reader: KioskReader,
  bankId: string,
  contactId: string,
  states: readonly StorageReservation['state'][],
): StorageReservation[] {
  return reader
    .select()
    .from(storageReservations)
    .where(
      and(
        eq(storageReservations.bankId, bankId),
        eq(storageReservations.contactId, contactId),
        inArray(storageReservations.state, [...states]),
      ),
    )
    .orderBy(desc(storageReservations.startsAt), desc(storageReservations.id))
    .all();
}

/**
 * The storage's codes neither used nor voided, expired ones included: the issuer voids only
 * active codes, and the code of a storage emptied long after its end may have expired.
 */
export function unsettledStorageCodeIds(reader: KioskReader, storageId: string): string[] {
  return reader
    .select({ id: accessCodes.id })
    .from(accessCodes)
    .where(
      and(
        eq(accessCodes.targetId, storageId),
        eq(accessCodes.purpose, 'storage'),
        isNull(accessCodes.consumedAt),
        isNull(accessCodes.voidedAt),
      ),
    )
    .all()
    .map((row) => row.id);
}

/** F2: whether the booking's 'storage.booked' fact says its notice was queued. */
export function bookingNoticeQueued(reader: KioskReader, storageId: string): boolean {
  const row = reader
    .select({ queued: sql<number | null>`json_extract(${activityLog.details}, '$.noticeQueued')` })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.type, 'storage.booked'),
        sql`json_extract(${activityLog.details}, '$.storageId') = ${storageId}`,
      ),
    )
    .get();
  return row?.queued === 1;
}

function columnsOf(draft: StorageDraft) {
  return {
    id: draft.id,
    bankId: draft.bankId,
    contactId: draft.contactId,
    size: draft.size,
    source: draft.source,
    externalId: draft.externalId,
    preferredCompartmentId: draft.preferredCompartmentId,
    stayHours: draft.stayHours,
    startsAt: draft.startsAtMs,
  };
}

function startColumns(start: StayStart) {
  return {
    compartmentId: start.compartmentId,
    startedAt: start.startedAtMs,
    endsAt: start.endsAtMs,
    latestEndAt: start.latestEndMs,
  };
}
