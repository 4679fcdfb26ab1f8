import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { issueEnrolmentCode } from '../auth/enrolment-code.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { banks, locations } from '../db/schema.js';
import { writeEntities, type EntityWrite } from '../sync/entity-writes.js';
import { notFound } from './admin-error.js';
import type { CreateBankBody } from './admin-schemas.js';

/**
 * The bank of this tenant, or not_found: the one check every bank route makes, so a bank of
 * another tenant is refused exactly like a missing one.
 */
export async function requireBank(
  db: CloudDb | CloudTx,
  tenantId: string,
  bankId: string,
): Promise<{ id: string; name: string; version: number; enrolmentCodeHash: string | null }> {
  const [bank] = await db
    .select({
      id: banks.id,
      name: banks.name,
      version: banks.version,
      enrolmentCodeHash: banks.enrolmentCodeHash,
    })
    .from(banks)
    .where(and(eq(banks.id, bankId), eq(banks.tenantId, tenantId)));
  if (bank === undefined) {
    throw notFound('bank', bankId);
  }
  return bank;
}

/**
 * A new bank at one of the tenant's locations, with its profile and compartments as server-owned
 * entities and a one-time enrolment code, all in one transaction.
 */
export async function createBank(
  db: CloudDb,
  tenantId: string,
  input: CreateBankBody,
  nowMs: number,
): Promise<{ bankId: string; enrolmentCode: string; enrolmentExpiresAt: number }> {
  return db.transaction(async (tx) => {
    const [location] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.id, input.locationId), eq(locations.tenantId, tenantId)));
    if (location === undefined) {
      throw notFound('location', input.locationId);
    }
    const bankId = uuidv7({ msecs: nowMs });
    await tx.insert(banks).values({
      id: bankId,
      tenantId,
      locationId: input.locationId,
      name: input.name,
      createdAt: nowMs,
    });
    const writes: EntityWrite[] = [
      { kind: 'bank_profile', id: bankId, value: { name: input.name } },
      ...(input.compartments ?? []).map(({ id, ...value }): EntityWrite => ({
        kind: 'compartment_config',
        id,
        value,
      })),
    ];
    await writeEntities(tx, { tenantId, bankId }, writes, nowMs);
    const { code, expiresAt } = await issueEnrolmentCode(tx, bankId, nowMs);
    return { bankId, enrolmentCode: code, enrolmentExpiresAt: expiresAt };
  });
}

/** A fresh enrolment code for one of the tenant's banks (the previous one stops working). */
export async function renewEnrolmentCode(
  db: CloudDb,
  tenantId: string,
  bankId: string,
  nowMs: number,
): Promise<{ enrolmentCode: string; enrolmentExpiresAt: number }> {
  return db.transaction(async (tx) => {
    await requireBank(tx, tenantId, bankId);
    const { code, expiresAt } = await issueEnrolmentCode(tx, bankId, nowMs);
    return { enrolmentCode: code, enrolmentExpiresAt: expiresAt };
  });
}
