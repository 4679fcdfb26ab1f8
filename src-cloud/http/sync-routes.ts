import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EnrolRequest, EnrolResponse, SyncError } from '../../src-shared/sync/enrolment.js';
import { PullRequest, PullResponse } from '../../src-shared/sync/pull.js';
import { maxPushBytes, PushRequest, PushResponse } from '../../src-shared/sync/push.js';
import type { Clock } from '../../src-shared/time/clock.js';
import { DeviceAuthCache } from '../auth/device-auth-cache.js';
import { enrolDevice } from '../auth/enrolment.js';
import { CloudError } from '../cloud-error.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';
import { applyPush } from '../sync/apply-push.js';
import { pullWithWait } from '../sync/pull-with-wait.js';
import type { VersionWatch } from '../sync/version-watch.js';
import { describeError } from './error-handler.js';

export interface SyncRouteDeps {
  database: CloudDatabase;
  clock: Clock;
  watch: VersionWatch;
}

const errorResponses = {
  400: SyncError,
  401: SyncError,
  403: SyncError,
  409: SyncError,
  422: SyncError,
  503: SyncError,
} as const;

const deviceRoute = { tags: ['sync'], security: [{ deviceCredential: [] }] } as const;

/**
 * Anything but a deliberate refusal is a temporary failure for a bank (sync.md "Push": it
 * stops the batch with 503 and the bank retries with backoff); nothing was committed.
 */
async function refusalOr503<T>(log: FastifyBaseLogger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CloudError) {
      throw error;
    }
    log.error(describeError(error), 'sync request failed; answered 503');
    throw new CloudError(
      'temporarily_unavailable',
      'The server could not complete this request now; retry later.',
    );
  }
}

/** The three device routes of the sync API (sync.md): enrol, push, pull (with long-poll). */
export function syncRoutes(deps: SyncRouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    const { database, clock, watch } = deps;
    const { db } = database;
    const deviceAuth = new DeviceAuthCache(db, clock);

    app.post(
      '/v1/enrol',
      {
        schema: {
          tags: ['sync'],
          summary: 'Exchange a one-time enrolment code for a device credential',
          body: EnrolRequest,
          response: { 200: EnrolResponse, ...errorResponses },
        },
      },
      async (request) =>
        refusalOr503(request.log, () => enrolDevice(db, request.body, clock.now())),
    );

    app.post(
      '/v1/sync/push',
      {
        bodyLimit: maxPushBytes,
        schema: {
          ...deviceRoute,
          summary: 'Push a batch of the bank’s mutations, applied exactly once in id order',
          body: PushRequest,
          response: { 200: PushResponse, ...errorResponses },
        },
      },
      async (request) => {
        const device = await refusalOr503(request.log, () =>
          deviceAuth.authenticate(request.headers.authorization),
        );
        return refusalOr503(request.log, () => applyPush(db, device, request.body, clock.now()));
      },
    );

    app.post(
      '/v1/sync/pull',
      {
        schema: {
          ...deviceRoute,
          summary: 'Pull server-owned changes past the cookie; may wait for news (long-poll)',
          body: PullRequest,
          response: { 200: PullResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const device = await refusalOr503(request.log, () =>
          deviceAuth.authenticate(request.headers.authorization),
        );
        // A bank that gave up (timeout, restart) must not keep a long-poll waiting for nobody.
        const abandoned = new AbortController();
        reply.raw.once('close', () => abandoned.abort());
        return refusalOr503(request.log, () =>
          pullWithWait({ db, clock, watch }, device, request.body, abandoned.signal),
        );
      },
    );
    return Promise.resolve();
  };
}
