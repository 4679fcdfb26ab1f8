import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncCookie } from '../../../src-shared/sync/cookie.js';
import type { PullOp, PullResponse } from '../../../src-shared/sync/pull.js';
import type { DeviceIdentity } from '../../../src-cloud/auth/device-auth.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { applyPush } from '../../../src-cloud/sync/apply-push.js';
import { isAppVersionBelow } from '../../../src-cloud/sync/app-version.js';
import { buildPull, type PullOptions } from '../../../src-cloud/sync/build-pull.js';
import { writeEntities, type EntityWrite } from '../../../src-cloud/sync/entity-writes.js';
import { pruneTombstones } from '../../../src-cloud/sync/prune-tombstones.js';
import { bumpTenantVersion } from '../../../src-cloud/sync/versions.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../../helpers/cloud-database.js';
import {
  carrier,
  doorFacts,
  enrolBank,
  mutation,
  remoteOpen,
  seedTenant,
  startMs,
} from './sync-fixture.js';

function ids(ops: readonly PullOp[]): string[] {
  return ops.map((op) => (op.op === 'clear' ? 'clear' : `${op.op}:${op.id}`));
}

describe('app versions', () => {
  it('compares major.minor.patch and never refuses what it cannot read', () => {
    expect(isAppVersionBelow('0.1.0', '0.2.0')).toBe(true);
    expect(isAppVersionBelow('0.10.0', '0.9.9')).toBe(false);
    expect(isAppVersionBelow('1.0.0-dev', '1.0.0')).toBe(false);
    expect(isAppVersionBelow('dev', '1.0.0')).toBe(false);
  });
});

describe.each(cloudDatabaseKinds)('pull on %s', (kind) => {
  let cloud: CloudDatabase;
  let run = 0;
  let p = '';
  let deviceA: DeviceIdentity;
  let deviceB: DeviceIdentity;
  let deviceZ: DeviceIdentity;
  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await cloud.close();
  });
  beforeEach(async () => {
    p = `r${++run}-`;
    await seedTenant(cloud.db, `${p}t1`, [`${p}bank-a`, `${p}bank-b`]);
    await seedTenant(cloud.db, `${p}t2`, [`${p}bank-z`]);
    deviceA = (await enrolBank(cloud.db, `${p}bank-a`)).identity;
    deviceB = (await enrolBank(cloud.db, `${p}bank-b`)).identity;
    deviceZ = (await enrolBank(cloud.db, `${p}bank-z`)).identity;
  });

  const write = (device: DeviceIdentity, writes: EntityWrite[]) =>
    cloud.db.transaction((tx) =>
      writeEntities(tx, { tenantId: device.tenantId, bankId: device.bankId }, writes, startMs),
    );
  const carriers = (names: string[]): EntityWrite[] =>
    names.map((name) => ({ kind: 'carrier', id: name, value: carrier(name) }));
  const pull = (
    device: DeviceIdentity,
    cookie: SyncCookie | null,
    options: PullOptions = {},
    appVersion = '0.1.0',
  ) => buildPull(cloud.db, device, { cookie, waitMs: 0, appVersion }, startMs, options);

  /** Pulls page after page from the cookie until `more` is false. */
  async function pullAll(
    device: DeviceIdentity,
    cookie: SyncCookie | null,
    options: PullOptions = {},
  ): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    let next = cookie;
    for (let page = 0; page < 50; page++) {
      const response = await pull(device, next, options);
      pages.push(response);
      next = response.cookie;
      if (!response.more) {
        return pages;
      }
    }
    throw new Error('pull never finished');
  }

  it('cuts pages only between versions, keeping a version larger than a page whole', async () => {
    await write(deviceA, carriers(['c1', 'c2', 'c3']));
    await write(deviceA, carriers(['d1', 'd2', 'd3', 'd4', 'd5']));
    await write(deviceA, carriers(['e1']));
    await write(deviceA, [{ kind: 'remote_open', id: 'r1', value: remoteOpen('k1') }]);
    const pages = await pullAll(deviceA, { tenant: 0, bank: 0 }, { pageOps: 4 });
    expect(pages.map((page) => ids(page.ops))).toEqual([
      ['put:c1', 'put:c2', 'put:c3', 'put:r1'],
      ['put:d1', 'put:d2', 'put:d3', 'put:d4', 'put:d5'],
      ['put:e1'],
    ]);
    expect(pages.map((page) => page.cookie)).toEqual([
      { tenant: 1, bank: 1 },
      { tenant: 2, bank: 1 },
      { tenant: 3, bank: 1 },
    ]);
    expect(pages.map((page) => page.more)).toEqual([true, true, false]);
    // Nothing newer: no ops, the same cookie.
    const idle = await pull(deviceA, { tenant: 3, bank: 1 });
    expect(idle).toMatchObject({ ops: [], more: false, cookie: { tenant: 3, bank: 1 } });
  });

  it('moves the cookie for a bump without rows and never backwards', async () => {
    await cloud.db.transaction((tx) => bumpTenantVersion(tx, deviceA.tenantId));
    const response = await pull(deviceA, { tenant: 0, bank: 0 });
    expect(response).toMatchObject({ ops: [], cookie: { tenant: 1, bank: 0 }, more: false });
  });

  it('sends deletes as del ops, and a snapshot for a null cookie without them', async () => {
    await write(deviceA, carriers(['c1', 'c2']));
    await write(deviceA, [{ kind: 'carrier', id: 'c1', deleted: true }]);
    expect(ids((await pull(deviceA, { tenant: 1, bank: 0 })).ops)).toEqual(['del:c1']);
    const snapshot = await pull(deviceA, null);
    expect(ids(snapshot.ops)).toEqual(['clear', 'put:c2']);
    expect(snapshot.cookie).toEqual({ tenant: 2, bank: 0 });
    const put = snapshot.ops[1];
    expect(put).toEqual({ op: 'put', kind: 'carrier', id: 'c2', value: carrier('c2') });
  });

  it('answers a cookie older than the pruned tombstones with clear and a snapshot', async () => {
    await write(deviceA, carriers(['c1', 'c2', 'c3']));
    await write(deviceA, [{ kind: 'carrier', id: 'c1', deleted: true }]);
    await write(deviceA, carriers(['c4']));
    await write(deviceA, [{ kind: 'carrier', id: 'c2', deleted: true }]);
    expect(await pruneTombstones(cloud.db, { tenantId: deviceA.tenantId, bankId: null }, 3)).toBe(
      1,
    );
    // Pruning past the current version stops at it.
    expect(await pruneTombstones(cloud.db, { tenantId: deviceZ.tenantId, bankId: null }, 99)).toBe(
      0,
    );
    const stale = await pullAll(deviceA, { tenant: 1, bank: 0 }, { pageOps: 1 });
    // The snapshot's first page reaches past the pruned version, so the next cookie is not
    // stale in turn and the snapshot is not started again.
    expect(stale.map((page) => ids(page.ops))).toEqual([['clear', 'put:c3', 'put:c4']]);
    expect(stale.at(-1)?.cookie).toEqual({ tenant: 4, bank: 0 });
    const recent = await pull(deviceA, { tenant: 3, bank: 0 });
    expect(ids(recent.ops)).toEqual(['del:c2']);
    expect(ids((await pull(deviceA, { tenant: 2, bank: 0 })).ops)[0]).toBe('clear');
  });

  it('reads lastMutationId and rejected results in the same snapshot', async () => {
    await applyPush(
      cloud.db,
      deviceA,
      {
        incarnationId: deviceA.incarnationId,
        mutations: [...doorFacts(1, 2), mutation(3, 'no.such.thing', {}), ...doorFacts(4, 1)],
      },
      startMs,
    );
    const response = await pull(deviceA, { tenant: 0, bank: 0 });
    expect(response.lastMutationId).toBe(4);
    expect(response.results).toEqual([
      { id: 3, status: 'rejected', error: 'No handler for no.such.thing v1.' },
    ]);
    expect((await pull(deviceB, null)).lastMutationId).toBe(0);
  });

  it('keeps tenants and banks apart', async () => {
    await write(deviceA, carriers(['shared-carrier']));
    await write(deviceA, [{ kind: 'remote_open', id: 'a-only', value: remoteOpen('k1') }]);
    await write(deviceB, [{ kind: 'bank_profile', id: 'b-profile', value: { name: 'B' } }]);
    await write(deviceZ, [{ kind: 'bank_profile', id: 'z-profile', value: { name: 'Z' } }]);
    expect(ids((await pull(deviceA, null)).ops)).toEqual([
      'clear',
      'put:shared-carrier',
      'put:a-only',
    ]);
    expect(ids((await pull(deviceB, null)).ops)).toEqual([
      'clear',
      'put:shared-carrier',
      'put:b-profile',
    ]);
    expect(ids((await pull(deviceZ, null)).ops)).toEqual(['clear', 'put:z-profile']);
    expect(ids((await pull(deviceZ, { tenant: 0, bank: 0 })).ops)).toEqual(['put:z-profile']);
  });

  it('resets a cookie ahead of the server and says when the kiosk must upgrade', async () => {
    await write(deviceA, carriers(['c1']));
    expect(ids((await pull(deviceA, { tenant: 50, bank: 0 })).ops)).toEqual(['clear', 'put:c1']);
    const old = await pull(deviceA, { tenant: 1, bank: 0 }, { minimumAppVersion: '0.2.0' });
    expect(old.upgradeRequired).toBe(true);
    expect((await pull(deviceA, { tenant: 1, bank: 0 })).upgradeRequired).toBe(false);
  });
});
