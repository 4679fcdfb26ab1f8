import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncCookie } from '../../../src-shared/sync/cookie.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import type { DeviceIdentity } from '../../../src-cloud/auth/device-auth.js';
import {
  openCloudDatabase,
  type CloudDatabase,
} from '../../../src-cloud/db/open-cloud-database.js';
import { activities, deviceMutations, entities } from '../../../src-cloud/db/schema.js';
import { applyPush } from '../../../src-cloud/sync/apply-push.js';
import { buildPull } from '../../../src-cloud/sync/build-pull.js';
import { writeEntities } from '../../../src-cloud/sync/entity-writes.js';
import { pullWithWait } from '../../../src-cloud/sync/pull-with-wait.js';
import { createVersionWatch, type VersionWatch } from '../../../src-cloud/sync/version-watch.js';
import { versionChannel } from '../../../src-cloud/sync/versions.js';
import { freshPostgresUrl } from '../../helpers/cloud-database.js';
import { carrier, doorFacts, enrolBank, seedTenant, startMs } from './sync-fixture.js';

/** Two stateless server instances on one real PostgreSQL (PGlite has one connection). */
describe('two cloud instances on one PostgreSQL', () => {
  let first: CloudDatabase;
  let second: CloudDatabase;
  let device: DeviceIdentity;
  beforeAll(async () => {
    const url = await freshPostgresUrl();
    [first, second] = await Promise.all([openCloudDatabase({ url }), openCloudDatabase({ url })]);
    await seedTenant(first.db, 't', ['bank-a']);
    device = (await enrolBank(first.db, 'bank-a')).identity;
  }, 120_000);
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('applies the same batch pushed through both at once exactly once', async () => {
    const batch = { incarnationId: device.incarnationId, mutations: doorFacts(1, 200) };
    const answers = await Promise.all([
      applyPush(first.db, device, batch, startMs),
      applyPush(second.db, device, batch, startMs),
      applyPush(first.db, device, batch, startMs),
      applyPush(second.db, device, batch, startMs),
    ]);
    for (const answer of answers) {
      expect(answer.lastMutationId).toBe(200);
      expect(answer.results.every((result) => result.status === 'applied')).toBe(true);
    }
    const stored = await first.db
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.deviceId, device.deviceId));
    expect(stored).toHaveLength(200);
    const results = await second.db
      .select({ id: deviceMutations.id })
      .from(deviceMutations)
      .where(eq(deviceMutations.deviceId, device.deviceId));
    expect(results).toHaveLength(200);
  });

  it('gives concurrent writers distinct versions and a concurrent puller misses none', async () => {
    const writers = Array.from({ length: 40 }, (_, index) =>
      (index % 2 === 0 ? first : second).db.transaction((tx) =>
        writeEntities(
          tx,
          { tenantId: 't', bankId: 'bank-a' },
          [
            { kind: 'carrier', id: `w${index}`, value: carrier(`w${index}`) },
            { kind: 'carrier', id: `shared`, value: carrier(`by ${index}`) },
          ],
          startMs,
        ),
      ),
    );
    const seen = new Set<string>();
    let cookie: SyncCookie = { tenant: 0, bank: 0 };
    let writing = true;
    const done = Promise.all(writers).finally(() => {
      writing = false;
    });
    // Pulls page by page while the writers commit, through either instance, then to the end.
    for (let round = 0; writing; round++) {
      const response = await buildPull(
        (round % 2 === 0 ? first : second).db,
        device,
        { cookie, waitMs: 0, appVersion: '0.1.0' },
        startMs,
        { pageOps: 5 },
      );
      expect(response.cookie.tenant).toBeGreaterThanOrEqual(cookie.tenant);
      for (const op of response.ops) {
        if (op.op === 'put') {
          seen.add(op.id);
        }
      }
      cookie = response.cookie;
    }
    const versions = (await done).map((written) => written.tenantVersion);
    expect(new Set(versions).size).toBe(40);
    for (;;) {
      const response = await buildPull(
        first.db,
        device,
        { cookie, waitMs: 0, appVersion: '0.1.0' },
        startMs,
        { pageOps: 5 },
      );
      for (const op of response.ops) {
        if (op.op === 'put') {
          seen.add(op.id);
        }
      }
      cookie = response.cookie;
      if (!response.more) {
        break;
      }
    }
    const all = await first.db.select({ id: entities.id }).from(entities);
    expect(cookie.tenant).toBe(Math.max(...versions.map((version) => version ?? 0)));
    expect([...seen.keys()].sort()).toEqual(all.map((row) => row.id).sort());
    expect(seen.size).toBe(41);
  });

  it('wakes a long-poll on one instance for a write through the other', async () => {
    const clock = new ManualClock(startMs);
    const watches: VersionWatch[] = [
      await createVersionWatch(first, clock),
      await createVersionWatch(second, clock),
    ];
    try {
      const current = await buildPull(
        first.db,
        device,
        { cookie: null, waitMs: 0, appVersion: '0.1.0' },
        startMs,
      );
      const waiting = pullWithWait({ db: first.db, clock, watch: watches[0]! }, device, {
        cookie: current.cookie,
        waitMs: 30_000,
        appVersion: '0.1.0',
      });
      await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
      await second.db.transaction((tx) =>
        writeEntities(
          tx,
          { tenantId: 't', bankId: 'bank-a' },
          [{ kind: 'bank_profile', id: 'profile', value: { name: 'Renamed' } }],
          startMs,
        ),
      );
      const woken = await waiting;
      expect(woken.ops).toEqual([
        { op: 'put', kind: 'bank_profile', id: 'profile', value: { name: 'Renamed' } },
      ]);
      expect(clock.pendingTimers).toBe(0);
    } finally {
      for (const watch of watches) {
        await watch.close();
      }
    }
  });

  it('listens again after losing its connection, and lets waiting pulls look again', async () => {
    const clock = new ManualClock(startMs);
    const watch = await createVersionWatch(first, clock);
    try {
      const { cookie } = await buildPull(
        first.db,
        device,
        { cookie: null, waitMs: 0, appVersion: '0.1.0' },
        startMs,
      );
      const waitingPull = () =>
        pullWithWait({ db: first.db, clock, watch }, device, {
          cookie,
          waitMs: 30_000,
          appVersion: '0.1.0',
        });
      const beforeLoss = waitingPull();
      await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
      await second.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE query = ${`LISTEN ${versionChannel}`} AND datname = current_database()`,
      );
      // The reconnection is scheduled on the clock, beside the pull's own timeout.
      await vi.waitFor(() => expect(clock.pendingTimers).toBe(2));
      await clock.advance(100);
      expect((await beforeLoss).ops).toEqual([]);
      const afterLoss = waitingPull();
      await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
      await second.db.transaction((tx) =>
        writeEntities(
          tx,
          { tenantId: 't', bankId: 'bank-a' },
          [{ kind: 'bank_profile', id: 'profile', value: { name: 'Again' } }],
          startMs,
        ),
      );
      expect((await afterLoss).ops).toEqual([
        { op: 'put', kind: 'bank_profile', id: 'profile', value: { name: 'Again' } },
      ]);
    } finally {
      await watch.close();
    }
  });
});
