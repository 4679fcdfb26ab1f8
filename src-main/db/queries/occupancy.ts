import { and, asc, eq, gt, isNull, max } from 'drizzle-orm';
import { accessCodes, contacts, deliveryReservations, departments, parcels } from '../schema.js';
import type { ParcelKind } from '../../../src-shared/domain/parcel.js';
import type { KioskReader } from '../transaction.js';

/** A parcel waiting in a compartment, as allocation and the status grid need it. */
export interface StoredParcel {
  parcelId: string;
  compartmentId: string;
  contactId: string | null;
  departmentId: string | null;
  /** A return (D3) waits for the mailroom, not for its contact. */
  kind: ParcelKind;
}

/** Every parcel in a compartment of the bank now (G1, and D6 consolidation). */
export function listParcelsInLockers(reader: KioskReader, bankId: string): StoredParcel[] {
  return reader
    .select({
      parcelId: parcels.id,
      compartmentId: parcels.compartmentId,
      contactId: parcels.contactId,
      departmentId: parcels.departmentId,
      kind: parcels.kind,
    })
    .from(parcels)
    .where(and(eq(parcels.bankId, bankId), eq(parcels.state, 'in_locker')))
    .orderBy(asc(parcels.depositedAt), asc(parcels.id))
    .all()
    .flatMap((row) =>
      row.compartmentId === null ? [] : [{ ...row, compartmentId: row.compartmentId }],
    );
}

export type ActiveReservation = typeof deliveryReservations.$inferSelect;

/** D2: reservations still waiting (not expired at `nowMs`). */
export function listActiveReservations(
  reader: KioskReader,
  bankId: string,
  nowMs: number,
): ActiveReservation[] {
  return reader
    .select()
    .from(deliveryReservations)
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

/** A parcel in a compartment with what the status grid shows of it (G1, G2). */
export interface LockerContent extends StoredParcel {
  trackingNumber: string | null;
  recipientName: string;
  depositedAtMs: number;
  /** The end of its pickup window: when its newest unused code stops working (G3). */
  expiresAtMs: number | null;
}

export function listLockerContents(reader: KioskReader, bankId: string): LockerContent[] {
  const expiries = new Map(
    reader
      .select({ parcelId: accessCodes.targetId, expiresAt: max(accessCodes.expiresAt) })
      .from(accessCodes)
      .where(
        and(
          eq(accessCodes.bankId, bankId),
          eq(accessCodes.purpose, 'pickup'),
          isNull(accessCodes.consumedAt),
          isNull(accessCodes.voidedAt),
        ),
      )
      .groupBy(accessCodes.targetId)
      .all()
      .map((row) => [row.parcelId, row.expiresAt] as const),
  );
  return reader
    .select({
      parcelId: parcels.id,
      compartmentId: parcels.compartmentId,
      contactId: parcels.contactId,
      departmentId: parcels.departmentId,
      kind: parcels.kind,
      trackingNumber: parcels.trackingNumber,
      contactName: contacts.name,
      departmentName: departments.name,
      depositedAt: parcels.depositedAt,
    })
    .from(parcels)
    .leftJoin(contacts, eq(contacts.id, parcels.contactId))
    .leftJoin(departments, eq(departments.id, parcels.departmentId))
    .where(and(eq(parcels.bankId, bankId), eq(parcels.state, 'in_locker')))
    .orderBy(asc(parcels.depositedAt), asc(parcels.id))
    .all()
    .flatMap((row) =>
      row.compartmentId === null
        ? []
        : [
            {
              parcelId: row.parcelId,
              compartmentId: row.compartmentId,
              contactId: row.contactId,
              departmentId: row.departmentId,
              kind: row.kind,
              trackingNumber: row.trackingNumber,
              recipientName: row.contactName ?? row.departmentName ?? '',
              depositedAtMs: row.depositedAt ?? 0,
              expiresAtMs: expiries.get(row.parcelId) ?? null,
            },
          ],
    );
}
