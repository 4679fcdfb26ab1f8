import { randomBytes } from 'node:crypto';
import { startCloudServer } from '../../src-cloud/server.js';

/** A cloud server for a bench: on the bench's PostgreSQL, loopback, any port, no request log. */
export interface BenchCloud {
  url: string;
  platformToken: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL pool size for the bench's cloud and for the bare baseline endpoint alike: a few
 * connections per core is what PostgreSQL serves best; more only queue inside the server.
 */
export const benchPoolSize = 10;

export async function startBenchCloud(databaseUrl: string): Promise<BenchCloud> {
  const platformToken = randomBytes(24).toString('base64url');
  const server = await startCloudServer({
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    platformToken,
    // The version watch holds one connection for LISTEN: the queries get as many as the
    // baseline's pool.
    maxConnections: benchPoolSize + 1,
    // A log line per request would measure the terminal, not the server.
    logger: false,
  });
  return { url: server.url, platformToken, close: () => server.close() };
}
