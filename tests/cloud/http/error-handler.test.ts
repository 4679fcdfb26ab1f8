import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorResponse, isDatabaseUnavailable } from '../../../src-cloud/http/error-handler.js';
import { cloudLoggerOptions } from '../../../src-cloud/logging.js';
import { InvalidEntityError } from '../../../src-cloud/sync/entity-writes.js';
import { maxPushBytes } from '../../../src-shared/sync/push.js';
import { cloudDatabaseKinds } from '../../helpers/cloud-database.js';
import {
  createTenantWithBank,
  platformToken,
  startTestApp,
  type TestCloudApp,
} from './cloud-app-harness.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

let cloud: TestCloudApp | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

describe('the error contract over HTTP', () => {
  let shared: TestCloudApp;
  beforeAll(async () => {
    shared = await startTestApp('pglite');
  });
  afterAll(async () => {
    await shared.close();
  });

  it('answers a schema violation with 400 naming the field', async () => {
    const response = await shared.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      token: platformToken,
      payload: { name: 42 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; message: string }>();
    expect(body.error).toBe('invalid_request');
    expect(body.message).toContain('body.name');

    const extra = await shared.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      token: platformToken,
      payload: { name: 'Acme', colour: 'red' },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ message: string }>().message).toContain('colour');
  });

  it('answers malformed JSON with 400 and an unknown path with 404 in the same shape', async () => {
    const malformed = await shared.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      token: platformToken,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'invalid_request' });
    const missing = await shared.call({ method: 'GET', url: '/v1/nothing?x=1' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'No route GET /v1/nothing.' });
  });

  it('answers a body over the limit with 413', async () => {
    const { token } = await createTenantWithBank(shared, 'Acme');
    const huge = JSON.stringify({
      writes: [{ kind: 'contact', id: 'c', value: { name: 'x'.repeat(maxPushBytes) } }],
    });
    const response = await shared.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      headers: { 'content-type': 'application/json' },
      payload: huge,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a missing token with 401 and the wrong kind of token with 403', async () => {
    const { token } = await createTenantWithBank(shared, 'Acme');
    const anonymous = await shared.call({ method: 'GET', url: '/v1/admin/alerts' });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await shared.call({ method: 'GET', url: '/v1/admin/alerts', token: 'nope' });
    expect(wrong.statusCode).toBe(401);
    const platformOnTenantRoute = await shared.call({
      method: 'GET',
      url: '/v1/admin/alerts',
      token: platformToken,
    });
    expect(platformOnTenantRoute.statusCode).toBe(403);
    const tenantOnPlatformRoute = await shared.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      token,
      payload: { name: 'Other' },
    });
    expect(tenantOnPlatformRoute.statusCode).toBe(403);
  });
});

describe.each(cloudDatabaseKinds)('a closed database on %s', (kind) => {
  it('answers 503 temporarily_unavailable and logs neither the token nor the body', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const loggerInstance = pino(cloudLoggerOptions({ level: 'info' }), sink);
    cloud = await startTestApp(kind, { loggerInstance });
    await cloud.closeDatabase();
    const response = await cloud.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      token: platformToken,
      payload: { name: 'Secret Name 7731' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: 'temporarily_unavailable' });
    expect(response.headers['retry-after']).toBe('5');
    const log = lines.join('');
    expect(log).toContain('"route":"/v1/admin/tenants"');
    expect(log).toContain('"status":503');
    expect(log).toContain('"reqId"');
    expect(log).not.toContain('Secret Name 7731');
    expect(log).not.toContain(platformToken);
  });
});

describe('errorResponse', () => {
  it('maps entity, database and unexpected errors', () => {
    const invalid = errorResponse(new InvalidEntityError('contact', 'c7', 'name: too short'));
    expect(invalid).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        message: 'contact c7: name: too short',
        kind: 'contact',
        id: 'c7',
        problem: 'name: too short',
      },
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const wrapped = new DrizzleQueryError('select 1', ['secret'], refused);
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(errorResponse(wrapped).status).toBe(503);
    const serialization = Object.assign(new Error('could not serialize'), { code: '40001' });
    expect(errorResponse(serialization).status).toBe(503);
    const bug = errorResponse(new TypeError('cannot read x of undefined, secret=1234'));
    expect(bug).toEqual({
      status: 500,
      body: { error: 'internal_error', message: 'Something went wrong on the server.' },
    });
    expect(isDatabaseUnavailable(new Error('unique violation'))).toBe(false);
  });
});
