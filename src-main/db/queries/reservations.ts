import { and, asc, eq, getTableColumns, gt, ne } from 'drizzle-orm';
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

/** A reservation made in the cloud, as its put carries it (late binding: no compartment). */
export interface CloudReservation {
  contactId: string | null;
  departmentId: string | null;
  size: CompartmentSize;
  preferredCompartmentId: string | null;
  designatedOperatorId: string | null;
  designatedCarrierId: string | null;
  state: 'active' | 'cancelled';
  createdAt: number;
  expiresAt: number;
}

/**
 * The cloud's put of a reservation (D2). New: inserted as the cloud has it. Still active here: the
 * cloud's intent replaces it, a cancellation included; the compartment the bank bound, if any,
 * stays. Already closed here (fulfilled or expired by the bank, or cancelled): the bank's state
 * stands, since that fact happened; the server compensates around it (sync.md).
 */
export function applyCloudReservation(
  tx: KioskTx,
  bankId: string,
  reservationId: string,
  cloud: CloudReservation,
  nowMs: number,
): DeliveryReservation | undefined {
  const intent = {
    contactId: cloud.contactId,
    departmentId: cloud.departmentId,
    size: cloud.size,
    preferredCompartmentId: cloud.preferredCompartmentId,
    designatedOperatorId: cloud.designatedOperatorId,
    designatedCarrierId: cloud.designatedCarrierId,
    state: cloud.state,
    createdAt: cloud.createdAt,
    expiresAt: cloud.expiresAt,
    closedAt: cloud.state === 'active' ? null : nowMs,
  };
  const existing = findReservation(tx, reservationId);
  if (!existing) {
    return tx
      .insert(deliveryReservations)
      .values({ id: reservationId, bankId, parcelId: null, compartmentId: null, ...intent })
      .returning()
      .get();
  }
  return tx
    .update(deliveryReservations)
    .set(intent)
    .where(
      and(eq(deliveryReservations.id, reservationId), eq(deliveryReservations.state, 'active')),
    )
    .returning()
    .get();
}

/** The cloud withdrew it: an active reservation is cancelled; a closed one keeps its state. */
export function cancelActiveReservation(tx: KioskTx, reservationId: string, nowMs: number): void {
  tx.update(deliveryReservations)
    .set({ state: 'cancelled', closedAt: nowMs })
    .where(
      and(eq(deliveryReservations.id, reservationId), eq(deliveryReservations.state, 'active')),
    )
    .run();
}

/** The bank's reservations still active: the ones a cloud snapshot may withdraw. */
export function listActiveReservationIds(reader: KioskReader, bankId: string): string[] {
  return reader
    .select({ id: deliveryReservations.id })
    .from(deliveryReservations)
    .where(and(eq(deliveryReservations.bankId, bankId), eq(deliveryReservations.state, 'active')))
    .all()
    .map((row) => row.id);
}

/**
 * A deposit used it (rebase of a fact the cloud has not confirmed yet): fulfilled in that
 * compartment whatever a pull said meanwhile, unless it is already fulfilled.
 */
export function keepReservationFulfilled(
  tx: KioskTx,
  reservationId: string,
  compartmentId: string,
  fulfilledAtMs: number,
): void {
  tx.update(deliveryReservations)
    .set({ state: 'fulfilled', compartmentId, closedAt: fulfilledAtMs })
    .where(
      and(eq(deliveryReservations.id, reservationId), ne(deliveryReservations.state, 'fulfilled')),
    )
    .run();
}
