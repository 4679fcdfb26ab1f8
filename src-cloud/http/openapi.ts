import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The version in the repository's package.json, found by walking up from this file: the same
 * code runs from src-cloud under tsx and from a build folder, at different depths.
 */
export function packageVersion(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(folder, 'package.json');
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (parsed.name === 'casier' && typeof parsed.version === 'string') {
        return parsed.version;
      }
    }
    const parent = path.dirname(folder);
    if (parent === folder) {
      return '0.0.0';
    }
    folder = parent;
  }
}

/**
 * @fastify/swagger over the routes' zod schemas; the document is served at `GET /openapi.json`.
 * Register it before the routes: it collects them as they are added.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Casier cloud API',
        description:
          'Sync API for locker banks (enrol, push, pull) and admin API for tenants (/v1/admin).',
        version: packageVersion(),
      },
      components: {
        securitySchemes: {
          deviceCredential: {
            type: 'http',
            scheme: 'bearer',
            description: 'The credential a bank received at enrolment: `<deviceId>.<secret>`.',
          },
          adminToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The platform token, or an admin token of one tenant.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, (_request, reply) =>
    reply.send(app.swagger()),
  );
}
