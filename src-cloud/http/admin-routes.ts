import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePlatform } from '../admin/admin-auth.js';
import { AdminError } from '../admin/admin-error.js';
import {
  CreatedId,
  CreatedTenant,
  CreatedToken,
  CreateDivisionBody,
  CreateLocationBody,
  CreateTenantBody,
  Done,
  HierarchyResponse,
  TokenParams,
} from '../admin/admin-schemas.js';
import { createDivision, createLocation, readHierarchy } from '../admin/hierarchy.js';
import { createTenant } from '../admin/tenants.js';
import { issueTenantToken, revokeTenantToken } from '../admin/tokens.js';
import { adminBankRoutes } from './admin-routes-banks.js';
import { adminReadRoutes } from './admin-routes-reads.js';
import {
  AdminCallers,
  adminErrorResponses,
  adminRouteSchema,
  type AdminRouteDeps,
} from './admin-routes-support.js';

/**
 * The admin API under /v1/admin: the platform token creates tenants; a tenant token manages that
 * tenant's hierarchy, banks, server-owned data and reads its state. Every route authenticates in
 * onRequest and every service checks the tenant, so another tenant's ids answer 404.
 */
export function adminRoutes(deps: AdminRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const callers = new AdminCallers(deps);
    const { db } = deps.database;
    app.addHook('onRequest', callers.authenticate);

    app.post(
      '/v1/admin/tenants',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Create a tenant (platform token) and its first admin token',
          body: CreateTenantBody,
          response: { 201: CreatedTenant, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        requirePlatform(callers.of(request));
        const created = await createTenant(db, request.body.name, deps.clock.now());
        return reply.code(201).send(created);
      },
    );

    app.post(
      '/v1/admin/tokens',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Issue another admin token of the caller’s tenant',
          response: { 201: CreatedToken, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId } = callers.tenantOf(request);
        return reply.code(201).send(await issueTenantToken(db, tenantId, deps.clock.now()));
      },
    );

    app.delete(
      '/v1/admin/tokens/:tokenId',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Revoke an admin token of the caller’s tenant',
          params: TokenParams,
          response: { 200: Done, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        const { tokenId } = request.params;
        if (!(await revokeTenantToken(db, tenantId, tokenId, deps.clock.now()))) {
          throw new AdminError('not_found', `No token ${tokenId}.`);
        }
        return { done: true as const };
      },
    );

    app.get(
      '/v1/admin/hierarchy',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Divisions, locations and banks of the caller’s tenant',
          response: { 200: HierarchyResponse, ...adminErrorResponses },
        },
      },
      async (request) => readHierarchy(db, callers.tenantOf(request).tenantId),
    );

    app.post(
      '/v1/admin/divisions',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Create a division',
          body: CreateDivisionBody,
          response: { 201: CreatedId, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId } = callers.tenantOf(request);
        const id = await createDivision(db, tenantId, request.body.name, deps.clock.now());
        return reply.code(201).send({ id });
      },
    );

    app.post(
      '/v1/admin/locations',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Create a location in a division',
          body: CreateLocationBody,
          response: { 201: CreatedId, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId } = callers.tenantOf(request);
        const id = await createLocation(db, tenantId, request.body, deps.clock.now());
        return reply.code(201).send({ id });
      },
    );

    await app.register(adminBankRoutes(deps, callers));
    await app.register(adminReadRoutes(deps, callers));
  };
}
