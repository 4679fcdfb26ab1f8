/**
 * The sync kill test's victim, run as its own process (`node --import tsx`): a kiosk core on a
 * real SQLite file in `dataDir`, syncing with the parent's cloud, running the chaos workload
 * (drop-offs and pickups, fake clock) until it dies.
 *
 * It dies one of two ways: CASIER_SYNC_KILL (`<point>:<occurrence>`, kill-point-adapter.ts)
 * makes it SIGKILL itself at a named point of a sync round; without it, the parent kills it
 * after some of the steps it announces on stdout (`step <n> <what>`, synchronous writes).
 * After `maxSteps` it stops cleanly and says `done`.
 *
 * Usage: sync-kill-child.ts <dataDir> <cloudUrl> <enrolmentCode> <seed> <startMs> <maxSteps>
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskCore } from '../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { seededRandom } from '../bench/allocation-bank.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { testSerialPath } from '../main/core/core-harness.js';
import { killPointAdapter, parseKillPlan } from './kill-point-adapter.js';
import { startKioskWorkload } from './kiosk-workload.js';

export const syncKillEnv = 'CASIER_SYNC_KILL';

function announce(line: string): void {
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const [dataDir, cloudUrl, enrolmentCode, seedText, startText, maxStepsText] =
    process.argv.slice(2);
  if (
    dataDir === undefined ||
    cloudUrl === undefined ||
    enrolmentCode === undefined ||
    maxStepsText === undefined
  ) {
    throw new Error(
      'usage: sync-kill-child.ts <dataDir> <cloudUrl> <enrolmentCode> <seed> <startMs> <maxSteps>',
    );
  }
  const random = seededRandom(Number(seedText));
  const clock = new ManualClock(Number(startText));
  const hardware = new FakeHardware();
  const core = await startKioskCore({
    dataDir,
    demo: true,
    hardware,
    clock,
    logger: silentLogger(),
    serialPath: testSerialPath,
    cloudUrl,
    enrolmentCode,
    adapter: killPointAdapter(parseKillPlan(process.env[syncKillEnv])),
    random,
  });
  const reader = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  announce('started');
  const workload = await startKioskWorkload({
    core,
    hardware,
    clock,
    reader,
    random,
    label: `K${seedText}`,
  });
  for (let step = 1; step <= Number(maxStepsText); step++) {
    const what = await workload.step();
    // The sync state too: a round that never reaches its kill point says where sync stood.
    const status = await core.transport.invoke('sync.status', {}, 'en');
    const sync = status.ok ? JSON.stringify(status.value) : status.error.code;
    announce(`step ${step} ${what} ${sync}`);
    // Real time for the sync round trips the step's outbox rows started.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (process.env[syncKillEnv]) {
    // A named point still ahead: no more work, but sync keeps going (on a loaded machine the
    // steps can outrun it) until the point is reached or the parent's deadline kills this.
    announce('idle');
    for (;;) {
      await clock.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  announce('done');
  reader.close();
  await core.stop();
}

main().catch((error: unknown) => {
  writeSync(
    2,
    `sync kill child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(3);
});
