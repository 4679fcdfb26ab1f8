import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { figure, type BenchFigure } from './harness.js';
import { startBareEndpoint } from './sync-bare-endpoint.js';
import { createBenchTenant, createEnrolledBanks, type BenchBank } from './sync-bench-banks.js';
import { benchPoolSize, startBenchCloud } from './sync-bench-cloud.js';
import { startBenchPostgres } from './sync-bench-postgres.js';
import { climbSteps, describeSteps, outcomeOf, type StepOutcome } from './sync-fan-in-steps.js';
import { startLoadChild, type LoadDriver } from './sync-load-driver.js';
import type { LoadStepResult } from './sync-load-protocol.js';

/**
 * Issue 6's `sync_fan_in`: many simulated banks syncing at once with the cloud on PostgreSQL
 * over loopback. Each bank syncs every 5 s, banks spread evenly over the period: a push of a
 * few facts then a pull with waitMs 0 (both timed), with a long-poll held open between syncs,
 * which is what the kiosk's sync engine does for a bank that keeps writing facts
 * (sync-load-child.ts). The number of banks goes up step by step; the figure is the largest
 * number held with p99 under 200 ms and no error. Baseline, same run, same PostgreSQL server,
 * same pool size and the same load generator: a bare Fastify endpoint that only inserts the
 * pushed rows (sync-bare-endpoint.ts). Target (issue 6): 1,000 banks on a 2-core machine.
 *
 * Load comes from a separate process: on 2 cores the server and the load generator each get
 * most of one, and a latency is not inflated by the load's own work in the server's event loop.
 * Every loop is bounded in count (the steps) and in time (ramp + window per step, deadlines).
 *
 * Smaller runs while developing: `CASIER_BENCH_FAN_IN_STEPS=20,50`,
 * `CASIER_BENCH_FAN_IN_FOCUS=50` (the step whose p99 is reported for both servers) and
 * `CASIER_BENCH_FAN_IN_MEASURE_MS=10000`.
 */
const steps = (process.env['CASIER_BENCH_FAN_IN_STEPS'] ?? '100,250,500,1000,1500,2000')
  .split(',')
  .map(Number);
const focusBanks = Number(process.env['CASIER_BENCH_FAN_IN_FOCUS'] ?? 1_000);
const measureMs = Number(process.env['CASIER_BENCH_FAN_IN_MEASURE_MS'] ?? 20_000);
const periodMs = 5_000;
const mutationsPerSync = 3;
const p99LimitMs = 200;

export async function benchSyncFanIn(): Promise<Record<string, BenchFigure>> {
  const postgres = await startBenchPostgres();
  try {
    const cloud = await climbCloud(await postgres.freshDatabase('casier_bench_fan_in'));
    const bare = await climbBare(await postgres.freshDatabase('casier_bench_fan_in_bare'));
    const server = postgres.throwAway
      ? 'throw-away PostgreSQL (fsync off)'
      : 'the given PostgreSQL';
    const cloudAtFocus = cloud.outcomes.find((outcome) => outcome.banks === focusBanks);
    const bareAtFocus = bare.outcomes.find((outcome) => outcome.banks === focusBanks);
    const verdict =
      cloud.held >= 1_000 ? 'meets the 1,000-bank target' : 'MISSES the 1,000-bank target';
    const capped = (held: number): string =>
      held === Math.max(...steps) ? `${held} (the cap: every step held)` : String(held);
    return {
      sync_fan_in: figure(
        cloud.held,
        bare.held,
        'banks',
        `banks each syncing every ${periodMs / 1000} s (push of ${mutationsPerSync} facts, then pull waitMs 0, long-poll held between syncs), spread evenly, ${measureMs / 1000} s measured per step after a ${periodMs / 1000} s ramp, held = p99 of push and pull latency < ${p99LimitMs} ms with no error; cloud held ${capped(cloud.held)} [${describeSteps(cloud.outcomes)}] vs bare Fastify + PostgreSQL insert endpoint ${capped(bare.held)} [${describeSteps(bare.outcomes)}]; load from a separate process over loopback, pool of ${benchPoolSize} connections each, ${server}; ${verdict}`,
      ),
      [`sync_fan_in.p99_at_${focusBanks}_banks`]: figure(
        cloudAtFocus?.p99Ms ?? Number.NaN,
        bareAtFocus?.p99Ms ?? Number.NaN,
        'ms',
        `p99 latency of pushes (from their scheduled time) and short pulls together with ${focusBanks} banks syncing every ${periodMs / 1000} s: cloud ${splitP99(cloudAtFocus)} vs bare Fastify + PostgreSQL insert endpoint ${splitP99(bareAtFocus)}, same harness and server`,
      ),
    };
  } finally {
    await postgres.stop();
  }
}

function splitP99(outcome: StepOutcome | undefined): string {
  return outcome === undefined
    ? '(not measured)'
    : `(push p99 ${Math.round(outcome.pushP99Ms)} ms, pull p99 ${Math.round(outcome.pullP99Ms)} ms)`;
}

async function climbCloud(databaseUrl: string): Promise<{ held: number; outcomes: StepOutcome[] }> {
  const cloud = await startBenchCloud(databaseUrl);
  const load = startLoadChild();
  try {
    const tenant = await createBenchTenant(cloud.url, cloud.platformToken);
    const banks: BenchBank[] = [];
    const climbed = await climbSteps(steps, focusBanks, p99LimitMs, async (count) => {
      if (banks.length < count) {
        banks.push(...(await createEnrolledBanks(tenant, count - banks.length, banks.length + 1)));
      }
      return runStep(load, 'cloud', cloud.url, banks.slice(0, count));
    });
    await checkRowsLanded(databaseUrl, 'activity', climbed.outcomes);
    return climbed;
  } finally {
    await load.close();
    await cloud.close();
  }
}

async function climbBare(databaseUrl: string): Promise<{ held: number; outcomes: StepOutcome[] }> {
  const bare = await startBareEndpoint(databaseUrl, benchPoolSize);
  const load = startLoadChild();
  try {
    // The bare endpoint checks no credential: any identities will do.
    const banks: BenchBank[] = Array.from({ length: Math.max(...steps, focusBanks) }, () => ({
      bankId: uuidv7(),
      deviceId: uuidv7(),
      incarnationId: uuidv7(),
      credential: 'bare',
    }));
    const climbed = await climbSteps(steps, focusBanks, p99LimitMs, (count) =>
      runStep(load, 'bare endpoint', bare.url, banks.slice(0, count)),
    );
    await checkRowsLanded(databaseUrl, 'bare_activity', climbed.outcomes);
    return climbed;
  } finally {
    await load.close();
    await bare.close();
  }
}

async function runStep(
  load: LoadDriver,
  target: string,
  serverUrl: string,
  banks: BenchBank[],
): Promise<LoadStepResult> {
  const result = await load.runStep({
    serverUrl,
    banks,
    periodMs,
    rampMs: periodMs,
    measureMs,
    mutationsPerSync,
  });
  // Progress: a full climb takes minutes.
  console.log(`sync_fan_in, ${target}: ${describeSteps([outcomeOf(result, p99LimitMs)])}`);
  return result;
}

/**
 * A bench that silently measured nothing is worthless: every fact the server acknowledged is
 * stored, and nothing the banks did not write (a push cut off at the end of a failing step may
 * have landed without its answer, so stored may exceed acknowledged, never written).
 */
async function checkRowsLanded(
  databaseUrl: string,
  table: 'activity' | 'bare_activity',
  outcomes: readonly StepOutcome[],
): Promise<void> {
  // The load generator's counts run over all its steps: the last outcome has the totals.
  const { mutationsAcked: acked, mutationsWritten: written } = outcomes.at(-1)!;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counted = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
    const stored = Number(counted.rows[0]?.count);
    if (acked === 0 || stored < acked || stored > written) {
      throw new Error(
        `bench: ${table} holds ${stored} rows; the banks wrote ${written}, ${acked} acknowledged [${describeSteps(outcomes)}]`,
      );
    }
  } finally {
    await client.end();
  }
}
