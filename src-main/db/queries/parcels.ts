import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { ParcelKind, ParcelState } from '../../../src-shared/domain/parcel.js';
import { Carrier } from '../../../src-shared/domain/scan.js';
import { parcels } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export type Parcel = typeof parcels.$inferSelect;

/** Exactly one: a parcel goes to a person or to a department (the table's CHECK agrees). */
export type ParcelRecipient = { contactId: string } | { departmentId: string };

export interface ParcelDraft {
  bankId: string;
  trackingNumber: string | null;
  trackingCarrier: Carrier | null;
  /** The carrier account that delivers it directly (D10). */
  carrierId?: string | null;
  recipient: ParcelRecipient;
  size?: CompartmentSize | null;
  /** A delivery unless said otherwise: a return (D3) or an exchange (D4) says so. */
  kind?: ParcelKind;
}

/** A parcel the bank now knows of, not yet in a compartment (D9, D2, or the start of a drop-off). */
export function insertExpectedParcel(
  tx: KioskTx,
  draft: ParcelDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): Parcel {
  const trackingNumber = draft.trackingNumber?.trim() || null;
  return tx
    .insert(parcels)
    .values({
      id,
      bankId: draft.bankId,
      trackingNumber,
      trackingCarrier: draft.trackingCarrier === null ? null : Carrier.parse(draft.trackingCarrier),
      carrierId: draft.carrierId ?? null,
      contactId: 'contactId' in draft.recipient ? draft.recipient.contactId : null,
      departmentId: 'departmentId' in draft.recipient ? draft.recipient.departmentId : null,
      size: draft.size ?? null,
      kind: draft.kind ?? 'delivery',
      state: 'expected',
      receivedAt: nowMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

export function findParcel(reader: KioskReader, parcelId: string): Parcel | undefined {
  return reader.select().from(parcels).where(eq(parcels.id, parcelId)).get();
}

/** D9: a scanned label. Several rows when a number comes back (a return, a re-delivery). */
export function findParcelsByTrackingNumber(
  reader: KioskReader,
  bankId: string,
  trackingNumber: string,
): Parcel[] {
  return reader
    .select()
    .from(parcels)
    .where(and(eq(parcels.trackingNumber, trackingNumber.trim()), eq(parcels.bankId, bankId)))
    .orderBy(asc(parcels.receivedAt), asc(parcels.id))
    .all();
}

/** What is in a compartment now (several parcels of one recipient when consolidated, D6). */
export function listParcelsInCompartment(reader: KioskReader, compartmentId: string): Parcel[] {
  return reader
    .select()
    .from(parcels)
    .where(and(eq(parcels.compartmentId, compartmentId), eq(parcels.state, 'in_locker')))
    .orderBy(asc(parcels.depositedAt), asc(parcels.id))
    .all();
}

/**
 * What a contact may pick up: never a return (D3), which its contact brought for the mailroom to
 * collect, so a sender's own pickup does not open the door on the item they handed back.
 */
export function listParcelsOfContact(
  reader: KioskReader,
  contactId: string,
  states: readonly ParcelState[] = ['in_locker'],
): Parcel[] {
  return reader
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.contactId, contactId),
        inArray(parcels.state, [...states]),
        ne(parcels.kind, 'return'),
      ),
    )
    .orderBy(asc(parcels.receivedAt), asc(parcels.id))
    .all();
}

/** A department's parcels its contacts may pick up (E3); returns are the mailroom's, as above. */
export function listParcelsOfDepartment(
  reader: KioskReader,
  departmentId: string,
  states: readonly ParcelState[] = ['in_locker'],
): Parcel[] {
  return reader
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.departmentId, departmentId),
        inArray(parcels.state, [...states]),
        ne(parcels.kind, 'return'),
      ),
    )
    .orderBy(asc(parcels.receivedAt), asc(parcels.id))
    .all();
}

/**
 * The state changes. Each applies only from the state it expects and answers undefined
 * otherwise, so a flow that runs twice (a retried request, a replayed scan) changes nothing the
 * second time and can tell. The caller records the fact in the same transaction.
 */
export function recordDeposit(
  tx: KioskTx,
  parcelId: string,
  deposit: { compartmentId: string; size: CompartmentSize },
  nowMs: number,
): Parcel | undefined {
  return tx
    .update(parcels)
    .set({
      state: 'in_locker',
      compartmentId: deposit.compartmentId,
      size: deposit.size,
      depositedAt: nowMs,
      updatedAt: nowMs,
    })
    .where(and(eq(parcels.id, parcelId), eq(parcels.state, 'expected')))
    .returning()
    .get();
}

export function recordPickup(tx: KioskTx, parcelId: string, nowMs: number): Parcel | undefined {
  return tx
    .update(parcels)
    .set({ state: 'picked_up', pickedUpAt: nowMs, updatedAt: nowMs })
    .where(and(eq(parcels.id, parcelId), eq(parcels.state, 'in_locker')))
    .returning()
    .get();
}

/** G3: an operator took it out (usually expired). */
export function recordRemoval(tx: KioskTx, parcelId: string, nowMs: number): Parcel | undefined {
  return tx
    .update(parcels)
    .set({ state: 'removed', removedAt: nowMs, updatedAt: nowMs })
    .where(and(eq(parcels.id, parcelId), eq(parcels.state, 'in_locker')))
    .returning()
    .get();
}

/** Back to the carrier or sender, from the mailroom or from a compartment. */
export function recordReturn(tx: KioskTx, parcelId: string, nowMs: number): Parcel | undefined {
  return tx
    .update(parcels)
    .set({ state: 'returned', returnedAt: nowMs, updatedAt: nowMs })
    .where(and(eq(parcels.id, parcelId), inArray(parcels.state, ['expected', 'in_locker'])))
    .returning()
    .get();
}
