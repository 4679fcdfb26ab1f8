import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { FactArgs, Mutation } from '../../src-shared/sync/mutation.js';
import { maxPushBytes } from '../../src-shared/sync/push.js';

/**
 * The fan-in baseline: the least a server must do for the same traffic. Bare Fastify on the
 * same PostgreSQL server and pool size, answering the same two routes the banks call: a push
 * inserts its facts into a table shaped like `activity` (one multi-row INSERT; no auth, no
 * validation, no duplicate or order checks, no device row), a pull reads nothing but `now()`,
 * and a long-poll just waits out its `waitMs`.
 */
export interface BareEndpoint {
  url: string;
  close(): Promise<void>;
}

const createTable = `
  CREATE TABLE bare_activity (
    bank_id text NOT NULL,
    id text NOT NULL,
    tenant_id text NOT NULL,
    device_id text NOT NULL,
    mutation_id bigint NOT NULL,
    type text NOT NULL,
    compartment_id text,
    actor text NOT NULL,
    details jsonb NOT NULL,
    hlc text NOT NULL,
    wall_time bigint NOT NULL,
    received_at bigint NOT NULL,
    PRIMARY KEY (bank_id, id)
  );
  CREATE INDEX bare_activity_bank_hlc ON bare_activity (bank_id, hlc);
`;

const columnsPerRow = 12;

function insertStatement(rows: number): string {
  const tuples = Array.from({ length: rows }, (_unused, row) => {
    const first = row * columnsPerRow;
    return `(${Array.from({ length: columnsPerRow }, (_column, column) => `$${first + column + 1}`).join(', ')})`;
  });
  // A bank resends a batch whose answer it lost: the rows are already there.
  return `INSERT INTO bare_activity VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`;
}

export async function startBareEndpoint(
  databaseUrl: string,
  poolSize: number,
): Promise<BareEndpoint> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(createTable);
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: maxPushBytes });
  /** Long-polls waiting, ended at once on close. */
  const waits = new Set<() => void>();

  app.post('/v1/sync/push', async (request) => {
    const { mutations } = request.body as { mutations: Mutation[] };
    const nowMs = Date.now();
    const values = mutations.flatMap((mutation) => {
      const args = mutation.args as FactArgs;
      return [
        args.bankId,
        args.activityId,
        'bare',
        'bare',
        mutation.id,
        mutation.name,
        args.compartmentId,
        args.actor,
        JSON.stringify(args.details),
        mutation.hlc,
        mutation.wallTime,
        nowMs,
      ];
    });
    await pool.query(insertStatement(mutations.length), values);
    return { lastMutationId: mutations.at(-1)?.id ?? 0, results: [] };
  });

  app.post('/v1/sync/pull', async (request) => {
    const { waitMs } = request.body as { waitMs?: number };
    if (waitMs !== undefined && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const end = (): void => {
          clearTimeout(timer);
          waits.delete(end);
          resolve();
        };
        const timer = setTimeout(end, waitMs);
        waits.add(end);
      });
    } else {
      await pool.query('SELECT now()');
    }
    return {
      cookie: { bank: 0, tenant: 0 },
      ops: [],
      lastMutationId: 0,
      results: [],
      more: false,
      serverTimeMs: Date.now(),
      upgradeRequired: false,
    };
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    async close() {
      for (const end of [...waits]) {
        end();
      }
      await app.close();
      await pool.end();
    },
  };
}
