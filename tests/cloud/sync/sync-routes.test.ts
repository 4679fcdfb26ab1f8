import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { CloudError } from '../../../src-cloud/cloud-error.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { syncRoutes } from '../../../src-cloud/http/sync-routes.js';
import { writeEntities } from '../../../src-cloud/sync/entity-writes.js';
import { createVersionWatch, type VersionWatch } from '../../../src-cloud/sync/version-watch.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../../helpers/cloud-database.js';
import { doorFacts, newCode, remoteOpen, seedTenant, startMs } from './sync-fixture.js';

describe.each(cloudDatabaseKinds)('sync routes over HTTP on %s', (kind) => {
  let cloud: CloudDatabase;
  let watch: VersionWatch;
  let app: FastifyInstance;
  let base = '';
  const clock = new ManualClock(startMs);

  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
    watch = await createVersionWatch(cloud, clock);
    // fetch keeps connections alive; the test server must not wait for them at close.
    app = Fastify({ forceCloseConnections: true });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    // The app's error handler in miniature: refusals as {error, message, expectedNextId?}.
    app.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof CloudError) {
        return reply.code(error.httpStatus).send(error.toBody());
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        return reply.code(400).send({ error: 'invalid_request', message: error.message });
      }
      return reply.code(500).send({ error: 'internal', message: String(error) });
    });
    await app.register(syncRoutes({ database: cloud, clock, watch }));
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    await seedTenant(cloud.db, 't', ['bank-a']);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await watch.close();
    await cloud.close();
  });

  async function post(path: string, body: unknown, credential?: string, signal?: AbortSignal) {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential === undefined ? {} : { authorization: `Bearer ${credential}` }),
      },
      body: JSON.stringify(body),
      signal,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('enrols, pushes and pulls with the device credential', async () => {
    const code = await newCode(cloud.db, 'bank-a');
    const enrol = {
      enrolmentCode: code.toLowerCase(),
      deviceId: 'kiosk-1',
      incarnationId: 'inc-1',
      appVersion: '0.1.0',
    };
    const enrolled = await post('/v1/enrol', enrol);
    expect(enrolled.status).toBe(200);
    const credential = String(enrolled.body.credential);
    expect((await post('/v1/enrol', enrol)).body).toMatchObject({
      error: 'enrolment_code_invalid',
    });
    expect((await post('/v1/enrol', { ...enrol, enrolmentCode: 'nope' })).status).toBe(400);

    const batch = { incarnationId: 'inc-1', mutations: doorFacts(1, 2) };
    expect((await post('/v1/sync/push', batch)).status).toBe(401);
    expect((await post('/v1/sync/push', batch, 'kiosk-1.wrong')).body).toMatchObject({
      error: 'unauthorized',
    });
    const pushed = await post('/v1/sync/push', batch, credential);
    expect(pushed).toEqual({
      status: 200,
      body: {
        lastMutationId: 2,
        results: [
          { id: 1, status: 'applied' },
          { id: 2, status: 'applied' },
        ],
      },
    });
    const gap = await post('/v1/sync/push', { ...batch, mutations: doorFacts(7, 1) }, credential);
    expect(gap).toMatchObject({
      status: 422,
      body: { error: 'mutation_gap', expectedNextId: 3 },
    });
    const stranger = await post('/v1/sync/push', { ...batch, incarnationId: 'inc-9' }, credential);
    expect(stranger).toMatchObject({ status: 409, body: { error: 'unknown_incarnation' } });

    const pulled = await post('/v1/sync/pull', { cookie: null, appVersion: '0.1.0' }, credential);
    expect(pulled).toMatchObject({
      status: 200,
      body: { ops: [{ op: 'clear' }], lastMutationId: 2, more: false, cookie: { bank: 0 } },
    });

    // A long-poll answers when the bank's version moves.
    const waiting = post(
      '/v1/sync/pull',
      { cookie: { bank: 0, tenant: 0 }, waitMs: 30_000, appVersion: '0.1.0' },
      credential,
    );
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    await cloud.db.transaction((tx) =>
      writeEntities(
        tx,
        { tenantId: 't', bankId: 'bank-a' },
        [{ kind: 'remote_open', id: 'r1', value: remoteOpen('k1') }],
        startMs,
      ),
    );
    expect((await waiting).body).toMatchObject({
      ops: [{ op: 'put', id: 'r1' }],
      cookie: { bank: 1, tenant: 0 },
    });

    // A bank that hangs up does not leave its long-poll behind.
    const hangUp = new AbortController();
    const abandoned = post(
      '/v1/sync/pull',
      { cookie: { bank: 1, tenant: 0 }, waitMs: 30_000, appVersion: '0.1.0' },
      credential,
      hangUp.signal,
    ).catch((error: unknown) => error);
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    hangUp.abort();
    await abandoned;
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(0));
  });
});
