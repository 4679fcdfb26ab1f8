import { findOperatorByUserName } from './queries/operators.js';
import { findContactByPersonnelId } from './queries/contacts.js';
import { findDepartmentByName } from './queries/departments.js';
import { listCarriers } from './queries/carriers.js';
import { insertExpectedParcel } from './queries/parcels.js';
import { insertReservation } from './queries/reservations.js';
import type { KioskTx } from './transaction.js';

/*
 * Parcels and reservations the demo starts with, so every drop-off path can be tried at once:
 *
 *   label (scan or type)   what the kiosk knows                         feature
 *   1Z999AA10123456784     received in inbound tracking for James O'Connor   D9
 *   EE123456785FR          received for the Facilities department            D9, E3
 *   RR123456785CA          reserved (size M) for François Côté, ready when
 *                          the mailroom operator signs in                    D2
 *   (no label)             reserved (size S) for Grace Whitfield, ready when
 *                          the carrier Demo Express signs in                 D2, D10
 */
export const demoInboundParcels = [
  { trackingNumber: '1Z999AA10123456784', carrier: 'ups', personnelId: 'P10002' },
  { trackingNumber: 'EE123456785FR', carrier: 'upu_s10', department: 'Facilities' },
] as const;

export const demoReservedParcel = {
  trackingNumber: 'RR123456785CA',
  carrier: 'canada_post',
  personnelId: 'P10003',
  operator: 'mailroom',
} as const;

const weekMs = 7 * 24 * 60 * 60_000;

function contactId(tx: KioskTx, personnelId: string): string {
  const contact = findContactByPersonnelId(tx, personnelId);
  if (!contact) {
    throw new Error(`The demo parcels name ${personnelId}, who is not in the demo directory.`);
  }
  return contact.id;
}

/** Runs once, when the demo bank is created (seed-demo-bank.ts), in its transaction. */
export function seedDemoParcels(tx: KioskTx, bankId: string, nowMs: number): void {
  for (const inbound of demoInboundParcels) {
    const department =
      'department' in inbound ? findDepartmentByName(tx, inbound.department) : undefined;
    insertExpectedParcel(
      tx,
      {
        bankId,
        trackingNumber: inbound.trackingNumber,
        trackingCarrier: inbound.carrier,
        recipient:
          'personnelId' in inbound
            ? { contactId: contactId(tx, inbound.personnelId) }
            : { departmentId: department?.id ?? '' },
      },
      nowMs,
    );
  }
  const reserved = insertExpectedParcel(
    tx,
    {
      bankId,
      trackingNumber: demoReservedParcel.trackingNumber,
      trackingCarrier: demoReservedParcel.carrier,
      recipient: { contactId: contactId(tx, demoReservedParcel.personnelId) },
    },
    nowMs,
  );
  insertReservation(
    tx,
    {
      bankId,
      parcelId: reserved.id,
      contactId: reserved.contactId,
      size: 'M',
      designatedOperatorId: findOperatorByUserName(tx, demoReservedParcel.operator)?.id ?? null,
      expiresAtMs: nowMs + weekMs,
    },
    nowMs,
  );
  insertReservation(
    tx,
    {
      bankId,
      contactId: contactId(tx, 'P10004'),
      size: 'S',
      designatedCarrierId: listCarriers(tx)[0]?.id ?? null,
      expiresAtMs: nowMs + weekMs,
    },
    nowMs,
  );
}
