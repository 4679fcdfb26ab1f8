/**
 * Pieces the crash half of the chaos suite shares: a cloud bank twin of a seeded kiosk database,
 * and an in-process kiosk on an existing data dir whose lifetime is its own (the cloud outlives
 * it), shaped as a ChaosSystem so driveUntilQuiet and the invariants work on it unchanged.
 * The kill tests run several kiosks (children, then this one) one after the other on one file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startKioskCore, type KioskCore } from '../../src-main/core/start-kiosk-core.js';
import { kioskMigrationsFolder } from '../../src-main/app-root.js';
import { openKioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { ensureSyncIdentity } from '../../src-main/db/queries/sync-device.js';
import { seedDemoBank } from '../../src-main/db/seed-demo-bank.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import type { CloudServer } from '../../src-cloud/server.js';
import type { SyncStatus } from '../../src-shared/api/sync-methods.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { createCloudBankFor, type CloudBank } from '../helpers/cloud-admin-client.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { testSerialPath } from '../main/core/core-harness.js';
import { chaosPlatformToken, chaosStartMs, type ChaosSystem } from './chaos-system.js';
import { FaultyNetwork } from './faulty-adapter.js';

export const kioskFileName = 'kiosk.sqlite';

/** Seeds the demo kiosk database in `dataDir` and creates its twin bank in the cloud. */
export async function seedKioskAndCloudBank(options: {
  cloudUrl: string;
  dataDir: string;
  deviceId: string;
}): Promise<CloudBank> {
  const seeded = openKioskDatabase({
    file: join(options.dataDir, kioskFileName),
    migrationsFolder: kioskMigrationsFolder(),
  });
  try {
    ensureSyncIdentity(seeded.db, options.deviceId);
    seedDemoBank(seeded.db, chaosStartMs);
    return await createCloudBankFor(options.cloudUrl, chaosPlatformToken, seeded.db);
  } finally {
    seeded.close();
  }
}

/**
 * Starts a kiosk core in this process on `dataDir`, talking to `cloud` through a healthy
 * FaultyNetwork over `inner` (the real http adapter unless a test watches the requests).
 * `stop` ends the kiosk and its reader only: the cloud belongs to the test.
 */
export async function startKioskInProcess(options: {
  cloud: CloudServer;
  bank: CloudBank;
  dataDir: string;
  startMs: number;
  random: () => number;
  inner?: FaultyNetwork['adapter'];
  /** Starts with the network cut both ways (the kiosk works offline until `network.heal()`). */
  offline?: boolean;
}): Promise<ChaosSystem> {
  const network = new FaultyNetwork(options.random, { deliver: 1 }, options.inner);
  if (options.offline === true) {
    network.setPartition('both_ways');
  }
  const clock = new ManualClock(options.startMs);
  const hardware = new FakeHardware();
  const reader = new Database(join(options.dataDir, kioskFileName), { readonly: true });
  let core: KioskCore | undefined;
  const start = async (): Promise<void> => {
    core = await startKioskCore({
      dataDir: options.dataDir,
      demo: true,
      hardware,
      clock,
      logger: silentLogger(),
      serialPath: testSerialPath,
      cloudUrl: options.cloud.url,
      enrolmentCode: options.bank.enrolmentCode,
      adapter: network.adapter,
      random: options.random,
    });
  };
  const system: ChaosSystem = {
    cloud: options.cloud,
    bank: options.bank,
    dataDir: options.dataDir,
    network,
    clock,
    hardware,
    random: options.random,
    get core(): KioskCore {
      if (core === undefined) {
        throw new Error('the kiosk is stopped');
      }
      return core;
    },
    reader,
    async status(): Promise<SyncStatus> {
      const result = await system.core.transport.invoke('sync.status', {}, 'en');
      if (!result.ok) {
        throw new Error(result.error.message);
      }
      return result.value as SyncStatus;
    },
    async stopKiosk() {
      await core?.stop();
      core = undefined;
    },
    startKiosk: start,
    async stop() {
      await system.stopKiosk();
      reader.close();
      await network.settle();
    },
  };
  await start();
  return system;
}

/** `PRAGMA integrity_check` of the kiosk file, with no kiosk running: 'ok' or the problems. */
export function kioskIntegrity(dataDir: string): string {
  const sqlite = new Database(join(dataDir, kioskFileName), { readonly: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    sqlite.close();
  }
}

/** Lets real I/O happen between fake-clock steps. */
export const breathe = (ms = 15): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `ready` (advancing the kiosk's fake clock so back-off pauses end) until it holds, or
 * fails with `what` after `deadlineMs` of real time.
 */
export async function waitUntil(
  what: string,
  ready: () => boolean | Promise<boolean>,
  options: { clock?: ManualClock; deadlineMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.deadlineMs ?? 30_000);
  while (!(await ready())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await options.clock?.advance(1_000);
    await breathe(20);
  }
}
