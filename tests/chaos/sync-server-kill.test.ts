/**
 * Issue 6 item 6, the crash half, server side: a kiosk builds a backlog of a few hundred
 * mutations offline, then syncs it while the cloud process is SIGKILLed mid-push (inside the
 * transaction that applies the batch, most likely) and restarted on the same database and port,
 * several times. Once it runs undisturbed, the kiosk drains and every invariant holds: the
 * killed transactions left nothing half applied, and nothing was applied twice.
 */
import axios, { type AxiosAdapter } from 'axios';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startCloudServer, type CloudServerOptions } from '../../src-cloud/server.js';
import { seededRandom } from '../bench/allocation-bank.js';
import { cloudDatabaseKinds, freshPostgresUrl } from '../helpers/cloud-database.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import {
  chaosPlatformToken,
  chaosStartMs,
  driveUntilQuiet,
  seedKioskAndCloudBank,
  startKioskInProcess,
} from './chaos-system.js';
import { freePort, startCloudChild, type CloudChildDatabase } from './cloud-child-process.js';
import { startKioskWorkload } from './kiosk-workload.js';
import { breathe, waitUntil } from './sync-crash-harness.js';
import { checkSyncInvariants } from './sync-invariants.js';

const backlog = 250;
const kills = 3;

/** Counts the kiosk's pushes on their way: the moment to kill the server is while one is. */
function pushWatch(inner: AxiosAdapter = axios.getAdapter('http')) {
  const state = { inFlight: 0, started: 0 };
  const adapter: AxiosAdapter = async (config) => {
    if (!config.url?.endsWith('/v1/sync/push')) {
      return inner(config);
    }
    state.inFlight++;
    state.started++;
    try {
      return await inner(config);
    } finally {
      state.inFlight--;
    }
  };
  return { state, adapter };
}

/** Transactions the cloud (any connection but the probe's own) has open right now. */
async function openTransactions(probe: pg.Client): Promise<number> {
  const open = await probe.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
  );
  return open.rows[0]!.n;
}

describe.each(cloudDatabaseKinds)('sync with the cloud SIGKILLed (%s)', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  it('loses and doubles nothing when the server dies mid-push', { timeout: 300_000 }, async () => {
    const folder = makeTempFolder('casier-server-kill-');
    cleanups.push(() => folder.remove());
    const kioskDir = join(folder.path, 'kiosk');
    const database: CloudChildDatabase =
      kind === 'postgres'
        ? { databaseUrl: await freshPostgresUrl() }
        : { dataDir: join(folder.path, 'cloud') };
    const port = await freePort();
    const inProcessOptions: CloudServerOptions = {
      ...database,
      port,
      platformToken: chaosPlatformToken,
      logger: false,
    };
    mkdirSync(kioskDir);
    let cloud = await startCloudServer(inProcessOptions);
    let cloudOpen = true;
    cleanups.push(async () => {
      if (cloudOpen) {
        await cloud.close();
      }
    });
    const bank = await seedKioskAndCloudBank({
      cloudUrl: cloud.url,
      dataDir: kioskDir,
      deviceId: `server-kill-${kind}`,
    });
    const watch = pushWatch();
    const system = await startKioskInProcess({
      cloud,
      bank,
      dataDir: kioskDir,
      startMs: chaosStartMs,
      random: seededRandom(71),
      inner: watch.adapter,
    });
    cleanups.push(() => system.stop());
    await driveUntilQuiet(system);

    // Offline: the backlog.
    system.network.setPartition('both_ways');
    const workload = await startKioskWorkload({
      core: system.core,
      hardware: system.hardware,
      clock: system.clock,
      reader: system.reader,
      random: system.random,
      label: `${kind}s`,
    });
    const unacked = (): number =>
      (
        system.reader
          .prepare('SELECT COUNT(*) AS n FROM sync_outbox WHERE acked_at IS NULL')
          .get() as { n: number }
      ).n;
    for (let step = 0; step < 200 && unacked() < backlog; step++) {
      await workload.step();
    }
    expect(unacked()).toBeGreaterThanOrEqual(backlog);

    // The cloud moves to its own process, on the same database and port.
    await cloud.close();
    cloudOpen = false;
    let child = await startCloudChild({ port, platformToken: chaosPlatformToken, database });
    cleanups.push(() => child.kill());
    system.network.heal();
    const choose = seededRandom(72);
    const killedDuringPush: boolean[] = [];
    const killedInTransaction: boolean[] = [];
    const probe = database.databaseUrl
      ? new pg.Client({ connectionString: database.databaseUrl })
      : undefined;
    await probe?.connect();
    cleanups.push(() => probe?.end());
    for (let kill = 0; kill < kills; kill++) {
      const started = watch.state.started;
      await waitUntil(
        `push ${kill + 1} to reach the cloud process`,
        () => watch.state.started > started && watch.state.inFlight > 0,
        { clock: system.clock },
      );
      if (probe) {
        // PostgreSQL shows it: wait for the cloud's transaction to be open, kill inside it.
        await waitUntil(
          `push ${kill + 1}'s transaction`,
          async () => (await openTransactions(probe)) > 0,
          { deadlineMs: 10_000 },
        );
        await breathe(Math.floor(choose() * 30));
        killedInTransaction.push((await openTransactions(probe)) > 0);
      } else {
        // PGlite cannot be watched from outside: a random moment of the push.
        await breathe(10 + Math.floor(choose() * 200));
      }
      killedDuringPush.push(watch.state.inFlight > 0);
      await child.kill();
      // A little more work while the cloud is down, so there is always a push to kill.
      await workload.step();
      child = await startCloudChild({ port, platformToken: chaosPlatformToken, database });
    }
    // Let the last process take the whole backlog, then stop it cleanly.
    await waitUntil('the backlog to drain into the cloud process', () => unacked() === 0, {
      clock: system.clock,
      deadlineMs: 60_000,
    });
    await child.stop();
    expect(child.output(), 'the cloud process complained').toBe('');

    // The checks read the cloud's database: a cloud in this process, same database and port.
    cloud = await startCloudServer(inProcessOptions);
    cloudOpen = true;
    system.cloud = cloud;
    await driveUntilQuiet(system);
    const report = await checkSyncInvariants({
      kiosk: system.reader,
      cloud: cloud.database.db,
      tenantId: bank.tenantId,
      bankId: bank.bankId,
    });
    expect(report.violations).toEqual([]);
    expect(report.counts.mutations).toBeGreaterThanOrEqual(backlog);
    // Every kill landed while a push was unanswered; on PostgreSQL, inside its transaction.
    expect(killedDuringPush).toEqual(Array.from({ length: kills }, () => true));
    if (probe) {
      // The transaction may commit between the probe and the kill; at least one must land inside.
      expect(killedInTransaction).toContain(true);
    }
  });
});
