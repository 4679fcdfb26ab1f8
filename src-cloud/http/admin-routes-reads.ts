import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivityPage,
  ActivityQuery,
  AlertList,
  AlertParams,
  AlertQuery,
  BankParams,
  BankStatus,
  Done,
  EmailList,
  EmailQuery,
  ParcelList,
} from '../admin/admin-schemas.js';
import {
  listAlerts,
  listEmails,
  readBankActivity,
  readBankParcels,
  readBankStatus,
  resolveAlert,
} from '../admin/bank-reads.js';
import {
  adminErrorResponses,
  adminRouteSchema,
  type AdminCallers,
  type AdminRouteDeps,
} from './admin-routes-support.js';

/** What the console reads: activity, parcels, status, alerts and the email outbox. */
export function adminReadRoutes(
  deps: AdminRouteDeps,
  callers: AdminCallers,
): FastifyPluginAsyncZod {
  return (app) => {
    const { db } = deps.database;

    app.get(
      '/v1/admin/banks/:bankId/activity',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'A bank’s activity log in HLC order, paged',
          params: BankParams,
          querystring: ActivityQuery,
          response: { 200: ActivityPage, ...adminErrorResponses },
        },
      },
      async (request) =>
        readBankActivity(
          db,
          callers.tenantOf(request).tenantId,
          request.params.bankId,
          request.query,
        ),
    );

    app.get(
      '/v1/admin/banks/:bankId/parcels',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'The parcels the server knows to be in or through a bank',
          params: BankParams,
          response: { 200: ParcelList, ...adminErrorResponses },
        },
      },
      async (request) =>
        readBankParcels(db, callers.tenantOf(request).tenantId, request.params.bankId),
    );

    app.get(
      '/v1/admin/banks/:bankId/status',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Devices, last seen, last mutation id, pending emails and open alerts of a bank',
          params: BankParams,
          response: { 200: BankStatus, ...adminErrorResponses },
        },
      },
      async (request) =>
        readBankStatus(db, callers.tenantOf(request).tenantId, request.params.bankId),
    );

    app.get(
      '/v1/admin/alerts',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Alerts of the caller’s tenant (open ones by default)',
          querystring: AlertQuery,
          response: { 200: AlertList, ...adminErrorResponses },
        },
      },
      async (request) => listAlerts(db, callers.tenantOf(request).tenantId, request.query),
    );

    app.post(
      '/v1/admin/alerts/:alertId/resolve',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Mark an alert as dealt with',
          params: AlertParams,
          response: { 200: Done, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        await resolveAlert(db, tenantId, request.params.alertId, deps.clock.now());
        return { done: true as const };
      },
    );

    app.get(
      '/v1/admin/emails',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'The email outbox: state, recipient, subject, attempts (never the bodies)',
          querystring: EmailQuery,
          response: { 200: EmailList, ...adminErrorResponses },
        },
      },
      async (request) => listEmails(db, callers.tenantOf(request).tenantId, request.query),
    );
    return Promise.resolve();
  };
}
