import type { ReservationView } from '../../src-shared/api/drop-off-methods.js';
import { findCarrier } from '../db/queries/carriers.js';
import { findCompartment } from '../db/queries/compartments.js';
import type { ActiveReservation } from '../db/queries/occupancy.js';
import { listActiveReservationsWithTracking } from '../db/queries/reservations.js';
import { findOperator } from '../db/queries/operators.js';
import { findParcel } from '../db/queries/parcels.js';
import type { KioskReader } from '../db/transaction.js';
import { recipientMatch, resolveRecipient } from './recipients.js';

/** An active reservation with its parcel's tracking number (D2: it may name one parcel). */
export type WaitingReservation = ActiveReservation & { trackingNumber: string | null };

/** One query for all of them: `dropoff.identify` reads this on every label scan. */
export function reservationsFor(
  reader: KioskReader,
  bankId: string,
  nowMs: number,
): WaitingReservation[] {
  return listActiveReservationsWithTracking(reader, bankId, nowMs);
}

export function reservationView(
  reader: KioskReader,
  reservation: WaitingReservation,
): ReservationView {
  const parcel = reservation.parcelId ? findParcel(reader, reservation.parcelId) : undefined;
  const contactId = reservation.contactId ?? parcel?.contactId ?? null;
  const departmentId = reservation.departmentId ?? parcel?.departmentId ?? null;
  const recipient = resolveRecipient(
    reader,
    contactId ? { kind: 'contact', id: contactId } : { kind: 'department', id: departmentId ?? '' },
  );
  const designated = reservation.designatedOperatorId
    ? findOperator(reader, reservation.designatedOperatorId)?.displayName
    : reservation.designatedCarrierId
      ? findCarrier(reader, reservation.designatedCarrierId)?.name
      : undefined;
  return {
    id: reservation.id,
    recipient: recipientMatch(reader, recipient),
    trackingNumber: reservation.trackingNumber,
    size: reservation.size,
    compartmentLabel: reservation.compartmentId
      ? (findCompartment(reader, reservation.compartmentId)?.label ?? null)
      : null,
    designatedName: designated ?? null,
    expiresAtMs: reservation.expiresAt,
  };
}
