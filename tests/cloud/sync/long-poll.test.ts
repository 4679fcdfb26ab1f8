import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PullResponse } from '../../../src-shared/sync/pull.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import type { DeviceIdentity } from '../../../src-cloud/auth/device-auth.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { writeEntities } from '../../../src-cloud/sync/entity-writes.js';
import { pullWithWait } from '../../../src-cloud/sync/pull-with-wait.js';
import { createVersionWatch, type VersionWatch } from '../../../src-cloud/sync/version-watch.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../../helpers/cloud-database.js';
import { carrier, enrolBank, remoteOpen, seedTenant, startMs } from './sync-fixture.js';

describe.each(cloudDatabaseKinds)('long-poll on %s', (kind) => {
  let cloud: CloudDatabase;
  let watch: VersionWatch;
  let clock: ManualClock;
  let run = 0;
  let device: DeviceIdentity;
  let sameTenantBank: DeviceIdentity;
  let otherTenantBank: DeviceIdentity;
  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
    clock = new ManualClock(startMs);
    watch = await createVersionWatch(cloud, clock);
  }, 120_000);
  afterAll(async () => {
    await watch.close();
    await cloud.close();
  });
  beforeEach(async () => {
    const p = `r${++run}-`;
    await seedTenant(cloud.db, `${p}t1`, [`${p}bank-a`, `${p}bank-b`]);
    await seedTenant(cloud.db, `${p}t2`, [`${p}bank-z`]);
    device = (await enrolBank(cloud.db, `${p}bank-a`)).identity;
    sameTenantBank = (await enrolBank(cloud.db, `${p}bank-b`)).identity;
    otherTenantBank = (await enrolBank(cloud.db, `${p}bank-z`)).identity;
  });

  /** Starts a waiting pull and returns once it is parked on its timer. */
  async function waitingPull(signal?: AbortSignal) {
    let settled: PullResponse | null = null;
    const pending = pullWithWait(
      { db: cloud.db, clock, watch },
      device,
      { cookie: { tenant: 0, bank: 0 }, waitMs: 30_000, appVersion: '0.1.0' },
      signal,
    ).then((response) => {
      settled = response;
      return response;
    });
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    return { pending, settled: () => settled };
  }

  const write = (on: DeviceIdentity, kindAndValue: 'carrier' | 'remote_open') =>
    cloud.db.transaction((tx) =>
      writeEntities(
        tx,
        { tenantId: on.tenantId, bankId: on.bankId },
        kindAndValue === 'carrier'
          ? [{ kind: 'carrier', id: 'c1', value: carrier('c1') }]
          : [{ kind: 'remote_open', id: 'r1', value: remoteOpen('k1') }],
        clock.now(),
      ),
    );

  it('answers as soon as a writer bumps the bank version', async () => {
    const { pending, settled } = await waitingPull();
    // Writes elsewhere do not wake it.
    await write(otherTenantBank, 'remote_open');
    await write(sameTenantBank, 'remote_open');
    expect(settled()).toBeNull();
    await write(device, 'remote_open');
    const response = await pending;
    expect(response.ops).toEqual([
      { op: 'put', kind: 'remote_open', id: 'r1', value: remoteOpen('k1') },
    ]);
    expect(response.cookie).toEqual({ tenant: 0, bank: 1 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('answers as soon as a writer bumps the tenant version', async () => {
    const { pending } = await waitingPull();
    await write(sameTenantBank, 'carrier');
    expect((await pending).ops.map((op) => op.op)).toEqual(['put']);
  });

  it('answers empty when the wait ends, and at once when aborted', async () => {
    const { pending, settled } = await waitingPull();
    await clock.advance(29_999);
    expect(settled()).toBeNull();
    await clock.advance(1);
    expect(await pending).toMatchObject({
      ops: [],
      more: false,
      cookie: { tenant: 0, bank: 0 },
      serverTimeMs: startMs + 30_000,
    });
    const abort = new AbortController();
    const aborted = await waitingPull(abort.signal);
    abort.abort();
    expect((await aborted.pending).ops).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
