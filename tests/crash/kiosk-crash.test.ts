import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startKioskCore } from '../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { testSerialPath } from '../main/core/core-harness.js';
import { seededRandom } from '../bench/allocation-bank.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { runChildUntilKilled } from './crash-child-process.js';
import { checkCrashInvariants, type InvariantReport } from './crash-invariants.js';
import { splitDepositFlag } from './split-deposit-flag.js';

/**
 * Issue 4's crash test: drop-offs and pickups run in a child process that is SIGKILLed at a
 * point chosen by each round's seed; every round continues on the database the previous kill
 * left, and after each kill the database must pass integrity_check and every invariant
 * (crash-invariants.ts).
 *
 * To see it fail, run it once with CASIER_CRASH_SPLIT_DEPOSIT=1 in the environment: the child
 * then commits parcels and their codes in two transactions (split-deposit-bug.ts).
 */
// Two chains of rounds, each on its own database, side by side: starting a kiosk dominates.
const chains = 2;
const roundsPerChain = 10;
/** The child announces ~5 steps per drop-off or pickup: kills land within its first ~12 actions. */
const maxKillStep = 60;
const firstSeed = 42_026;
const startMs = Date.UTC(2026, 10, 25, 8, 0);

describe('a kiosk killed at random points', () => {
  const folders: ReturnType<typeof makeTempFolder>[] = [];
  afterAll(() => folders.forEach((folder) => folder.remove()));

  it(
    `keeps its database consistent over ${chains * roundsPerChain} SIGKILLs`,
    { timeout: 180_000 },
    async () => {
      const chainsRun = await Promise.all(
        Array.from({ length: chains }, (_, chain) => {
          const folder = makeTempFolder('casier-crash-');
          folders.push(folder);
          return runChain(folder.path, firstSeed + 1_000 * chain);
        }),
      );

      // The rounds did real work: parcels went in and came out, killed in many kinds of step.
      for (const { counts } of chainsRun) {
        expect(counts.parcelsInLocker + counts.parcelsPickedUp).toBeGreaterThan(roundsPerChain);
        expect(counts.parcelsPickedUp).toBeGreaterThan(3);
      }
      const stepKinds = chainsRun.flatMap((run) =>
        run.killedAfter.map((step) => step.replace(/^step \d+ /, '')),
      );
      expect(new Set(stepKinds).size).toBeGreaterThan(3);
      // Issue 5's actions ran too, across the chains.
      const total = (key: 'storagesStarted' | 'handoversDropped') =>
        chainsRun.reduce((sum, run) => sum + run.counts[key], 0);
      expect(total('storagesStarted')).toBeGreaterThan(0);
      expect(total('handoversDropped')).toBeGreaterThan(0);
    },
  );
});

/** Rounds on one database: each child continues where the previous one was killed. */
async function runChain(
  dataDir: string,
  chainSeed: number,
): Promise<{ counts: InvariantReport['counts']; killedAfter: string[] }> {
  const file = join(dataDir, 'kiosk.sqlite');
  const seededParcelIds = await seedDemoDatabase(dataDir);
  const choose = seededRandom(chainSeed);
  const splitDeposit = process.env[splitDepositFlag];
  const killedAfter: string[] = [];
  let report = checkCrashInvariants(file, seededParcelIds);
  for (let round = 0; round < roundsPerChain; round++) {
    const seed = chainSeed + round;
    const run = await runChildUntilKilled({
      dataDir,
      seed,
      // An hour per round: later than anything the previous child did, within the pickup window.
      startMs: startMs + round * 3_600_000,
      killAtStep: 1 + Math.floor(choose() * maxKillStep),
      ...(splitDeposit ? { env: { [splitDepositFlag]: splitDeposit } } : {}),
    });
    expect(run.stderr, `seed ${seed} wrote to stderr`).toBe('');
    expect(run.killed, `seed ${seed} ended by itself (exit code ${run.exitCode})`).toBe(true);
    killedAfter.push(run.lastStep);
    report = checkCrashInvariants(file, seededParcelIds);
    expect(report.violations, `after seed ${seed}, killed after "${run.lastStep}"`).toEqual([]);
  }
  return { counts: report.counts, killedAfter };
}

/**
 * Creates the demo bank as `npm start` does, before any kill, and answers the parcels its seed
 * put in directly (exempt from the checks of what a deposit at the kiosk writes).
 */
async function seedDemoDatabase(dataDir: string): Promise<Set<string>> {
  const core = await startKioskCore({
    dataDir,
    demo: true,
    hardware: new FakeHardware(),
    clock: new ManualClock(startMs - 3_600_000),
    logger: silentLogger(),
    serialPath: testSerialPath,
  });
  await core.stop();
  const sqlite = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    const rows = sqlite.prepare('SELECT id FROM parcel').all() as { id: string }[];
    return new Set(rows.map((row) => row.id));
  } finally {
    sqlite.close();
  }
}
