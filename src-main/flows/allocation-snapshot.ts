import type {
  AllocationBank,
  AllocationCompartment,
  AllocationParty,
  CompartmentFault,
  CompartmentOccupancy,
} from '../../src-shared/allocation/index.js';
import type { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { DoorSensing } from '../core/compartment-service.js';
import { lockOf } from '../core/compartment-service.js';
import { listCloudOutOfService } from '../db/queries/compartment-intents.js';
import { listCompartments, type CompartmentRow } from '../db/queries/compartments.js';
import {
  listActiveReservations,
  listParcelsInLockers,
  type ActiveReservation,
  type StoredParcel,
} from '../db/queries/occupancy.js';
import { findParcel } from '../db/queries/parcels.js';
import { listActiveStorages } from '../db/queries/storage-reservations.js';
import type { KioskReader } from '../db/transaction.js';
import { storageParty } from './storage/storage-records.js';

/**
 * The bank as the allocation engine sees it right now (src-shared/allocation): the stored rows
 * (compartments, parcels in lockers, reservations, running storages) plus what only the core knows — doors that
 * are open or unknown, items where none should be, and compartments busy with a door task
 * (a deposit or a pickup under way), which no one else may be given.
 */
export interface SnapshotInputs {
  reader: KioskReader;
  bankId: string;
  nowMs: number;
  doors: DoorSensing;
  settings: BankSettings;
  /** Compartments a deposit, pickup or removal is using at this moment. */
  busy: ReadonlySet<string>;
  /** D5: compartments kept for one recipient or department. */
  dedications: ReadonlyMap<string, AllocationParty>;
}

export function partyOf(row: {
  contactId: string | null;
  departmentId: string | null;
}): AllocationParty | undefined {
  if (row.contactId !== null) {
    return { kind: 'recipient', id: row.contactId };
  }
  if (row.departmentId !== null) {
    return { kind: 'department', id: row.departmentId };
  }
  return undefined;
}

/** A reservation's party: its own, or its parcel's recipient when it names only a parcel. */
export function reservationParty(
  reader: KioskReader,
  reservation: ActiveReservation,
): AllocationParty | undefined {
  const own = partyOf(reservation);
  if (own || reservation.parcelId === null) {
    return own;
  }
  const parcel = findParcel(reader, reservation.parcelId);
  return parcel ? partyOf(parcel) : undefined;
}

export function buildAllocationBank(inputs: SnapshotInputs): AllocationBank {
  const { reader, bankId, nowMs } = inputs;
  const stored = groupBy(listParcelsInLockers(reader, bankId), (parcel) => parcel.compartmentId);
  const reserved = new Map<string, CompartmentOccupancy>();
  for (const reservation of listActiveReservations(reader, bankId, nowMs)) {
    const party = reservationParty(reader, reservation);
    if (reservation.compartmentId !== null && party) {
      reserved.set(reservation.compartmentId, {
        state: 'reserved',
        party,
        purpose: 'delivery',
        parcelId: reservation.parcelId,
      });
    }
  }
  // F1–F5, G3: a running storage holds its compartment, overstayed or not, until it is ended
  // or emptied: its owner's things are inside.
  const storing = new Map<string, CompartmentOccupancy>();
  for (const storage of listActiveStorages(reader, bankId)) {
    storing.set(storage.compartmentId, {
      state: 'occupied',
      party: storageParty(storage),
      purpose: 'storage',
    });
  }
  // Out of service from the cloud: no new deposit of any kind (sync.md). Only what goes in is
  // allocated here; pickups, removals and operator opens never ask the engine.
  const cloudOutOfService = listCloudOutOfService(reader, bankId);
  const compartments = listCompartments(reader, bankId).map((row): AllocationCompartment => ({
    id: row.id,
    label: row.label,
    size: row.size,
    doorBottomCm: row.doorBottomCm,
    doorTopCm: row.doorTopCm,
    service: cloudOutOfService.has(row.id) ? 'out_of_service' : row.serviceState,
    fault: faultOf(row, inputs, stored.has(row.id) || storing.has(row.id)),
    occupancy: storing.get(row.id) ?? occupancyOf(stored.get(row.id), reserved.get(row.id)),
    dedicatedTo: inputs.dedications.get(row.id) ?? null,
  }));
  return {
    compartments,
    policy: {
      consolidation: !inputs.settings.oneParcelPerCompartment,
      keptForDeliveries: inputs.settings.storage.keptForDeliveries,
    },
  };
}

function occupancyOf(
  parcels: StoredParcel[] | undefined,
  reservation: CompartmentOccupancy | undefined,
): CompartmentOccupancy {
  const first = parcels?.[0];
  // D3: a return waits for the mailroom. Held for a party nobody else is, so no parcel of its
  // sender joins it (D6): their pickup would open on the item they handed back.
  const party =
    first?.kind === 'return'
      ? { kind: 'recipient' as const, id: `return:${first.parcelId}` }
      : first && partyOf(first);
  if (party) {
    return { state: 'occupied', party, purpose: 'delivery' };
  }
  return reservation ?? { state: 'free' };
}

/**
 * Why a compartment in service must not take a parcel now. A busy compartment counts as an open
 * door: its door is, or is about to be, open for someone else.
 */
function faultOf(
  row: CompartmentRow,
  inputs: SnapshotInputs,
  /** Parcels or stored things: an item seen there is expected. */
  holdsParcels: boolean,
): CompartmentFault | null {
  if (inputs.busy.has(row.id)) {
    return 'left_open';
  }
  const lock = lockOf(row);
  const door = inputs.doors.doorState(lock);
  if (door === 'open') {
    return 'left_open';
  }
  if (door === 'unknown') {
    return 'door_state_unknown';
  }
  if (!holdsParcels && inputs.doors.itemPresent(lock) === true) {
    return 'unexpected_item';
  }
  return null;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
