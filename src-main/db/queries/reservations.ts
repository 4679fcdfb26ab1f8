import { and, asc, eq, getTableColumns, gt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { deliveryReservations, parcels } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export type DeliveryReservation = typeof deliveryReservations.$inferSelect;

export interface ReservationDraft {
  bankId: string;
  parcelId?: string | null;
  contactId?: string | null;
  departmentId?: string | null;
  size: CompartmentSize;
  /** Bound now (held from creation) or left null for late binding at drop-off (sync.md). */
  compartmentId?: string | null;
  designatedOperatorId?: string | null;
  designatedCarrierId?: string | null;
  expiresAtMs: number;
}

/** D2: an advance reservation for a delivery. */
export function insertReservation(
  tx: KioskTx,
  draft: ReservationDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): DeliveryReservation {
  return tx
    .insert(deliveryReservations)
    .values({
      id,
      bankId: draft.bankId,
      parcelId: draft.parcelId ?? null,
      contactId: draft.contactId ?? null,
      departmentId: draft.departmentId ?? null,
      size: draft.size,
      compartmentId: draft.compartmentId ?? null,
      designatedOperatorId: draft.designatedOperatorId ?? null,
      designatedCarrierId: draft.designatedCarrierId ?? null,
      state: 'active',
      createdAt: nowMs,
      expiresAt: draft.expiresAtMs,
    })
    .returning()
    .get();
}

export function findReservation(
  reader: KioskReader,
  reservationId: string,
): DeliveryReservation | undefined {
  return reader
    .select()
    .from(deliveryReservations)
    .where(eq(deliveryReservations.id, reservationId))
    .get();
}

/** The deposit used it: only an active reservation is fulfilled (a replay changes nothing). */
export function fulfilReservation(
  tx: KioskTx,
  reservationId: string,
  compartmentId: string,
  nowMs: number,
): DeliveryReservation | undefined {
  return tx
    .update(deliveryReservations)
    .set({ state: 'fulfilled', compartmentId, closedAt: nowMs })
    .where(
      and(eq(deliveryReservations.id, reservationId), eq(deliveryReservations.state, 'active')),
    )
    .returning()
    .get();
}

/**
 * D2: reservations still waiting at `nowMs`, each with the tracking number of the parcel it names
 * (null when it names none), in one query.
 */
export function listActiveReservationsWithTracking(
  reader: KioskReader,
  bankId: string,
  nowMs: number,
): (DeliveryReservation & { trackingNumber: string | null })[] {
  return reader
    .select({ ...getTableColumns(deliveryReservations), trackingNumber: parcels.trackingNumber })
    .from(deliveryReservations)
    .leftJoin(parcels, eq(parcels.id, deliveryReservations.parcelId))
    .where(
      and(
        eq(deliveryReservations.bankId, bankId),
        eq(deliveryReservations.state, 'active'),
        gt(deliveryReservations.expiresAt, nowMs),
      ),
    )
    .orderBy(asc(deliveryReservations.createdAt), asc(deliveryReservations.id))
    .all();
}
