import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../src-shared/time/clock.js';
import { authenticateAdmin, requireTenant, type AdminCaller } from '../admin/admin-auth.js';
import { ErrorBodySchema } from '../admin/admin-schemas.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';

export interface AdminRouteDeps {
  database: CloudDatabase;
  clock: Clock;
  /** The platform token of the server's options ('' disables it). */
  platformToken: string;
}

/** What every admin route shares in its OpenAPI description. */
export const adminRouteSchema = {
  tags: ['admin'],
  security: [{ adminToken: [] }],
} as const;

export const adminErrorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
} as const;

/**
 * The caller of each admin request, resolved once in the onRequest hook (before the body is even
 * validated, so an unauthenticated caller learns nothing about the schema). A WeakMap rather than
 * a request decoration: it is dropped with the request and adds nothing to Fastify's types.
 */
export class AdminCallers {
  readonly #callers = new WeakMap<FastifyRequest, AdminCaller>();

  constructor(private readonly deps: AdminRouteDeps) {}

  readonly authenticate = async (request: FastifyRequest): Promise<void> => {
    const caller = await authenticateAdmin(
      this.deps.database.db,
      request.headers.authorization,
      this.deps.platformToken,
    );
    this.#callers.set(request, caller);
  };

  of(request: FastifyRequest): AdminCaller {
    const caller = this.#callers.get(request);
    if (caller === undefined) {
      throw new Error('admin route reached without authentication');
    }
    return caller;
  }

  tenantOf(request: FastifyRequest): { tenantId: string; tokenId: string } {
    return requireTenant(this.of(request));
  }
}
