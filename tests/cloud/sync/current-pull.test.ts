import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncCookie } from '../../../src-shared/sync/cookie.js';
import type { PullOp } from '../../../src-shared/sync/pull.js';
import type { DeviceIdentity } from '../../../src-cloud/auth/device-auth.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { applyPush } from '../../../src-cloud/sync/apply-push.js';
import { buildPull } from '../../../src-cloud/sync/build-pull.js';
import { writeEntities } from '../../../src-cloud/sync/entity-writes.js';
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

/**
 * A pull whose cookie is current is answered from one statement, without the repeatable-read
 * transaction (pull-head.ts): its answer must be the full pull's, every time.
 */
describe.each(cloudDatabaseKinds)('pull with a current cookie on %s', (kind) => {
  let cloud: CloudDatabase;
  let run = 0;
  let device: DeviceIdentity;
  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await cloud.close();
  });
  beforeEach(async () => {
    const p = `r${++run}-`;
    await seedTenant(cloud.db, `${p}t1`, [`${p}bank-a`]);
    device = (await enrolBank(cloud.db, `${p}bank-a`)).identity;
  });

  const pull = (cookie: SyncCookie | null) =>
    buildPull(cloud.db, device, { cookie, waitMs: 0, appVersion: '0.1.0' }, startMs);
  const push = (mutations: ReturnType<typeof doorFacts>) =>
    applyPush(cloud.db, device, { incarnationId: device.incarnationId, mutations }, startMs);

  it('still reports rejected results and the last mutation id, on every pull', async () => {
    await push([...doorFacts(1, 2), mutation(3, 'no.such.thing', {}), ...doorFacts(4, 1)]);
    const full = await pull({ tenant: 0, bank: 0 });
    const rejected = [{ id: 3, status: 'rejected', error: 'No handler for no.such.thing v1.' }];
    expect(full.results).toEqual(rejected);
    for (let again = 0; again < 2; again++) {
      expect(await pull(full.cookie)).toEqual({
        cookie: full.cookie,
        ops: [],
        lastMutationId: 4,
        results: rejected,
        more: false,
        serverTimeMs: startMs,
        upgradeRequired: false,
      });
    }
    // A mutation applied since (no version moved) shows at once.
    await push([mutation(5, 'no.such.thing', {})]);
    const after = await pull(full.cookie);
    expect(after.lastMutationId).toBe(5);
    expect(after.results.map((result) => result.id)).toEqual([3, 5]);
  });

  it('never misses a version committed just before it', async () => {
    let cookie = (await pull(null)).cookie;
    for (let step = 1; step <= 6; step++) {
      const tenantWide = step % 2 === 0;
      await cloud.db.transaction((tx) =>
        writeEntities(
          tx,
          { tenantId: device.tenantId, bankId: device.bankId },
          [
            tenantWide
              ? { kind: 'carrier', id: `c${step}`, value: carrier(`c${step}`) }
              : { kind: 'remote_open', id: `r${step}`, value: remoteOpen(`k${step}`) },
          ],
          startMs,
        ),
      );
      const moved = await pull(cookie);
      expect(ids(moved.ops)).toEqual([tenantWide ? `put:c${step}` : `put:r${step}`]);
      expect(moved.cookie).not.toEqual(cookie);
      cookie = moved.cookie;
      const idle = await pull(cookie);
      expect(idle).toMatchObject({ ops: [], more: false, cookie });
    }
  });

  it('resets a cookie ahead of the counters rather than calling it current', async () => {
    const { cookie } = await pull(null);
    const ahead = await pull({ tenant: cookie.tenant + 1, bank: cookie.bank });
    expect(ahead.ops[0]).toEqual({ op: 'clear' });
    expect(ahead.cookie).toEqual(cookie);
  });
});
