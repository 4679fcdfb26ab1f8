import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../src-shared/time/clock.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';

/** A load balancer gives up on a probe after a few seconds; answer before it does. */
const probeTimeoutMs = 3000;

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
});

async function databaseAnswers(database: CloudDatabase, clock: Clock): Promise<boolean> {
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = clock.setTimeout(() => resolve(false), probeTimeoutMs);
  });
  try {
    return await Promise.race([
      database.db.execute(sql`SELECT 1`).then(
        () => true,
        () => false,
      ),
      timedOut,
    ]);
  } finally {
    if (timer !== undefined) {
      clock.clearTimeout(timer);
    }
  }
}

/**
 * `GET /healthz` for load balancers and orchestrators: 200 when the database answers a query,
 * 503 otherwise, so traffic goes to an instance that can serve it.
 */
export function healthRoutes(deps: {
  database: CloudDatabase;
  clock: Clock;
}): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness and database reachability',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const ok = await databaseAnswers(deps.database, deps.clock);
        return reply
          .code(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'unavailable', database: deps.database.kind });
      },
    );
    return Promise.resolve();
  };
}
