import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { buildCloudApp, type CloudAppOptions } from '../../../src-cloud/http/app.js';
import { createVersionWatch } from '../../../src-cloud/sync/version-watch.js';
import { freshCloudDatabase, type CloudDatabaseKind } from '../../helpers/cloud-database.js';

export const platformToken = 'platform-token-for-tests-0123456789abcdef';

export interface TestCloudApp {
  app: FastifyInstance;
  database: CloudDatabase;
  clock: ManualClock;
  /** app.inject with a Bearer token when given. */
  call(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  /**
   * The database going away under a running app. The watch lets go of its LISTEN connection
   * first: a PostgreSQL pool waits for checked-out clients before it ends.
   */
  closeDatabase(): Promise<void>;
  close(): Promise<void>;
}

/** A cloud app on a fresh database of the given kind, driven by a manual clock. */
export async function startTestApp(
  kind: CloudDatabaseKind,
  extra: Partial<CloudAppOptions> = {},
): Promise<TestCloudApp> {
  const database = await freshCloudDatabase(kind);
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 9));
  const watch = await createVersionWatch(database, clock);
  const app = await buildCloudApp({
    database,
    clock,
    watch,
    platformToken,
    logger: false,
    ...extra,
  });
  let closed = false;
  return {
    app,
    database,
    clock,
    call: ({ token, headers, ...options }) =>
      app.inject({
        ...options,
        headers: {
          ...headers,
          ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        },
      }),
    closeDatabase: async () => {
      await watch.close();
      await database.close();
    },
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await app.close();
      await watch.close();
      await database.close().catch(() => {});
    },
  };
}

/** A tenant with a division, a location and one bank, made through the admin API. */
export async function createTenantWithBank(
  cloud: TestCloudApp,
  name: string,
  compartments: { id: string; label: string; size: 'S' | 'M' | 'L' }[] = [],
): Promise<{ tenantId: string; token: string; bankId: string; enrolmentCode: string }> {
  const tenant = await cloud.call({
    method: 'POST',
    url: '/v1/admin/tenants',
    token: platformToken,
    payload: { name },
  });
  const { tenantId, adminToken } = tenant.json<{ tenantId: string; adminToken: string }>();
  const division = await cloud.call({
    method: 'POST',
    url: '/v1/admin/divisions',
    token: adminToken,
    payload: { name: `${name} HQ` },
  });
  const location = await cloud.call({
    method: 'POST',
    url: '/v1/admin/locations',
    token: adminToken,
    payload: { divisionId: division.json<{ id: string }>().id, name: 'Lobby' },
  });
  const bank = await cloud.call({
    method: 'POST',
    url: '/v1/admin/banks',
    token: adminToken,
    payload: {
      locationId: location.json<{ id: string }>().id,
      name: `${name} bank`,
      compartments: compartments.map((compartment) => ({
        ...compartment,
        doorBottomCm: 40,
        doorTopCm: 80,
      })),
    },
  });
  if (bank.statusCode !== 201) {
    throw new Error(`bank creation failed: ${bank.statusCode} ${bank.body}`);
  }
  const created = bank.json<{ bankId: string; enrolmentCode: string }>();
  return { tenantId, token: adminToken, ...created };
}
