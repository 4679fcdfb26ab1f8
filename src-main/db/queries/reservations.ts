import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { deliveryReservations } from '../schema.js';
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
