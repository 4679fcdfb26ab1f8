import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { DeviceAuthCache, deviceAuthCacheMs } from '../../../src-cloud/auth/device-auth-cache.js';
import { revokeDevice } from '../../../src-cloud/auth/device-auth.js';
import { CloudError } from '../../../src-cloud/cloud-error.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { applyPush } from '../../../src-cloud/sync/apply-push.js';
import { buildPull } from '../../../src-cloud/sync/build-pull.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../../helpers/cloud-database.js';
import { doorFacts, enrolBank, seedTenant, startMs } from '../sync/sync-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) {
      return error.code;
    }
    throw error;
  }
  return 'accepted';
}

describe.each(cloudDatabaseKinds)('cached device authentication on %s', (kind) => {
  let cloud: CloudDatabase;
  let run = 0;
  let p = '';
  let clock: ManualClock;
  let cache: DeviceAuthCache;
  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await cloud.close();
  });
  beforeEach(async () => {
    p = `r${++run}-`;
    await seedTenant(cloud.db, `${p}t1`, [`${p}bank-a`, `${p}bank-b`]);
    clock = new ManualClock(startMs);
    cache = new DeviceAuthCache(cloud.db, clock);
  });

  it('refuses a revoked credential after at most the cache bound', async () => {
    const { identity, credential } = await enrolBank(cloud.db, `${p}bank-a`);
    const header = `Bearer ${credential}`;
    expect(await cache.authenticate(header)).toEqual(identity);
    expect(await revokeDevice(cloud.db, identity.tenantId, identity.deviceId, startMs)).toBe(true);
    await clock.advance(deviceAuthCacheMs - 1);
    // Still inside the bound: the cached identity is served without reading the row...
    expect(await cache.authenticate(header)).toEqual(identity);
    // ...but neither a push nor a pull does anything with it: both see the revocation.
    expect(
      await refusal(
        applyPush(
          cloud.db,
          identity,
          { incarnationId: identity.incarnationId, mutations: doorFacts(1, 1) },
          clock.now(),
        ),
      ),
    ).toBe('credential_revoked');
    expect(
      await refusal(
        buildPull(
          cloud.db,
          identity,
          { cookie: { tenant: 0, bank: 0 }, waitMs: 0, appVersion: '0.1.0' },
          clock.now(),
        ),
      ),
    ).toBe('credential_revoked');
    await clock.advance(1);
    expect(await refusal(cache.authenticate(header))).toBe('credential_revoked');
    // A refusal is not remembered as an acceptance later.
    expect(await refusal(cache.authenticate(header))).toBe('credential_revoked');
  });

  it('never caches a refusal and keys entries by the whole credential', async () => {
    const deviceId = `${p}kiosk`;
    const header = (secret: string) => `Bearer ${deviceId}.${secret}`;
    expect(await refusal(cache.authenticate(header('not-yet')))).toBe('unauthorized');
    const enrolled = await enrolBank(cloud.db, `${p}bank-b`, deviceId);
    // Enrolled a moment after a refusal: accepted on its first request.
    expect(await cache.authenticate(`Bearer ${enrolled.credential}`)).toEqual(enrolled.identity);
    // The right device id with a wrong secret is not served from the cached entry.
    expect(await refusal(cache.authenticate(header('wrong-secret')))).toBe('unauthorized');
    expect(await refusal(cache.authenticate(undefined))).toBe('unauthorized');
  });
});
