import { v7 as uuidv7 } from 'uuid';
import {
  DeliveryReservationValue,
  type EntityKind,
  type EntityValue,
} from '../../src-shared/sync/entities.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { writeEntities, type EntityWrite } from '../sync/entity-writes.js';
import { AdminError, notFound } from './admin-error.js';
import type { CreateReservationBody, PutEntitiesBody } from './admin-schemas.js';
import { requireBank } from './banks.js';
import { liveEntityValue } from './entity-lookup.js';

/**
 * The admin API's writes of server-owned data. Each is one transaction over writeEntities, so
 * the bank version moves once and every entity is validated before any is written. The
 * convenience routes (reservations, service, remote open) are thin wrappers that build the
 * entity a bank expects.
 */

type Versions = { tenantVersion: number | null; bankVersion: number | null };

/**
 * Intents with their own routes, which add what the generic write cannot: a remote open's id and
 * bounded expiry (at most once, never after an outage), a reservation's id.
 */
const kindsWithOwnRoutes: readonly EntityKind[] = ['remote_open', 'delivery_reservation'];

/** `PUT /v1/admin/entities`: all validated first, all or nothing. */
export async function writeAdminEntities(
  db: CloudDb,
  tenantId: string,
  body: PutEntitiesBody,
  nowMs: number,
): Promise<Versions> {
  const intent = body.writes.find((write) => kindsWithOwnRoutes.includes(write.kind));
  if (intent !== undefined) {
    throw new AdminError(
      'invalid_request',
      `${intent.kind} ${intent.id}: use the bank's ${intent.kind === 'remote_open' ? 'remote-open' : 'reservations'} route.`,
    );
  }
  return db.transaction(async (tx) => {
    if (body.bankId !== undefined) {
      await requireBank(tx, tenantId, body.bankId);
    }
    return writeEntities(tx, { tenantId, bankId: body.bankId ?? null }, body.writes, nowMs);
  });
}

async function writeBankEntity(
  tx: CloudTx,
  scope: { tenantId: string; bankId: string },
  write: EntityWrite,
  nowMs: number,
): Promise<number> {
  const { bankVersion } = await writeEntities(tx, scope, [write], nowMs);
  if (bankVersion === null) {
    throw new Error(`${write.kind} is not a bank entity`);
  }
  return bankVersion;
}

async function requireLive(
  tx: CloudTx,
  scope: { tenantId: string; bankId: string | null },
  kind: EntityKind,
  id: string | null,
  what: string,
): Promise<void> {
  if (id !== null && (await liveEntityValue(tx, scope, kind, id)) === undefined) {
    throw notFound(what, id);
  }
}

export async function createReservation(
  db: CloudDb,
  tenantId: string,
  bankId: string,
  input: CreateReservationBody,
  nowMs: number,
): Promise<{ reservationId: string; bankVersion: number }> {
  if (input.expiresAt <= nowMs) {
    throw new AdminError('invalid_request', 'expiresAt: the reservation would already be expired.');
  }
  return db.transaction(async (tx) => {
    await requireBank(tx, tenantId, bankId);
    const scope = { tenantId, bankId };
    await requireLive(tx, scope, 'contact', input.contactId, 'contact');
    await requireLive(tx, scope, 'department', input.departmentId, 'department');
    const reservationId = uuidv7({ msecs: nowMs });
    const value: EntityValue<'delivery_reservation'> = {
      ...input,
      state: 'active',
      createdAt: nowMs,
    };
    const bankVersion = await writeBankEntity(
      tx,
      scope,
      { kind: 'delivery_reservation', id: reservationId, value },
      nowMs,
    );
    return { reservationId, bankVersion };
  });
}

/** Cancels a live reservation of this bank; cancelling a cancelled one changes nothing more. */
export async function cancelReservation(
  db: CloudDb,
  tenantId: string,
  bankId: string,
  reservationId: string,
  nowMs: number,
): Promise<{ bankVersion: number }> {
  return db.transaction(async (tx) => {
    await requireBank(tx, tenantId, bankId);
    const scope = { tenantId, bankId };
    const current = DeliveryReservationValue.safeParse(
      await liveEntityValue(tx, scope, 'delivery_reservation', reservationId),
    );
    if (!current.success) {
      throw notFound('reservation', reservationId);
    }
    const value = { ...current.data, state: 'cancelled' as const };
    const bankVersion = await writeBankEntity(
      tx,
      scope,
      { kind: 'delivery_reservation', id: reservationId, value },
      nowMs,
    );
    return { bankVersion };
  });
}

/** Out of service from the cloud means "no new deposits"; a valid pickup still opens. */
export async function setCompartmentService(
  db: CloudDb,
  tenantId: string,
  bankId: string,
  compartmentId: string,
  intent: EntityValue<'compartment_intent'>,
  nowMs: number,
): Promise<{ bankVersion: number }> {
  return db.transaction(async (tx) => {
    await requireBank(tx, tenantId, bankId);
    const bankVersion = await writeBankEntity(
      tx,
      { tenantId, bankId },
      { kind: 'compartment_intent', id: compartmentId, value: intent },
      nowMs,
    );
    return { bankVersion };
  });
}

/**
 * A remote open: a new command id and an expiry in server time, so the bank runs it at most once
 * and never after a long outage (sync.md "Commands and clocks").
 */
export async function requestRemoteOpen(
  db: CloudDb,
  tenantId: string,
  bankId: string,
  input: { compartmentId: string; reason: string; expiresInSeconds: number; requestedBy: string },
  nowMs: number,
): Promise<{ commandId: string; expiresAt: number; bankVersion: number }> {
  return db.transaction(async (tx) => {
    await requireBank(tx, tenantId, bankId);
    const commandId = uuidv7({ msecs: nowMs });
    const expiresAt = nowMs + input.expiresInSeconds * 1000;
    const value: EntityValue<'remote_open'> = {
      compartmentId: input.compartmentId,
      expiresAt,
      requestedBy: input.requestedBy,
      reason: input.reason,
    };
    const bankVersion = await writeBankEntity(
      tx,
      { tenantId, bankId },
      { kind: 'remote_open', id: commandId, value },
      nowMs,
    );
    return { commandId, expiresAt, bankVersion };
  });
}
