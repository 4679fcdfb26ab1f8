import { and, eq, isNull } from 'drizzle-orm';
import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import type { AllocationParty } from '../../src-shared/allocation/index.js';
import { isStayExpired } from '../../src-shared/domain/storage-stay.js';
import type { Clock } from '../../src-shared/time/clock.js';
import {
  compartmentView,
  lockOf,
  type CompartmentService,
  type DoorSensing,
} from '../core/compartment-service.js';
import { KioskError } from '../core/kiosk-error.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { listCloudOutOfService } from '../db/queries/compartment-intents.js';
import { findCompartment, listCompartments } from '../db/queries/compartments.js';
import { findContact } from '../db/queries/contacts.js';
import { findDepartment } from '../db/queries/departments.js';
import {
  listActiveReservations,
  listLockerContents,
  type LockerContent,
} from '../db/queries/occupancy.js';
import { recordRemoval } from '../db/queries/parcels.js';
import { listActiveStorages, type ActiveStorage } from '../db/queries/storage-reservations.js';
import { accessCodes } from '../db/schema.js';
import { recordAction } from '../db/queries/record-action.js';
import type { KioskReader } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import { reservationParty } from './allocation-snapshot.js';
import type { DoorWatch } from './door-watch.js';
import { runOperatorDoorTask } from './operator-door-task.js';
import type { KioskCodes } from './kiosk-codes.js';
import type { Actor } from './kiosk-sessions.js';
import { recordStorageClosed } from './storage/storage-records.js';
import { storageRefused } from './storage/storage-refusals.js';

/**
 * Management at the kiosk (G1–G3): every compartment's use with its parcels or its storage,
 * removing expired parcels and emptying overstayed storages. A parcel is expired once its pickup
 * window is over (no unused code left that still works), a storage once its end has passed;
 * removal and emptying count, like every door task, when the door closes again.
 */
export interface ManagementDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  doors: DoorSensing;
  compartments: Pick<CompartmentService, 'open'>;
  doorWatch: DoorWatch;
  codes: KioskCodes;
  dedications: () => ReadonlyMap<string, AllocationParty>;
  /** Item sensors read by this bank's profile (X2). */
  itemSensors: () => boolean;
  /** After the removal commits: the screens refresh. */
  changed: (compartmentId: string) => void;
}

export interface ManagementService {
  compartments(): ManagedCompartment[];
  removeExpired(actor: Actor, compartmentId: string): Promise<ManagedCompartment>;
  /** G3: open an overstayed storage and empty it; the reason is logged. */
  emptyStorage(actor: Actor, compartmentId: string, reason: string): Promise<ManagedCompartment>;
}

/** The parcel's pickup codes neither used nor voided, whether or not they have expired. */
function unsettledPickupCodeIds(reader: KioskReader, parcelId: string): string[] {
  return reader
    .select({ id: accessCodes.id })
    .from(accessCodes)
    .where(
      and(
        eq(accessCodes.targetId, parcelId),
        eq(accessCodes.purpose, 'pickup'),
        isNull(accessCodes.consumedAt),
        isNull(accessCodes.voidedAt),
      ),
    )
    .all()
    .map((row) => row.id);
}

/**
 * A parcel nobody may pick up any more (G3). A return (D3) never expires: it waits for the
 * mailroom, which collects it from its own list.
 */
export function isExpired(
  content: Pick<LockerContent, 'expiresAtMs' | 'kind'>,
  nowMs: number,
): boolean {
  if (content.kind === 'return') {
    return false;
  }
  return content.expiresAtMs === null || content.expiresAtMs <= nowMs;
}

export function createManagementService(deps: ManagementDependencies): ManagementService {
  const { db, clock, bankId } = deps;

  function partyName(reader: KioskReader, party: AllocationParty | undefined): string | null {
    if (!party) {
      return null;
    }
    return party.kind === 'recipient'
      ? (findContact(reader, party.id)?.name ?? null)
      : (findDepartment(reader, party.id)?.name ?? null);
  }

  function compartments(): ManagedCompartment[] {
    const nowMs = clock.now();
    const contents = listLockerContents(db, bankId);
    const reserved = new Map<string, string | null>();
    for (const reservation of listActiveReservations(db, bankId, nowMs)) {
      if (reservation.compartmentId !== null) {
        reserved.set(reservation.compartmentId, partyName(db, reservationParty(db, reservation)));
      }
    }
    const dedications = deps.dedications();
    // Out of service from the cloud shows once the compartment is empty, so what is inside (an
    // expired parcel to remove, a storage to empty) stays in view.
    const cloudOutOfService = listCloudOutOfService(db, bankId);
    const storages = new Map(
      listActiveStorages(db, bankId).map((storage) => [storage.compartmentId, storage]),
    );
    return listCompartments(db, bankId).map((row) => {
      const parcels = contents.filter((content) => content.compartmentId === row.id);
      const storage = storages.get(row.id);
      const storageExpired = storage !== undefined && isStayExpired(storage.endsAt, nowMs);
      const use: ManagedCompartment['use'] =
        row.serviceState === 'out_of_service'
          ? 'out_of_service'
          : parcels.some((parcel) => isExpired(parcel, nowMs)) || storageExpired
            ? 'expired'
            : parcels.length > 0 || storage !== undefined
              ? 'occupied'
              : cloudOutOfService.has(row.id)
                ? 'out_of_service'
                : reserved.has(row.id)
                  ? 'reserved'
                  : 'available';
      return {
        ...compartmentView(row, deps.doors),
        use,
        parcels: parcels.map((parcel) => ({
          parcelId: parcel.parcelId,
          kind: parcel.kind,
          trackingNumber: parcel.trackingNumber,
          recipientName: parcel.recipientName,
          depositedAtMs: parcel.depositedAtMs,
          expiresAtMs: parcel.expiresAtMs,
        })),
        heldFor: reserved.get(row.id) ?? partyName(db, dedications.get(row.id)),
        storage: storage
          ? {
              storageId: storage.id,
              ownerName: storage.ownerName,
              startedAtMs: storage.startedAt,
              endsAtMs: storage.endsAt,
              expired: storageExpired,
            }
          : null,
      };
    });
  }

  function managed(compartmentId: string): ManagedCompartment {
    const found = compartments().find((compartment) => compartment.id === compartmentId);
    if (!found) {
      throw new KioskError('not_found', { what: 'noun.compartment' });
    }
    return found;
  }

  /** The door closed: the expired parcels are out, their codes void, all in one transaction. */
  function removed(actor: Actor, compartmentId: string, parcelIds: readonly string[]): void {
    const nowMs = clock.now();
    db.transaction((tx) => {
      const store = deps.codes.storeWithin(tx);
      for (const parcelId of parcelIds) {
        if (!recordRemoval(tx, parcelId, nowMs)) {
          continue;
        }
        // Every code still unsettled, expired ones included: the issuer voids only active codes,
        // and an expired parcel's codes are expired by definition, so it would void none.
        const voidedCodeIds = unsettledPickupCodeIds(tx, parcelId).filter((codeId) =>
          store.markVoided(codeId, nowMs),
        );
        recordAction(
          tx,
          {
            bankId,
            type: 'parcel.removed',
            compartmentId,
            actor: actor.actorId,
            details: { parcelId, reason: 'expired', voidedCodeIds },
          },
          nowMs,
        );
      }
    });
    deps.changed(compartmentId);
  }

  /** G3: the door closed on the emptied compartment: emptied, reason kept, code void, together. */
  function emptied(actor: Actor, storage: ActiveStorage, label: string, reason: string): void {
    try {
      db.transaction((tx) =>
        recordStorageClosed(
          tx,
          storage,
          { by: 'operator', actorId: actor.actorId, label, reason },
          deps.codes,
          clock.now(),
        ),
      );
    } catch (error) {
      deps.logger.error(
        { err: error, storageId: storage.id },
        'recording an emptied storage failed',
      );
    }
    deps.changed(storage.compartmentId);
  }

  return {
    compartments,

    removeExpired: async (actor, compartmentId) => {
      const compartment = findCompartment(db, compartmentId);
      if (!compartment || compartment.bankId !== bankId) {
        throw new KioskError('not_found', { what: 'noun.compartment' });
      }
      const nowMs = clock.now();
      const expired = listLockerContents(db, bankId).filter(
        (content) => content.compartmentId === compartmentId && isExpired(content, nowMs),
      );
      if (expired.length === 0) {
        throw new KioskError('not_found', { what: 'noun.expired_parcel' });
      }
      const parcelIds = expired.map((content) => content.parcelId);
      await runOperatorDoorTask(deps, {
        compartment,
        actorId: actor.actorId,
        recordWithRequest: (tx, nowMs) =>
          recordAction(
            tx,
            {
              bankId,
              type: 'parcel.removal_started',
              compartmentId,
              actor: actor.actorId,
              details: { label: compartment.label, parcelIds },
            },
            nowMs,
          ),
        onClosed: () => removed(actor, compartmentId, parcelIds),
        busy: () => new KioskError('door_in_use', { label: compartment.label }),
        failed: () => new KioskError('hardware_unavailable'),
      });
      return managed(compartmentId);
    },

    emptyStorage: async (actor, compartmentId, reason) => {
      const compartment = findCompartment(db, compartmentId);
      if (!compartment || compartment.bankId !== bankId) {
        throw new KioskError('not_found', { what: 'noun.compartment' });
      }
      const storage = listActiveStorages(db, bankId).find(
        (candidate) => candidate.compartmentId === compartmentId,
      );
      if (!storage) {
        throw storageRefused('storage.refused.nothing_to_empty', { label: compartment.label });
      }
      // Any running storage, not only an overstayed one (G3): one with no end time never
      // overstays, and an owner who lost their code needs the mailroom (X6). The reason is
      // logged either way; the status grid offers it first for overstayed storages.
      await runOperatorDoorTask(deps, {
        compartment,
        actorId: actor.actorId,
        recordWithRequest: (tx, nowMs) =>
          recordAction(
            tx,
            {
              bankId,
              type: 'storage.emptying_started',
              compartmentId,
              actor: actor.actorId,
              details: {
                storageId: storage.id,
                label: compartment.label,
                reason,
                overstayed: isStayExpired(storage.endsAt, nowMs),
              },
            },
            nowMs,
          ),
        onClosed: () => {
          // Things still seen inside: the storage stays (X2), and the grid still shows it.
          if (deps.itemSensors() && deps.doors.itemPresent(lockOf(compartment)) === true) {
            deps.logger.warn(
              { label: compartment.label },
              'storage not emptied: the item sensor still sees something',
            );
            deps.changed(compartmentId);
            return;
          }
          emptied(actor, storage, compartment.label, reason);
        },
        busy: () => new KioskError('door_in_use', { label: compartment.label }),
        failed: () => storageRefused('storage.refused.door_failed', { label: compartment.label }),
      });
      return managed(compartmentId);
    },
  };
}
