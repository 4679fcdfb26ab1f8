import type {
  StorageBookingRequest,
  StorageVisit,
} from '../../../src-shared/api/storage-methods.js';
import { demoOverstayedStorage } from '../../../src-main/db/seed-demo-parcels.js';
import type { StoragePolicy } from '../../../src-shared/domain/bank-settings.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { CoreHarness, Row } from '../core/core-harness.js';
import { changeSettings, lockOfId } from './flow-kit.js';

/**
 * What the storage tests (F1–F5, C6, G3) share: the steps a storage screen takes through the
 * real dispatcher — start, close the door on the things, come back with the code — written once.
 */
export const hourMs = 60 * 60_000;

/** The bank's storage policy, changed through the API as the settings screen does. */
export async function setStoragePolicy(
  harness: CoreHarness,
  change: Partial<StoragePolicy>,
): Promise<void> {
  await changeSettings(harness, (settings) => ({
    ...settings,
    storage: { ...settings.storage, ...change },
  }));
}

/** The latest storage.changed event of one visit. */
export function lastStorageEvent(harness: CoreHarness, visitId: string): StorageVisit | undefined {
  return harness
    .eventsNamed('storage.changed')
    .filter((view) => view.visitId === visitId)
    .at(-1);
}

/** The person closes the visit's door: the event the screen gets. */
export async function closeStorageDoor(
  harness: CoreHarness,
  visit: StorageVisit,
): Promise<StorageVisit> {
  const before = harness.eventsNamed('storage.changed').length;
  harness.hardware.setDoor(await lockOfId(harness, visit.compartment.id), 'closed');
  const changed = harness
    .eventsNamed('storage.changed')
    .slice(before)
    .filter((view) => view.visitId === visit.visitId)
    .at(-1);
  if (!changed) {
    throw new Error('the storage visit did not change when its door closed');
  }
  return changed;
}

/** Whether an item sensor sees something in the visit's compartment. */
export async function setItem(
  harness: CoreHarness,
  visit: StorageVisit,
  present: boolean,
): Promise<void> {
  harness.hardware.setItem(await lockOfId(harness, visit.compartment.id), present);
}

/** A whole walk-up (F1): the door opens, the things go in, the door closes; ready, with a code. */
export async function walkUp(
  harness: CoreHarness,
  size: CompartmentSize = 'M',
  hours: number | null = null,
  scanId: string | null = null,
): Promise<StorageVisit & { newCode: string }> {
  const started = await harness.call('storage.start', { size, hours, scanId });
  const ready = await closeStorageDoor(harness, started);
  if (ready.step !== 'ready' || ready.newCode === null) {
    throw new Error(`walk-up ended ${ready.step}`);
  }
  return { ...ready, newCode: ready.newCode };
}

export function storageRow(harness: CoreHarness, storageId: string): Row {
  const row = harness.rows('SELECT * FROM storage_reservation WHERE id = ?', storageId)[0];
  if (!row) {
    throw new Error(`no storage ${storageId}`);
  }
  return row;
}

/**
 * The demo seed's overstayed storage (G3: compartment 20, for P10007), there before any test
 * acts: the storages and codes a test counts are the ones it made, so this one is left out.
 */
export function seededStorage(harness: CoreHarness): { storageId: string; compartmentId: string } {
  const rows = harness.rows(
    `SELECT s.id AS storageId, s.compartment_id AS compartmentId
       FROM storage_reservation s
       JOIN compartment c ON c.id = s.compartment_id
       JOIN contact p ON p.id = s.contact_id
      WHERE c.label = ? AND p.personnel_id = ?`,
    demoOverstayedStorage.compartmentLabel,
    demoOverstayedStorage.personnelId,
  );
  const [row] = rows;
  if (rows.length !== 1 || !row) {
    throw new Error(`expected the seed's overstayed storage once, found ${rows.length}`);
  }
  return { storageId: row['storageId'] as string, compartmentId: row['compartmentId'] as string };
}

/** The storage rows the test made (these columns, in id order): every one but the seed's. */
export function madeStorages(harness: CoreHarness, columns = 'id'): Row[] {
  return harness.rows(
    `SELECT ${columns} FROM storage_reservation WHERE id <> ? ORDER BY id`,
    seededStorage(harness).storageId,
  );
}

/** The storage codes of the storages the test made: every one but the seed's storage's. */
export function madeStorageCodeIds(harness: CoreHarness): Row[] {
  return harness.rows(
    "SELECT id FROM access_code WHERE purpose = 'storage' AND target_id <> ? ORDER BY id",
    seededStorage(harness).storageId,
  );
}

/** The storage's codes as the database holds them (never the digits). */
export function storageCodes(harness: CoreHarness, storageId: string): Row[] {
  return harness.rows(
    "SELECT consumed_at AS consumed, voided_at AS voided, expires_at AS expires FROM access_code WHERE target_id = ? AND purpose = 'storage'",
    storageId,
  );
}

/** How many compartments of a size storage may take now (storage.options). */
export async function availableFor(harness: CoreHarness, size: CompartmentSize): Promise<number> {
  const options = await harness.call('storage.options', {});
  return options.sizes.find((entry) => entry.size === size)?.available ?? -1;
}

export function bookingRequest(
  contactId: string,
  changes: Partial<StorageBookingRequest> = {},
): StorageBookingRequest {
  return {
    externalId: 'web-0001',
    contactId,
    size: 'M',
    startsAtMs: 0,
    hours: null,
    preferredCompartmentId: null,
    ...changes,
  };
}

/** The refusal's message of a call that must be refused. */
export async function refusal(
  harness: CoreHarness,
  method: Parameters<CoreHarness['invoke']>[0],
  args: unknown,
  locale: 'en' | 'fr' = 'en',
): Promise<{ code: string; message: string }> {
  const result = await harness.invoke(method, args, locale);
  if (result.ok) {
    throw new Error(`${method} was not refused`);
  }
  return { code: result.error.code, message: result.error.message };
}
