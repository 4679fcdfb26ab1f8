import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminError } from '../admin/admin-error.js';
import {
  BankParams,
  BankVersion,
  CompartmentParams,
  CreateBankBody,
  CreatedBank,
  CreatedReservation,
  CreateReservationBody,
  DeviceParams,
  Done,
  EnrolmentCodeIssued,
  EntityVersions,
  OutOfServiceBody,
  PutEntitiesBody,
  RemoteOpenBody,
  RemoteOpenIssued,
  ReservationParams,
} from '../admin/admin-schemas.js';
import { createBank, renewEnrolmentCode } from '../admin/banks.js';
import {
  cancelReservation,
  createReservation,
  requestRemoteOpen,
  setCompartmentService,
  writeAdminEntities,
} from '../admin/entity-intents.js';
import { revokeDevice } from '../auth/device-auth.js';
import {
  adminErrorResponses,
  adminRouteSchema,
  type AdminCallers,
  type AdminRouteDeps,
} from './admin-routes-support.js';

/** Banks, their devices and their server-owned data: every write is one transaction. */
export function adminBankRoutes(
  deps: AdminRouteDeps,
  callers: AdminCallers,
): FastifyPluginAsyncZod {
  return (app) => {
    const { db } = deps.database;
    const now = () => deps.clock.now();

    app.post(
      '/v1/admin/banks',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Create a bank with its compartments and a one-time enrolment code',
          body: CreateBankBody,
          response: { 201: CreatedBank, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId } = callers.tenantOf(request);
        return reply.code(201).send(await createBank(db, tenantId, request.body, now()));
      },
    );

    app.post(
      '/v1/admin/banks/:bankId/enrolment-code',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Issue a new enrolment code for a bank (the previous one stops working)',
          params: BankParams,
          response: { 201: EnrolmentCodeIssued, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId } = callers.tenantOf(request);
        const issued = await renewEnrolmentCode(db, tenantId, request.params.bankId, now());
        return reply.code(201).send(issued);
      },
    );

    app.post(
      '/v1/admin/devices/:deviceId/revoke',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Revoke an enrolled device’s credential',
          params: DeviceParams,
          response: { 200: Done, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        const { deviceId } = request.params;
        if (!(await revokeDevice(db, tenantId, deviceId, now()))) {
          throw new AdminError('not_found', `No device ${deviceId}.`);
        }
        return { done: true as const };
      },
    );

    app.put(
      '/v1/admin/entities',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Write server-owned entities: all validated first, all or nothing',
          body: PutEntitiesBody,
          response: { 200: EntityVersions, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        return writeAdminEntities(db, tenantId, request.body, now());
      },
    );

    app.post(
      '/v1/admin/banks/:bankId/reservations',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Reserve a compartment of a size for a contact or a department',
          params: BankParams,
          body: CreateReservationBody,
          response: { 201: CreatedReservation, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId } = callers.tenantOf(request);
        const created = await createReservation(
          db,
          tenantId,
          request.params.bankId,
          request.body,
          now(),
        );
        return reply.code(201).send(created);
      },
    );

    app.delete(
      '/v1/admin/banks/:bankId/reservations/:reservationId',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Cancel a reservation',
          params: ReservationParams,
          response: { 200: BankVersion, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        const { bankId, reservationId } = request.params;
        return cancelReservation(db, tenantId, bankId, reservationId, now());
      },
    );

    app.post(
      '/v1/admin/banks/:bankId/compartments/:compartmentId/out-of-service',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Take a compartment out of service (no new deposits; pickups still open)',
          params: CompartmentParams,
          body: OutOfServiceBody,
          response: { 200: BankVersion, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        const { bankId, compartmentId } = request.params;
        const intent = { outOfService: true, note: request.body.note };
        return setCompartmentService(db, tenantId, bankId, compartmentId, intent, now());
      },
    );

    app.post(
      '/v1/admin/banks/:bankId/compartments/:compartmentId/in-service',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Put a compartment back in service',
          params: CompartmentParams,
          response: { 200: BankVersion, ...adminErrorResponses },
        },
      },
      async (request) => {
        const { tenantId } = callers.tenantOf(request);
        const { bankId, compartmentId } = request.params;
        const intent = { outOfService: false, note: null };
        return setCompartmentService(db, tenantId, bankId, compartmentId, intent, now());
      },
    );

    app.post(
      '/v1/admin/banks/:bankId/compartments/:compartmentId/remote-open',
      {
        schema: {
          ...adminRouteSchema,
          summary: 'Open a compartment remotely: at most once, never after its expiry',
          params: CompartmentParams,
          body: RemoteOpenBody,
          response: { 201: RemoteOpenIssued, ...adminErrorResponses },
        },
      },
      async (request, reply) => {
        const { tenantId, tokenId } = callers.tenantOf(request);
        const { bankId, compartmentId } = request.params;
        const issued = await requestRemoteOpen(
          db,
          tenantId,
          bankId,
          { compartmentId, ...request.body, requestedBy: `admin-token:${tokenId}` },
          now(),
        );
        return reply.code(201).send(issued);
      },
    );
    return Promise.resolve();
  };
}
