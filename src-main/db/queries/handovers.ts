import { and, desc, eq, gt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { ParcelState } from '../../../src-shared/domain/parcel.js';
import { compartments, contacts, handovers, parcels } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

/** D3, D4: one return or exchange (schema.ts `handover`). */
export type HandoverRow = typeof handovers.$inferSelect;

export interface HandoverDraft {
  bankId: string;
  kind: HandoverRow['kind'];
  size: CompartmentSize;
  senderContactId: string;
  receiverContactId: string | null;
  trackingNumber: string | null;
  createdBy: string;
  dropByMs: number;
}

export function insertHandover(
  tx: KioskTx,
  draft: HandoverDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): HandoverRow {
  return tx
    .insert(handovers)
    .values({
      id,
      bankId: draft.bankId,
      kind: draft.kind,
      size: draft.size,
      senderContactId: draft.senderContactId,
      receiverContactId: draft.receiverContactId,
      trackingNumber: draft.trackingNumber,
      state: 'awaiting_drop',
      createdBy: draft.createdBy,
      createdAt: nowMs,
      dropBy: draft.dropByMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

/** The hand-over whose item is this parcel (a return or an exchange), if any. */
export function findHandoverOfParcel(
  reader: KioskReader,
  parcelId: string,
): HandoverRow | undefined {
  return reader.select().from(handovers).where(eq(handovers.parcelId, parcelId)).get();
}

export function findHandover(reader: KioskReader, handoverId: string): HandoverRow | undefined {
  return reader.select().from(handovers).where(eq(handovers.id, handoverId)).get();
}

/**
 * A hand-over with what its views show: both parties' names and addresses, the compartment it
 * was bound to, and the state of its item. The item's state matters because the receiver of an
 * exchange picks it up through the ordinary pickup (E1), which knows nothing of hand-overs: the
 * hand-over is `picked_up` once its parcel is (handover-state.ts derives it).
 */
export interface HandoverDetails {
  handover: HandoverRow;
  senderName: string;
  senderEmail: string | null;
  receiverName: string | null;
  compartment: typeof compartments.$inferSelect | null;
  parcelState: ParcelState | null;
}

const sender = alias(contacts, 'sender');
const receiver = alias(contacts, 'receiver');

function selectDetails(reader: KioskReader) {
  return reader
    .select({
      handover: handovers,
      senderName: sender.name,
      senderEmail: sender.email,
      receiverName: receiver.name,
      compartment: compartments,
      parcelState: parcels.state,
    })
    .from(handovers)
    .innerJoin(sender, eq(sender.id, handovers.senderContactId))
    .leftJoin(receiver, eq(receiver.id, handovers.receiverContactId))
    .leftJoin(compartments, eq(compartments.id, handovers.compartmentId))
    .leftJoin(parcels, eq(parcels.id, handovers.parcelId));
}

export function findHandoverDetails(
  reader: KioskReader,
  handoverId: string,
): HandoverDetails | undefined {
  return selectDetails(reader).where(eq(handovers.id, handoverId)).get();
}

/**
 * Open hand-overs, newest first: awaiting their item and not lapsed, or with their item still in
 * a compartment. One awaiting past its drop-by date has lapsed: its code no longer works (it
 * expired then), so it is not open any more even though its row still says awaiting_drop —
 * expiry is a comparison with the clock, as for codes and parcels, not a state a sweeper writes.
 */
export function listOpenHandovers(
  reader: KioskReader,
  bankId: string,
  nowMs: number,
): HandoverDetails[] {
  return selectDetails(reader)
    .where(
      and(
        eq(handovers.bankId, bankId),
        or(
          and(eq(handovers.state, 'awaiting_drop'), gt(handovers.dropBy, nowMs)),
          and(eq(handovers.state, 'in_locker'), eq(parcels.state, 'in_locker')),
        ),
      ),
    )
    .orderBy(desc(handovers.createdAt), desc(handovers.id))
    .all();
}

/** D4: whether a tracking number is already this bank's, on a parcel or a hand-over. */
export function trackingNumberInUse(
  reader: KioskReader,
  bankId: string,
  trackingNumber: string,
): boolean {
  const parcel = reader
    .select({ id: parcels.id })
    .from(parcels)
    .where(and(eq(parcels.bankId, bankId), eq(parcels.trackingNumber, trackingNumber)))
    .get();
  const handover = reader
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.bankId, bankId), eq(handovers.trackingNumber, trackingNumber)))
    .get();
  return parcel !== undefined || handover !== undefined;
}

/*
 * The state changes. Each applies only from the state it expects and answers undefined
 * otherwise (a retried request changes nothing the second time); the caller records the fact in
 * the same transaction.
 */

export function recordHandoverDropped(
  tx: KioskTx,
  handoverId: string,
  drop: { parcelId: string; compartmentId: string },
  nowMs: number,
): HandoverRow | undefined {
  return tx
    .update(handovers)
    .set({
      state: 'in_locker',
      parcelId: drop.parcelId,
      compartmentId: drop.compartmentId,
      droppedAt: nowMs,
      updatedAt: nowMs,
    })
    .where(and(eq(handovers.id, handoverId), eq(handovers.state, 'awaiting_drop')))
    .returning()
    .get();
}

export function recordHandoverCancelled(
  tx: KioskTx,
  handoverId: string,
  closedBy: string,
  nowMs: number,
): HandoverRow | undefined {
  return tx
    .update(handovers)
    .set({ state: 'cancelled', closedAt: nowMs, closedBy, updatedAt: nowMs })
    .where(and(eq(handovers.id, handoverId), eq(handovers.state, 'awaiting_drop')))
    .returning()
    .get();
}

/** D3: the mailroom took the return out. */
export function recordHandoverCollected(
  tx: KioskTx,
  handoverId: string,
  closedBy: string,
  nowMs: number,
): HandoverRow | undefined {
  return tx
    .update(handovers)
    .set({ state: 'collected', closedAt: nowMs, closedBy, updatedAt: nowMs })
    .where(
      and(
        eq(handovers.id, handoverId),
        eq(handovers.kind, 'return'),
        eq(handovers.state, 'in_locker'),
      ),
    )
    .returning()
    .get();
}
