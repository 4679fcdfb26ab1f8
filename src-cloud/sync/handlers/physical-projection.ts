import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DeviceIdentity } from '../../auth/device-auth.js';
import type { CloudTx } from '../../db/open-cloud-database.js';
import { inChunks, unnestRows, type BulkColumn } from '../bulk-sql.js';
import type { ReceivedFact } from './batch-effects.js';

/**
 * The server's view of physical state (invariant 6), projected from the facts a bank pushes:
 * which parcel or storage is in which compartment. Detail shapes are the kiosk's
 * (src-main/flows/deposit-record.ts, pickup-service.ts, management-service.ts, handovers/,
 * storage/storage-records.ts); only the fields needed here are read, and extra ones ignored.
 */

type ParcelState = 'in_locker' | 'picked_up' | 'removed' | 'returned';
type StorageState = 'active' | 'ended' | 'emptied';

interface ParcelChange {
  parcelId: string;
  state: ParcelState;
  compartmentId: string | null;
  recipientContactId: string | null;
  expiresAt: number | null;
}

interface StorageChange {
  storageId: string;
  state: StorageState | null;
  compartmentId: string | null;
  contactId: string | null;
  endsAt: number | null;
}

const optionalId = z.string().min(1).nullable().optional();
const optionalMs = z.number().int().nullable().optional();

const DepositDetails = z.object({
  parcelId: z.string().min(1),
  recipient: z.object({ kind: z.string(), id: z.string() }).nullable().optional(),
  expiresAtMs: optionalMs,
  reservationId: optionalId,
});
const ParcelDetails = z.object({ parcelId: z.string().min(1), expiresAtMs: optionalMs });
const StorageStartedDetails = z.object({
  storageId: z.string().min(1),
  contactId: optionalId,
  endsAtMs: optionalMs,
});
const StorageExtendedDetails = z.object({ storageId: z.string().min(1), toMs: z.number().int() });
const StorageDetails = z.object({ storageId: z.string().min(1) });
const RemoteOpenDetails = z.object({ commandId: z.string().min(1) });

/** A parcel deposit that used a reservation: the cloud's intent it fulfils or contradicts. */
export interface ReservationUse {
  reservationId: string;
  parcelId: string;
  activityId: string;
}

const parcelColumns: readonly BulkColumn<ParcelChange>[] = [
  ['parcel_id', 'text', (change) => change.parcelId],
  ['compartment_id', 'text', (change) => change.compartmentId],
  ['state', 'text', (change) => change.state],
  ['recipient_contact_id', 'text', (change) => change.recipientContactId],
  ['expires_at', 'bigint', (change) => change.expiresAt],
];

const storageColumns: readonly BulkColumn<StorageChange>[] = [
  ['storage_id', 'text', (change) => change.storageId],
  ['compartment_id', 'text', (change) => change.compartmentId],
  ['state', 'text', (change) => change.state],
  ['contact_id', 'text', (change) => change.contactId],
  ['ends_at', 'bigint', (change) => change.endsAt],
];

/** The physical changes of one batch, merged per parcel and storage, written in bulk. */
export class PhysicalProjection {
  readonly parcels = new Map<string, ParcelChange>();
  readonly storages = new Map<string, StorageChange>();
  readonly reservationUses: ReservationUse[] = [];
  /** Remote-open commands the bank ran or let expire: their entities are done. */
  readonly finishedRemoteOpens = new Set<string>();

  constructor(
    readonly device: DeviceIdentity,
    readonly nowMs: number,
  ) {}

  parcel(change: ParcelChange): void {
    const before = this.parcels.get(change.parcelId);
    this.parcels.set(change.parcelId, {
      parcelId: change.parcelId,
      state: change.state,
      compartmentId: change.compartmentId ?? before?.compartmentId ?? null,
      recipientContactId: change.recipientContactId ?? before?.recipientContactId ?? null,
      expiresAt: change.expiresAt ?? before?.expiresAt ?? null,
    });
  }

  storage(change: StorageChange): void {
    const before = this.storages.get(change.storageId);
    this.storages.set(change.storageId, {
      storageId: change.storageId,
      state: change.state ?? before?.state ?? null,
      compartmentId: change.compartmentId ?? before?.compartmentId ?? null,
      contactId: change.contactId ?? before?.contactId ?? null,
      endsAt: change.endsAt ?? before?.endsAt ?? null,
    });
  }

  async flush(tx: CloudTx): Promise<void> {
    const { bankId, tenantId } = this.device;
    for (const changes of inChunks([...this.parcels.values()])) {
      await tx.execute(sql`
        INSERT INTO bank_parcel (bank_id, parcel_id, tenant_id, compartment_id, state,
          recipient_contact_id, expires_at, updated_at)
        SELECT ${bankId}, u.parcel_id, ${tenantId}, u.compartment_id, u.state,
          u.recipient_contact_id, u.expires_at, ${this.nowMs}::bigint
        FROM ${unnestRows(changes, parcelColumns)}
        ON CONFLICT (bank_id, parcel_id) DO UPDATE SET
          state = excluded.state,
          compartment_id = coalesce(excluded.compartment_id, bank_parcel.compartment_id),
          recipient_contact_id =
            coalesce(excluded.recipient_contact_id, bank_parcel.recipient_contact_id),
          expires_at = coalesce(excluded.expires_at, bank_parcel.expires_at),
          updated_at = excluded.updated_at`);
    }
    // An extension alone says "active": the kiosk extends active storages only, and within a
    // batch a later end has already overridden it (see storage()).
    for (const changes of inChunks([...this.storages.values()])) {
      await tx.execute(sql`
        INSERT INTO bank_storage (bank_id, storage_id, tenant_id, compartment_id, state,
          contact_id, ends_at, updated_at)
        SELECT ${bankId}, u.storage_id, ${tenantId}, u.compartment_id,
          coalesce(u.state, 'active'), u.contact_id, u.ends_at, ${this.nowMs}::bigint
        FROM ${unnestRows(changes, storageColumns)}
        ON CONFLICT (bank_id, storage_id) DO UPDATE SET
          state = excluded.state,
          compartment_id = coalesce(excluded.compartment_id, bank_storage.compartment_id),
          contact_id = coalesce(excluded.contact_id, bank_storage.contact_id),
          ends_at = coalesce(excluded.ends_at, bank_storage.ends_at),
          updated_at = excluded.updated_at`);
    }
  }
}

function parcelFact(
  fact: ReceivedFact,
  projection: PhysicalProjection,
  state: ParcelState,
): string | null {
  const parsed = ParcelDetails.safeParse(fact.details);
  if (!parsed.success) {
    return parsed.error.issues[0]?.message ?? 'unreadable details';
  }
  projection.parcel({
    parcelId: parsed.data.parcelId,
    state,
    compartmentId: fact.compartmentId,
    recipientContactId: null,
    expiresAt: parsed.data.expiresAtMs ?? null,
  });
  return null;
}

function storageFact(
  fact: ReceivedFact,
  projection: PhysicalProjection,
  state: StorageState,
): string | null {
  const parsed = StorageDetails.safeParse(fact.details);
  if (!parsed.success) {
    return parsed.error.issues[0]?.message ?? 'unreadable details';
  }
  projection.storage({
    storageId: parsed.data.storageId,
    state,
    compartmentId: fact.compartmentId,
    contactId: null,
    endsAt: null,
  });
  return null;
}

/**
 * Applies one fact to the projection; returns why it could not, or null. Facts without a
 * physical effect (door events, sign-ins...) are only stored in the activity log.
 */
export function projectFact(fact: ReceivedFact, projection: PhysicalProjection): string | null {
  switch (fact.type) {
    case 'parcel.deposited': {
      const parsed = DepositDetails.safeParse(fact.details);
      if (!parsed.success) {
        return parsed.error.issues[0]?.message ?? 'unreadable details';
      }
      const { parcelId, recipient, expiresAtMs, reservationId } = parsed.data;
      projection.parcel({
        parcelId,
        state: 'in_locker',
        compartmentId: fact.compartmentId,
        recipientContactId: recipient?.kind === 'contact' ? recipient.id : null,
        expiresAt: expiresAtMs ?? null,
      });
      if (reservationId) {
        projection.reservationUses.push({ reservationId, parcelId, activityId: fact.activityId });
      }
      return null;
    }
    case 'handover.dropped':
      return parcelFact(fact, projection, 'in_locker');
    case 'parcel.picked_up':
      return parcelFact(fact, projection, 'picked_up');
    case 'parcel.removed':
      return parcelFact(fact, projection, 'removed');
    case 'handover.collected':
      return parcelFact(fact, projection, 'returned');
    case 'storage.started': {
      const parsed = StorageStartedDetails.safeParse(fact.details);
      if (!parsed.success) {
        return parsed.error.issues[0]?.message ?? 'unreadable details';
      }
      projection.storage({
        storageId: parsed.data.storageId,
        state: 'active',
        compartmentId: fact.compartmentId,
        contactId: parsed.data.contactId ?? null,
        endsAt: parsed.data.endsAtMs ?? null,
      });
      return null;
    }
    case 'storage.extended': {
      const parsed = StorageExtendedDetails.safeParse(fact.details);
      if (!parsed.success) {
        return parsed.error.issues[0]?.message ?? 'unreadable details';
      }
      projection.storage({
        storageId: parsed.data.storageId,
        state: null,
        compartmentId: fact.compartmentId,
        contactId: null,
        endsAt: parsed.data.toMs,
      });
      return null;
    }
    case 'storage.ended':
      return storageFact(fact, projection, 'ended');
    case 'storage.emptied':
      return storageFact(fact, projection, 'emptied');
    case 'compartment.remote_opened':
    case 'compartment.remote_open_expired': {
      const parsed = RemoteOpenDetails.safeParse(fact.details);
      if (!parsed.success) {
        return parsed.error.issues[0]?.message ?? 'unreadable details';
      }
      projection.finishedRemoteOpens.add(parsed.data.commandId);
      return null;
    }
    default:
      return null;
  }
}
