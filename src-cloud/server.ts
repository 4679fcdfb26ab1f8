import type { FastifyInstance } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { Clock } from '../src-shared/time/clock.js';
import { openCloudDatabase, type CloudDatabase } from './db/open-cloud-database.js';
import { startEmailWorker, type EmailWorker } from './email/email-worker.js';
import { createSmtpTransport } from './email/smtp-transport.js';
import { buildCloudApp } from './http/app.js';
import { createCloudLogger } from './logging.js';
import type { MailCatcherStore } from './mail-catcher/mail-catcher-store.js';
import { createVersionWatch, type VersionWatch } from './sync/version-watch.js';

export interface CloudServerOptions {
  /** `postgres://…`; absent runs embedded PGlite (in `dataDir`, or in memory). */
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL pool size (default 10); one connection is held by the version watch's LISTEN. */
  maxConnections?: number;
  /** Loopback unless told otherwise. */
  host?: string;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Sends the email outbox through this relay when given (`smtp://host:port`). */
  smtpUrl?: string;
  /** The From header of the emails. */
  emailFrom?: string;
  /** May create tenants; absent or '' disables it. */
  platformToken?: string;
  clock?: Clock;
  mailStore?: MailCatcherStore;
  logger?: LoggerOptions | false;
}

export interface CloudServer {
  url: string;
  app: FastifyInstance;
  database: CloudDatabase;
  close(): Promise<void>;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => ({ timerId: setTimeout(callback, delayMs) }),
  clearTimeout: (handle) => clearTimeout(handle.timerId as NodeJS.Timeout),
};

/**
 * Starts one cloud instance: database (migrated), version watch, HTTP app, and the email worker
 * when a relay is given. Any number may run against one PostgreSQL database. `close` stops them
 * in the reverse order, so nothing uses the database after it is closed.
 */
export async function startCloudServer(options: CloudServerOptions = {}): Promise<CloudServer> {
  const clock = options.clock ?? systemClock;
  const logger = createCloudLogger(options.logger);
  const stack: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of stack.splice(0).reverse()) {
      await close();
    }
  };
  try {
    const database = await openCloudDatabase({
      ...(options.databaseUrl !== undefined ? { url: options.databaseUrl } : {}),
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
    });
    stack.push(() => database.close());
    const watch: VersionWatch = await createVersionWatch(database, clock);
    stack.push(() => watch.close());
    const app = await buildCloudApp({
      database,
      clock,
      watch,
      platformToken: options.platformToken ?? '',
      loggerInstance: logger,
      ...(options.mailStore !== undefined ? { mailStore: options.mailStore } : {}),
    });
    // The watch first: closing it wakes every waiting long-poll, so they answer now instead of
    // holding app.close for up to their wait (closing it twice is harmless).
    stack.push(async () => {
      await watch.close();
      await app.close();
    });
    const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    let worker: EmailWorker | null = null;
    if (options.smtpUrl !== undefined && options.smtpUrl !== '') {
      const transport = createSmtpTransport(options.smtpUrl);
      stack.push(() => {
        transport.close();
        return Promise.resolve();
      });
      worker = startEmailWorker({
        database,
        clock,
        transport,
        logger,
        ...(options.emailFrom !== undefined ? { from: options.emailFrom } : {}),
      });
      stack.push(() => worker?.stop() ?? Promise.resolve());
    }
    logger.info({ url, database: database.kind, email: worker !== null }, 'cloud server started');
    return { url, app, database, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
