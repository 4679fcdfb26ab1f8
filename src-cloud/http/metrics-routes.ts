import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CloudMetrics } from './metrics.js';

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoutes(metrics: CloudMetrics): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics',
          response: {
            200: {
              description: 'Prometheus text',
              content: { 'text/plain': { schema: z.string() } },
            },
          },
        },
      },
      async (_request, reply) => {
        const text = await metrics.registry.metrics();
        return reply.type(metrics.registry.contentType).send(text);
      },
    );
    return Promise.resolve();
  };
}
