/**
 * Issue 6 item 6, the crash half, kiosk side: the kiosk runs in a child process (real SQLite
 * file, fake clock, the chaos workload) syncing with a real cloud on loopback, and dies by
 * SIGKILL at named points of a sync round (a push about to leave; a push the server committed
 * but the kiosk never acked; a pull about to leave; a pull page received but not applied) and
 * at random moments of the workload. Each round restarts on the file the previous kill left.
 * Then a last kiosk runs with a healthy network and every invariant of sync.md is checked
 * (invariant 10: a crash anywhere keeps the other nine), on PGlite and on PostgreSQL.
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devices } from '../../src-cloud/db/schema.js';
import { startCloudServer } from '../../src-cloud/server.js';
import { seededRandom } from '../bench/allocation-bank.js';
import type { CloudBank } from '../../tools/dev/cloud-demo-bank.js';
import { cloudDatabaseKinds, freshPostgresUrl } from '../helpers/cloud-database.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import {
  chaosPlatformToken,
  chaosStartMs,
  driveUntilQuiet,
  kioskFileName,
  seedKioskAndCloudBank,
  startKioskInProcess,
} from './chaos-system.js';
import type { KillPlan } from './kill-point-adapter.js';
import { startKioskWorkload } from './kiosk-workload.js';
import { kioskIntegrity } from './sync-crash-harness.js';
import { checkSyncInvariants } from './sync-invariants.js';
import { runKioskChild } from './sync-kill-child-process.js';

/** Each named point at least once, some at a later occurrence, and random kills between. */
const rounds: readonly (KillPlan | 'random')[] = [
  { point: 'before_push', occurrence: 1 },
  { point: 'after_push', occurrence: 1 },
  'random',
  { point: 'before_pull', occurrence: 2 },
  { point: 'after_pull', occurrence: 2 },
  { point: 'after_push', occurrence: 3 },
  'random',
  { point: 'before_push', occurrence: 2 },
];
const hourMs = 3_600_000;

/** A cloud write between rounds, so the kiosk's pulls bring pages to apply (or die over). */
async function writeContact(bank: CloudBank, round: number): Promise<void> {
  await bank.admin.put('/v1/admin/entities', {
    writes: [
      {
        kind: 'contact',
        id: `kill-contact-${round}`,
        value: {
          name: `Kill Person ${round}`,
          email: `kill.${round}@example.test`,
          phone: null,
          language: round % 2 === 0 ? 'en' : 'fr',
          personnelId: null,
          departmentId: null,
          accessibilityNeed: false,
          customFields: {},
          active: true,
        },
      },
    ],
  });
}

interface Progress {
  deviceId: string;
  acked: number;
  issued: number;
  cookieBank: number;
  cookieTenant: number;
}

function readProgress(dataDir: string): Progress {
  const sqlite = new Database(join(dataDir, kioskFileName), { readonly: true });
  try {
    const row = sqlite
      .prepare(
        `SELECT device_id AS deviceId, acked_mutation_id AS acked, last_mutation_id AS issued,
                COALESCE(cookie_bank, 0) AS cookieBank, COALESCE(cookie_tenant, 0) AS cookieTenant
           FROM sync_device`,
      )
      .get() as Progress;
    return row;
  } finally {
    sqlite.close();
  }
}

describe.each(cloudDatabaseKinds)('sync with the kiosk SIGKILLed (%s)', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  it(
    'keeps every invariant after kills at named sync points and at random steps',
    { timeout: 300_000 },
    async () => {
      const folder = makeTempFolder('casier-sync-kill-');
      cleanups.push(() => folder.remove());
      const cloud = await startCloudServer({
        ...(kind === 'postgres' ? { databaseUrl: await freshPostgresUrl() } : {}),
        platformToken: chaosPlatformToken,
        logger: false,
      });
      cleanups.push(() => cloud.close());
      const bank = await seedKioskAndCloudBank({
        cloudUrl: cloud.url,
        dataDir: folder.path,
        deviceId: `kill-device-${kind}`,
      });
      const choose = seededRandom(61);
      const killedAt: string[] = [];
      let before = readProgress(folder.path);
      for (const [round, plan] of rounds.entries()) {
        await writeContact(bank, round);
        const run = await runKioskChild({
          dataDir: folder.path,
          cloudUrl: cloud.url,
          enrolmentCode: bank.enrolmentCode,
          seed: 6_100 + round,
          // An hour per round: later than anything the previous child did.
          startMs: chaosStartMs + (round + 1) * hourMs,
          maxSteps: 40,
          ...(plan === 'random' ? { killAtStep: 2 + Math.floor(choose() * 10) } : { plan }),
        });
        const label = `round ${round} (${plan === 'random' ? 'random' : plan.point})`;
        expect(run.stderr, label).toBe('');
        expect(run.timedOut, `${label} never reached its kill`).toBe(false);
        expect(
          run.signal,
          `${label} ended with ${run.exitCode}: ${run.lines.slice(-3).join(' | ')}`,
        ).toBe('SIGKILL');
        if (plan !== 'random') {
          expect(run.lastLine, label).toBe(`point ${plan.point}`);
        }
        killedAt.push(`${label}: ${run.lastLine}`);
        expect(kioskIntegrity(folder.path), label).toBe('ok');
        // 5: what the kiosk acknowledged and its cookie never go back, whatever the kill.
        const after = readProgress(folder.path);
        expect(after.acked, label).toBeGreaterThanOrEqual(before.acked);
        expect(after.issued, label).toBeGreaterThanOrEqual(before.issued);
        expect(after.cookieBank, label).toBeGreaterThanOrEqual(before.cookieBank);
        expect(after.cookieTenant, label).toBeGreaterThanOrEqual(before.cookieTenant);
        if (plan !== 'random' && plan.point === 'after_push') {
          // The state this point is about: the cloud committed rows the kiosk never acked.
          const [device] = await cloud.database.db
            .select({ last: devices.lastMutationId })
            .from(devices)
            .where(eq(devices.id, after.deviceId));
          expect(device?.last, label).toBeGreaterThan(after.acked);
        }
        before = after;
      }

      // The last kiosk: some more work, then the healthy network drains everything.
      const system = await startKioskInProcess({
        cloud,
        bank,
        dataDir: folder.path,
        startMs: chaosStartMs + (rounds.length + 1) * hourMs,
        random: seededRandom(62),
      });
      cleanups.push(() => system.stop());
      const workload = await startKioskWorkload({
        core: system.core,
        hardware: system.hardware,
        clock: system.clock,
        reader: system.reader,
        random: system.random,
        label: `${kind}last`,
      });
      for (let step = 0; step < 5; step++) {
        await workload.step();
      }
      await driveUntilQuiet(system);
      const report = await checkSyncInvariants({
        kiosk: system.reader,
        cloud: cloud.database.db,
        tenantId: bank.tenantId,
        bankId: bank.bankId,
      });
      expect(report.violations, killedAt.join('\n')).toEqual([]);
      // The rounds did real work that went through the kills.
      expect(report.counts.mutations).toBeGreaterThan(40);
      expect(report.counts.emails).toBeGreaterThan(10);
    },
  );
});
