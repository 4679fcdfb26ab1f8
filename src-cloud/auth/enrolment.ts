import { eq } from 'drizzle-orm';
import type { EnrolRequest, EnrolResponse } from '../../src-shared/sync/enrolment.js';
import { CloudError } from '../cloud-error.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { banks, deviceMutations, devices } from '../db/schema.js';
import { hashSecret, newSecret } from './secret-hash.js';

/** One answer for a wrong, expired or used code: the caller learns nothing about which. */
function invalidCode(): CloudError {
  return new CloudError(
    'enrolment_code_invalid',
    'This enrolment code is not valid: it may be mistyped, expired or already used.',
  );
}

/**
 * Exchanges a one-time enrolment code for a device credential (issue 6 item 2). The code is
 * consumed in the same transaction that stores the credential's hash, so two kiosks racing
 * with one code cannot both get in (the bank row is locked and its code re-checked).
 */
export async function enrolDevice(
  db: CloudDb,
  request: EnrolRequest,
  nowMs: number,
): Promise<EnrolResponse> {
  const secret = newSecret();
  const credentialHash = hashSecret(secret);
  return db.transaction(async (tx) => {
    const [bank] = await tx
      .select({
        id: banks.id,
        tenantId: banks.tenantId,
        name: banks.name,
        expiresAt: banks.enrolmentExpiresAt,
      })
      .from(banks)
      .where(eq(banks.enrolmentCodeHash, hashSecret(request.enrolmentCode)))
      .for('update');
    if (bank === undefined || bank.expiresAt === null || bank.expiresAt <= nowMs) {
      throw invalidCode();
    }
    const [existing] = await tx
      .select({
        bankId: devices.bankId,
        incarnationId: devices.incarnationId,
        lastMutationId: devices.lastMutationId,
      })
      .from(devices)
      .where(eq(devices.id, request.deviceId))
      .for('update');
    if (existing !== undefined && existing.bankId !== bank.id) {
      // Its mutation ids and activity belong to the other bank: moving it would mix them up.
      throw new CloudError(
        'invalid_request',
        'This device is enrolled with another bank; give it a new device id to enrol it here.',
      );
    }
    await tx
      .update(banks)
      .set({ enrolmentCodeHash: null, enrolmentExpiresAt: null })
      .where(eq(banks.id, bank.id));
    if (existing === undefined) {
      await tx.insert(devices).values({
        id: request.deviceId,
        tenantId: bank.tenantId,
        bankId: bank.id,
        incarnationId: request.incarnationId,
        credentialHash,
        enrolledAt: nowMs,
      });
    } else {
      // Same database: its mutation ids go on. A new database starts them again from 1, so the
      // old ids (and their hashes) would turn its first pushes into false duplicates.
      const sameDatabase = existing.incarnationId === request.incarnationId;
      if (!sameDatabase) {
        await tx.delete(deviceMutations).where(eq(deviceMutations.deviceId, request.deviceId));
      }
      await tx
        .update(devices)
        .set({
          incarnationId: request.incarnationId,
          credentialHash,
          revokedAt: null,
          enrolledAt: nowMs,
          lastMutationId: sameDatabase ? existing.lastMutationId : 0,
        })
        .where(eq(devices.id, request.deviceId));
    }
    return {
      tenantId: bank.tenantId,
      bankId: bank.id,
      bankName: bank.name,
      credential: `${request.deviceId}.${secret}`,
    };
  });
}
