import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { cookieNotBefore, type SyncCookie } from '../../../src-shared/sync/cookie.js';
import { formatHlc, nextHlc, parseHlc } from '../../../src-shared/time/hlc.js';
import type { KioskDb } from '../open-kiosk-database.js';
import { syncDevice } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export interface SyncIdentity {
  deviceId: string;
  incarnationId: string;
}

/**
 * Creates this database's sync identity on first open. The incarnation id is new for every
 * created database so the cloud recognises a bank restored or recreated from scratch (sync.md).
 */
export function ensureSyncIdentity(db: KioskDb, deviceId: string): SyncIdentity {
  return db.transaction((tx) => {
    const existing = tx.select().from(syncDevice).where(eq(syncDevice.singleton, 1)).get();
    if (existing) {
      return { deviceId: existing.deviceId, incarnationId: existing.incarnationId };
    }
    const identity = { deviceId, incarnationId: uuidv7() };
    tx.insert(syncDevice)
      .values({ singleton: 1, ...identity, lastMutationId: 0 })
      .run();
    return identity;
  });
}

/** The one device id every kiosk database got before migration 0006. */
export const unregisteredDeviceId = 'unregistered-bank';

/**
 * Gives a database from before migration 0006 a device id of its own: they all say
 * `unregistered-bank`, and the cloud keys credentials and mutation ids by device id globally.
 * Only while the kiosk was never enrolled (no credential saved): an enrolled kiosk's credential
 * is bound to the id it enrolled with. Returns the identity as it now stands.
 */
export function replaceUnregisteredDeviceId(
  db: KioskDb,
  options: { enrolled: boolean; newDeviceId?: string },
): SyncIdentity {
  return db.transaction((tx) => {
    const device = tx.select().from(syncDevice).where(eq(syncDevice.singleton, 1)).get();
    if (!device) {
      throw new Error(
        'The kiosk database has no sync identity; ensureSyncIdentity must run at start.',
      );
    }
    const identity = { deviceId: device.deviceId, incarnationId: device.incarnationId };
    if (device.deviceId !== unregisteredDeviceId || options.enrolled) {
      return identity;
    }
    const deviceId = options.newDeviceId ?? `kiosk-${uuidv7()}`;
    tx.update(syncDevice).set({ deviceId }).where(eq(syncDevice.singleton, 1)).run();
    return { ...identity, deviceId };
  });
}

export interface IssuedStamp {
  mutationId: number;
  hlc: string;
}

/**
 * Issues the next mutation id (exactly previous + 1) and HLC stamp. Must run inside the
 * transaction that writes the business rows, so an id is used if and only if its action commits.
 */
export function issueMutationStamp(
  tx: Pick<KioskDb, 'select' | 'update'>,
  nowMs: number,
): IssuedStamp {
  const device = tx.select().from(syncDevice).where(eq(syncDevice.singleton, 1)).get();
  if (!device) {
    throw new Error(
      'The kiosk database has no sync identity; ensureSyncIdentity must run at start.',
    );
  }
  const previous = device.lastHlc ? parseHlc(device.lastHlc) : undefined;
  const hlc = formatHlc(nextHlc(previous, nowMs, device.deviceId));
  const mutationId = device.lastMutationId + 1;
  tx.update(syncDevice)
    .set({ lastMutationId: mutationId, lastHlc: hlc })
    .where(eq(syncDevice.singleton, 1))
    .run();
  return { mutationId, hlc };
}

/** Where this kiosk stands with the cloud, as sync_device records it. */
export interface SyncProgress {
  /** Highest mutation id issued on this database. */
  lastMutationId: number;
  /** Highest id the cloud confirmed applying. */
  ackedMutationId: number;
  /** Null until the first complete pull. */
  cookie: SyncCookie | null;
  lastSyncAt: number | null;
}

export function readSyncProgress(reader: KioskReader): SyncProgress {
  const device = reader.select().from(syncDevice).where(eq(syncDevice.singleton, 1)).get();
  if (!device) {
    throw new Error(
      'The kiosk database has no sync identity; ensureSyncIdentity must run at start.',
    );
  }
  const cookie =
    device.cookieBank === null || device.cookieTenant === null
      ? null
      : { bank: device.cookieBank, tenant: device.cookieTenant };
  return {
    lastMutationId: device.lastMutationId,
    ackedMutationId: device.ackedMutationId,
    cookie,
    lastSyncAt: device.lastSyncAt,
  };
}

/**
 * Saves the pull cookie. Only the transaction that applied a complete pull's data calls it, so
 * cookie and data are never saved apart (sync.md); a cookie older than the saved one is refused
 * (invariant 5), which rolls that transaction back, unless the pull was an explicit reset (its
 * first page began with `clear`: the cloud's counters went back, as after a restore).
 */
export function saveSyncCookie(
  tx: KioskTx,
  cookie: SyncCookie,
  options: { reset?: boolean } = {},
): void {
  const saved = readSyncProgress(tx).cookie;
  if (saved && !options.reset && !cookieNotBefore(cookie, saved)) {
    throw new Error(
      `Refusing to move the pull cookie back from ${JSON.stringify(saved)} to ${JSON.stringify(cookie)}.`,
    );
  }
  tx.update(syncDevice)
    .set({ cookieBank: cookie.bank, cookieTenant: cookie.tenant })
    .where(eq(syncDevice.singleton, 1))
    .run();
}

/** When the last complete push-and-pull round finished. */
export function saveLastSyncAt(db: Pick<KioskDb, 'update'>, nowMs: number): void {
  db.update(syncDevice).set({ lastSyncAt: nowMs }).where(eq(syncDevice.singleton, 1)).run();
}
