import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { CloudError } from '../cloud-error.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { devices } from '../db/schema.js';
import { hashSecret } from './secret-hash.js';

/** Who is calling a sync route: everything is scoped by this, never by the request body. */
export interface DeviceIdentity {
  deviceId: string;
  bankId: string;
  tenantId: string;
  incarnationId: string;
}

/** Compared when the device is unknown, so both paths cost the same hash and comparison. */
const absentHash = hashSecret('');

function unauthorized(): CloudError {
  return new CloudError('unauthorized', 'A valid device credential is required.');
}

/** `Bearer <deviceId>.<secret>`; the secret is base64url, so the last dot splits it. */
function parseCredential(header: string | undefined): { deviceId: string; secret: string } {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  const token = match?.[1] ?? '';
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || dot === token.length - 1) {
    throw unauthorized();
  }
  return { deviceId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

/**
 * Checks a sync request's device credential. Only a caller who holds the right secret learns
 * that it was revoked; anyone else gets the same `unauthorized` whatever was wrong.
 */
export async function authenticateDevice(
  db: CloudDb,
  authorizationHeader: string | undefined,
): Promise<DeviceIdentity> {
  const { deviceId, secret } = parseCredential(authorizationHeader);
  const [device] = await db
    .select({
      deviceId: devices.id,
      bankId: devices.bankId,
      tenantId: devices.tenantId,
      incarnationId: devices.incarnationId,
      credentialHash: devices.credentialHash,
      revokedAt: devices.revokedAt,
    })
    .from(devices)
    .where(eq(devices.id, deviceId));
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(device?.credentialHash ?? absentHash, 'hex');
  const matches = stored.length === given.length && timingSafeEqual(stored, given);
  if (device === undefined || !matches) {
    throw unauthorized();
  }
  if (device.revokedAt !== null) {
    throw new CloudError('credential_revoked', 'This device credential was revoked; enrol again.');
  }
  return {
    deviceId: device.deviceId,
    bankId: device.bankId,
    tenantId: device.tenantId,
    incarnationId: device.incarnationId,
  };
}

/**
 * Revokes a device's credential from the console: its next sync request is refused. False when
 * the device is not one of this tenant's (an admin cannot reach another tenant's devices).
 */
export async function revokeDevice(
  db: CloudDb,
  tenantId: string,
  deviceId: string,
  nowMs: number,
): Promise<boolean> {
  const [already] = await db
    .update(devices)
    .set({ revokedAt: nowMs })
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  if (already !== undefined) {
    return true;
  }
  const [found] = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId)));
  return found !== undefined;
}
