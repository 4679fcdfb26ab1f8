/**
 * The whole sync path for the chaos suite: the real cloud server (PGlite or PostgreSQL) on
 * loopback, a bank created through the admin API with the kiosk's compartments and directory,
 * and a kiosk core (real SQLite file, in-memory hardware, fake clock) whose sync engine talks to
 * the cloud through a FaultyNetwork. Nothing is mocked between the two but the network.
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { banks, tenants } from '../../src-cloud/db/schema.js';
import { join } from 'node:path';
import { startKioskCore, type KioskCore } from '../../src-main/core/start-kiosk-core.js';
import { openKioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { kioskMigrationsFolder } from '../../src-main/app-root.js';
import { seedDemoBank } from '../../src-main/db/seed-demo-bank.js';
import { ensureSyncIdentity } from '../../src-main/db/queries/sync-device.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import { startCloudServer, type CloudServer } from '../../src-cloud/server.js';
import type { SyncStatus } from '../../src-shared/api/sync-methods.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { seededRandom } from '../bench/allocation-bank.js';
import { createCloudBankFor, type CloudBank } from '../../tools/dev/cloud-demo-bank.js';
import { freshPostgresUrl, type CloudDatabaseKind } from '../helpers/cloud-database.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { testSerialPath } from '../main/core/core-harness.js';
import { FaultyNetwork } from './faulty-adapter.js';

export const chaosPlatformToken = 'chaos-platform-token-0123456789abcdef';
export const chaosStartMs = Date.UTC(2026, 10, 2, 8, 0, 0);

export interface ChaosSystem {
  cloud: CloudServer;
  bank: CloudBank;
  dataDir: string;
  network: FaultyNetwork;
  clock: ManualClock;
  hardware: FakeHardware;
  random: () => number;
  core: KioskCore;
  /** Read-only view of the kiosk's file, for the invariants and the workload. */
  reader: Database.Database;
  status(): Promise<SyncStatus>;
  /** Stops the kiosk (and keeps the cloud): a restart, or before checking the file. */
  stopKiosk(): Promise<void>;
  startKiosk(): Promise<void>;
  stop(): Promise<void>;
}

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

/**
 * Seeds the kiosk database first (the demo bank), creates its twin in the cloud, then starts the
 * kiosk with the enrolment code, so its first pull brings back the same directory. `stop` ends
 * the kiosk and the cloud.
 */
export async function startChaosSystem(options: {
  kind: CloudDatabaseKind;
  dataDir: string;
  seed: number;
}): Promise<ChaosSystem> {
  const random = seededRandom(options.seed);
  const cloud = await startCloudServer({
    ...(options.kind === 'postgres' ? { databaseUrl: await freshPostgresUrl() } : {}),
    platformToken: chaosPlatformToken,
    logger: false,
  });
  const bank = await seedKioskAndCloudBank({
    cloudUrl: cloud.url,
    dataDir: options.dataDir,
    deviceId: `chaos-device-${options.seed}`,
  });
  const system = await startKioskInProcess({
    cloud,
    bank,
    dataDir: options.dataDir,
    startMs: chaosStartMs,
    random,
  });
  const stopKiosk = system.stop;
  system.stop = async () => {
    await stopKiosk();
    await cloud.close();
  };
  return system;
}

/**
 * Lets the engine run with the network healed until the outbox is empty and a round completed
 * after the last cloud write (invariant 9: it drains within a bound). Advances the kiosk's fake
 * clock so back-off pauses end; real time only passes for the HTTP round trips.
 */
export async function driveUntilQuiet(system: ChaosSystem, maxRounds = 300): Promise<number> {
  system.network.heal();
  await system.network.settle();
  const started = Date.now();
  for (let round = 0; round < maxRounds; round++) {
    const status = await system.status();
    const cookieCurrent = await cookieMatchesCloud(system);
    if (status.state === 'online' && status.queueDepth === 0 && cookieCurrent) {
      return round;
    }
    if (status.state === 'blocked' || status.state === 'revoked') {
      throw new Error(`sync stopped: ${status.state} ${status.problem ?? ''}`);
    }
    await system.clock.advance(2_000);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `the outbox did not drain within ${maxRounds} rounds (${Date.now() - started} ms): ${JSON.stringify(await system.status())}`,
  );
}

async function cookieMatchesCloud(system: ChaosSystem): Promise<boolean> {
  const cookie = system.reader
    .prepare('SELECT cookie_bank AS bank, cookie_tenant AS tenant FROM sync_device')
    .get() as { bank: number | null; tenant: number | null };
  const [row] = await system.cloud.database.db
    .select({ bank: banks.version, tenant: tenants.version })
    .from(banks)
    .innerJoin(tenants, eq(tenants.id, banks.tenantId))
    .where(eq(banks.id, system.bank.bankId));
  return row !== undefined && cookie.bank === row.bank && cookie.tenant === row.tenant;
}
