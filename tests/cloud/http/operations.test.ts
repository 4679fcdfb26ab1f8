import { afterEach, describe, expect, it, vi } from 'vitest';
import { devices } from '../../../src-cloud/db/schema.js';
import { cloudDatabaseKinds } from '../../helpers/cloud-database.js';
import { createTenantWithBank, startTestApp, type TestCloudApp } from './cloud-app-harness.js';

// Each test opens its own database (one closes it); PGlite takes seconds to start on a busy CI.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

let cloud: TestCloudApp | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

describe.each(cloudDatabaseKinds)('health and metrics on %s', (kind) => {
  it('answers /healthz with the database kind, and 503 once the database is gone', async () => {
    cloud = await startTestApp(kind);
    const healthy = await cloud.call({ method: 'GET', url: '/healthz' });
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toEqual({ status: 'ok', database: kind });

    await cloud.closeDatabase();
    const down = await cloud.call({ method: 'GET', url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', database: kind });
  });

  it('exposes request latency, sync lag, clock skew and queue depths', async () => {
    cloud = await startTestApp(kind);
    const { tenantId, bankId } = await createTenantWithBank(cloud, 'Acme');
    const now = cloud.clock.now();
    await cloud.database.db.insert(devices).values({
      id: 'device-1',
      tenantId,
      bankId,
      incarnationId: 'inc-1',
      credentialHash: 'a'.repeat(64),
      lastMutationId: 42,
      enrolledAt: now,
      lastSeenAt: now,
      clockSkewMs: -1500,
    });
    await cloud.clock.advance(90_000);
    await cloud.call({ method: 'GET', url: '/healthz' });

    const scrape = await cloud.call({ method: 'GET', url: '/metrics' });
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers['content-type']).toContain('text/plain');
    const text = scrape.body;
    const labels = `tenant_id="${tenantId}",bank_id="${bankId}",device_id="device-1"`;
    expect(text).toContain(`casier_device_sync_lag_seconds{${labels}} 90`);
    expect(text).toContain(`casier_device_clock_skew_seconds{${labels}} -1.5`);
    expect(text).toContain(`casier_device_last_mutation_id{${labels}} 42`);
    expect(text).toContain('casier_email_outbox_messages{state="pending"} 0');
    expect(text).toContain('casier_email_outbox_messages{state="failed"} 0');
    expect(text).toContain('# TYPE casier_alerts_open gauge');
    expect(text).toMatch(
      /casier_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1\n/,
    );
    expect(text).toMatch(
      /casier_http_request_duration_seconds_count\{method="POST",route="\/v1\/admin\/banks",status="201"\} 1\n/,
    );
  });
});

describe('metrics registries', () => {
  it('keeps two apps in one process apart', async () => {
    cloud = await startTestApp('pglite');
    const other = await startTestApp('pglite');
    try {
      await other.call({ method: 'GET', url: '/healthz' });
      await other.call({ method: 'GET', url: '/healthz' });
      await cloud.call({ method: 'GET', url: '/healthz' });
      const mine = (await cloud.call({ method: 'GET', url: '/metrics' })).body;
      const theirs = (await other.call({ method: 'GET', url: '/metrics' })).body;
      const healthCount = /_count\{method="GET",route="\/healthz",status="200"\} (\d+)/;
      expect(healthCount.exec(mine)?.[1]).toBe('1');
      expect(healthCount.exec(theirs)?.[1]).toBe('2');
    } finally {
      await other.close();
    }
  });
});

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  paths: Record<
    string,
    Record<string, { responses?: Record<string, unknown>; security?: unknown }>
  >;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with the sync and admin paths, each with a response schema', async () => {
    cloud = await startTestApp('pglite');
    const response = await cloud.call({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<OpenApiDocument>();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Casier cloud API');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.components.securitySchemes['adminToken']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const paths = Object.keys(document.paths);
    for (const path of [
      '/v1/enrol',
      '/v1/sync/push',
      '/v1/sync/pull',
      '/v1/admin/tenants',
      '/v1/admin/banks',
      '/v1/admin/entities',
      '/v1/admin/banks/{bankId}/reservations',
      '/v1/admin/banks/{bankId}/compartments/{compartmentId}/remote-open',
      '/v1/admin/banks/{bankId}/status',
      '/v1/admin/emails',
      '/healthz',
      '/metrics',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths).not.toContain('/openapi.json');
    for (const path of paths.filter((name) => name.startsWith('/v1/'))) {
      for (const [method, operation] of Object.entries(document.paths[path] ?? {})) {
        expect(Object.keys(operation.responses ?? {}), `${method} ${path}`).not.toEqual([]);
        if (path.startsWith('/v1/admin/')) {
          expect(operation.security, `${method} ${path}`).toEqual([{ adminToken: [] }]);
        }
      }
    }
  });
});
