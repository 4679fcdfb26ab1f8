import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { findOperatorByUserName } from './queries/operators.js';
import { accessCodeParcels, accessCodes, compartments } from './schema.js';
import { dedicateCompartment } from './queries/dedications.js';
import { findContactByPersonnelId } from './queries/contacts.js';
import { findDepartmentByName } from './queries/departments.js';
import { listCarriers } from './queries/carriers.js';
import { insertExpectedParcel, recordDeposit } from './queries/parcels.js';
import { insertReservation } from './queries/reservations.js';
import { insertActiveStorage } from './queries/storage-reservations.js';
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
 *   1Z999AA10123456793     in compartment 24 since four days for Harper Allen,
 *                          its pickup window over: expired, to remove        G1, G3
 *
 * Compartment 20 holds a walk-up storage of two days ago whose day is over: overstayed, for an
 * operator to empty with a reason (F1, G3).
 *
 * and compartment 11 (medium, 55–85 cm) is kept for the Finance department (D5).
 */
export const demoDedication = { compartmentLabel: '11', department: 'Finance' } as const;
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

/** The demo's people are there (a database whose directory came from elsewhere gets no parcels). */
function hasDemoPeople(tx: KioskTx): boolean {
  return [
    'P10002',
    'P10003',
    'P10004',
    demoExpiredParcel.personnelId,
    demoOverstayedStorage.personnelId,
  ].every((personnelId) => findContactByPersonnelId(tx, personnelId) !== undefined);
}

/** Runs once, when the demo bank is created (seed-demo-bank.ts), in its transaction. */
export function seedDemoParcels(tx: KioskTx, bankId: string, nowMs: number): void {
  if (!hasDemoPeople(tx)) {
    return;
  }
  const finance = findDepartmentByName(tx, demoDedication.department);
  const dedicated = compartmentLabelled(tx, bankId, demoDedication.compartmentLabel);
  if (finance && dedicated) {
    dedicateCompartment(tx, dedicated, { kind: 'department', id: finance.id }, nowMs);
  }
  const expiredIn = compartmentLabelled(tx, bankId, demoExpiredParcel.compartmentLabel);
  if (expiredIn) {
    seedDemoExpiredParcel(tx, bankId, expiredIn, nowMs);
  }
  const overstayedIn = compartmentLabelled(tx, bankId, demoOverstayedStorage.compartmentLabel);
  if (overstayedIn) {
    seedDemoOverstayedStorage(tx, bankId, overstayedIn, nowMs);
  }
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

export const demoExpiredParcel = {
  trackingNumber: '1Z999AA10123456793',
  personnelId: 'P10006',
  compartmentLabel: '24',
} as const;

const dayMs = 24 * 60 * 60_000;

/**
 * A parcel deposited four days ago whose three-day pickup window is over (G3). Its code was
 * drawn then and is long expired; what is stored is a digest nobody knows the code of, since the
 * demo seed has no pepper (the real ones live in `<dataDir>/secrets/`).
 */
function compartmentLabelled(tx: KioskTx, bankId: string, label: string): string | undefined {
  return tx
    .select({ id: compartments.id })
    .from(compartments)
    .where(and(eq(compartments.bankId, bankId), eq(compartments.label, label)))
    .get()?.id;
}

function seedDemoExpiredParcel(
  tx: KioskTx,
  bankId: string,
  compartmentId: string,
  nowMs: number,
): void {
  const depositedAtMs = nowMs - 4 * dayMs;
  const parcel = insertExpectedParcel(
    tx,
    {
      bankId,
      trackingNumber: demoExpiredParcel.trackingNumber,
      trackingCarrier: 'ups',
      recipient: { contactId: contactId(tx, demoExpiredParcel.personnelId) },
    },
    depositedAtMs,
  );
  recordDeposit(tx, parcel.id, { compartmentId, size: 'L' }, depositedAtMs);
  const codeId = uuidv7({ msecs: depositedAtMs });
  tx.insert(accessCodes)
    .values({
      id: codeId,
      bankId,
      codeHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      purpose: 'pickup',
      targetId: parcel.id,
      issuedAt: depositedAtMs,
      expiresAt: depositedAtMs + 3 * dayMs,
    })
    .run();
  tx.insert(accessCodeParcels).values({ accessCodeId: codeId, parcelId: parcel.id }).run();
}

export const demoOverstayedStorage = { personnelId: 'P10007', compartmentLabel: '20' } as const;

/**
 * A 24-hour walk-up storage started two days ago (F1), its day over (G3). Its code, like the
 * expired parcel's, is a digest of nothing anyone knows.
 */
function seedDemoOverstayedStorage(
  tx: KioskTx,
  bankId: string,
  compartmentId: string,
  nowMs: number,
): void {
  const startedAtMs = nowMs - 2 * dayMs;
  const storage = insertActiveStorage(
    tx,
    {
      id: uuidv7({ msecs: startedAtMs }),
      bankId,
      contactId: contactId(tx, demoOverstayedStorage.personnelId),
      size: 'M',
      source: 'kiosk',
      externalId: null,
      preferredCompartmentId: null,
      stayHours: 24,
      startsAtMs: startedAtMs,
    },
    {
      compartmentId,
      startedAtMs,
      endsAtMs: startedAtMs + dayMs,
      latestEndMs: startedAtMs + 3 * dayMs,
    },
    startedAtMs,
  );
  tx.insert(accessCodes)
    .values({
      id: uuidv7({ msecs: startedAtMs }),
      bankId,
      codeHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      purpose: 'storage',
      targetId: storage.id,
      issuedAt: startedAtMs,
      expiresAt: startedAtMs + 33 * dayMs,
    })
    .run();
}
