import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster } from '../../tools/test/postgres-cluster.js';

/**
 * The PostgreSQL server of a sync bench: `CASIER_BENCH_POSTGRES_URL` when set (a real, tuned
 * server), otherwise a throw-away cluster (tools/test/postgres-cluster.ts: loopback, fsync off).
 * Each bench gets its own empty database on it; the cloud and its baseline share the server, so
 * their ratio does not depend on how the server is tuned.
 */
export interface BenchPostgres {
  /** A URL to a new, empty database on the server. */
  freshDatabase(prefix: string): Promise<string>;
  /** Whether the server is the throw-away cluster (fsync off), for the figures' notes. */
  readonly throwAway: boolean;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const given = process.env['CASIER_BENCH_POSTGRES_URL'];
  const cluster = given === undefined ? await startPostgresCluster() : undefined;
  const serverUrl = given ?? cluster!.url;
  const created: string[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    throwAway: cluster !== undefined,
    async freshDatabase(prefix) {
      const name = `${prefix}_${randomBytes(5).toString('hex')}`;
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (cluster) {
        cluster.stop();
        return;
      }
      // A server we did not start keeps running; only the bench's databases go.
      await admin(async (client) => {
        for (const name of created) {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      });
    },
  };
}
