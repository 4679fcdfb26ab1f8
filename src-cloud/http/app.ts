import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger, LoggerOptions } from 'pino';
import { maxPushBytes } from '../../src-shared/sync/push.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';
import { cloudLoggerOptions } from '../logging.js';
import type { MailCatcherStore } from '../mail-catcher/mail-catcher-store.js';
import type { VersionWatch } from '../sync/version-watch.js';
import { adminRoutes } from './admin-routes.js';
import { handleError, handleNotFound } from './error-handler.js';
import { healthRoutes } from './health-routes.js';
import { mailPageRoutes } from './mail-page-routes.js';
import { createCloudMetrics } from './metrics.js';
import { metricsRoutes } from './metrics-routes.js';
import { registerOpenApi } from './openapi.js';
import { syncRoutes } from './sync-routes.js';

export interface CloudAppOptions {
  database: CloudDatabase;
  clock: Clock;
  /** May create tenants; '' disables it (admin_token rows without a tenant still work). */
  platformToken: string;
  watch: VersionWatch;
  /** pino options for a logger of the app's own, or false for none. */
  logger?: LoggerOptions | false;
  /** A logger to share (the server's, also given to the email worker); wins over `logger`. */
  loggerInstance?: Logger;
  /** The local mail catcher's store: its page is served at /mail when given. */
  mailStore?: MailCatcherStore;
  /** Largest request body; a push batch is bounded by maxPushBytes, so that is the default. */
  bodyLimitBytes?: number;
}

/** Health probes and scrapes run every few seconds: log them only at debug level. */
const quietRoutes = new Set(['/healthz', '/metrics']);

/** A request id a proxy passes on is kept when it looks like one; otherwise a new UUID. */
function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

/**
 * The cloud server's Fastify app: zod-validated routes (sync, admin, health, metrics), their
 * OpenAPI document, one error contract, and structured logs that never carry headers or bodies.
 * It keeps no state another instance would need (architecture.md "Data").
 */
export async function buildCloudApp(options: CloudAppOptions): Promise<FastifyInstance> {
  const loggerSettings =
    options.loggerInstance !== undefined
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger === false ? false : cloudLoggerOptions(options.logger) };
  const app = Fastify({
    ...loggerSettings,
    bodyLimit: options.bodyLimitBytes ?? maxPushBytes,
    // Our onResponse hook logs each request once, with its route and without its headers.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => requestId(request.headers['x-request-id']),
  }).withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  const metrics = createCloudMetrics(options.database, options.clock);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const durationMs = reply.elapsedTime;
    metrics.observeRequest({ method: request.method, route, status }, durationMs / 1000);
    const level = quietRoutes.has(route) && status < 400 ? 'debug' : 'info';
    request.log[level]({ method: request.method, route, status, durationMs }, 'request completed');
  });

  await registerOpenApi(app);
  const { database, clock, watch } = options;
  await app.register(syncRoutes({ database, clock, watch }));
  await app.register(adminRoutes({ database, clock, platformToken: options.platformToken }));
  await app.register(healthRoutes({ database, clock }));
  await app.register(metricsRoutes(metrics));
  if (options.mailStore !== undefined) {
    await app.register(mailPageRoutes(options.mailStore));
  }
  await app.ready();
  return app;
}
