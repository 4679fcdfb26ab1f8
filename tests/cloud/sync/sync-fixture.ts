import { v7 as uuidv7 } from 'uuid';
import type { ActivityType } from '../../../src-shared/domain/activity.js';
import type { EnrolResponse } from '../../../src-shared/sync/enrolment.js';
import type { FactArgs, Mutation } from '../../../src-shared/sync/mutation.js';
import {
  notificationMutationName,
  type QueuedNotificationArgs,
} from '../../../src-shared/sync/queued-notification.js';
import { mutationArgsHash } from '../../../src-main/sync/args-hash.js';
import { issueEnrolmentCode } from '../../../src-cloud/auth/enrolment-code.js';
import { enrolDevice } from '../../../src-cloud/auth/enrolment.js';
import type { DeviceIdentity } from '../../../src-cloud/auth/device-auth.js';
import type { CloudDb } from '../../../src-cloud/db/open-cloud-database.js';
import { banks, divisions, locations, tenants } from '../../../src-cloud/db/schema.js';

export const startMs = Date.UTC(2026, 2, 1, 9);

/** A tenant with one division, one location and the given banks. */
export async function seedTenant(
  db: CloudDb,
  tenantId: string,
  bankIds: readonly string[],
): Promise<void> {
  await db.insert(tenants).values({ id: tenantId, name: `Tenant ${tenantId}`, createdAt: startMs });
  await db
    .insert(divisions)
    .values({ id: `${tenantId}-d`, tenantId, name: 'Division', createdAt: startMs });
  await db.insert(locations).values({
    id: `${tenantId}-l`,
    tenantId,
    divisionId: `${tenantId}-d`,
    name: 'Location',
    createdAt: startMs,
  });
  for (const bankId of bankIds) {
    await db.insert(banks).values({
      id: bankId,
      tenantId,
      locationId: `${tenantId}-l`,
      name: `Bank ${bankId}`,
      createdAt: startMs,
    });
  }
}

export async function newCode(db: CloudDb, bankId: string, nowMs = startMs): Promise<string> {
  const { code } = await db.transaction((tx) => issueEnrolmentCode(tx, bankId, nowMs));
  return code;
}

export interface EnrolledDevice {
  identity: DeviceIdentity;
  credential: string;
  enrolment: EnrolResponse;
}

/** Issues a code for the bank and enrols a device with it. */
export async function enrolBank(
  db: CloudDb,
  bankId: string,
  deviceId = `device-${bankId}`,
  incarnationId = `incarnation-${bankId}`,
): Promise<EnrolledDevice> {
  const enrolmentCode = await newCode(db, bankId);
  const enrolment = await enrolDevice(
    db,
    { enrolmentCode, deviceId, incarnationId, appVersion: '0.1.0' },
    startMs,
  );
  return {
    identity: { deviceId, bankId, tenantId: enrolment.tenantId, incarnationId },
    credential: enrolment.credential,
    enrolment,
  };
}

/** A mutation as the kiosk's outbox sends it, with its real hash. */
export function mutation(
  id: number,
  name: string,
  args: unknown,
  wallTime = startMs,
  version = 1,
): Mutation {
  return {
    id,
    name,
    v: version,
    args,
    argsHash: mutationArgsHash(name, version, args),
    hlc: `${String(wallTime).padStart(15, '0')}:${String(id).padStart(5, '0')}:kiosk`,
    wallTime,
  };
}

export function fact(
  id: number,
  type: ActivityType,
  args: Partial<FactArgs> & { details?: Record<string, unknown> },
  wallTime = startMs,
): Mutation {
  const full: FactArgs = {
    activityId: args.activityId ?? uuidv7(),
    bankId: args.bankId ?? 'bank-a',
    compartmentId: args.compartmentId ?? null,
    actor: args.actor ?? 'operator-1',
    details: args.details ?? {},
  };
  return mutation(id, type, full, wallTime);
}

/** A door event: stored in the log, no physical projection. */
export function doorFacts(firstId: number, count: number): Mutation[] {
  return Array.from({ length: count }, (_, index) =>
    fact(firstId + index, 'door.closed', { compartmentId: 'c1', details: { label: 'A1' } }),
  );
}

export function notification(
  id: number,
  notificationId: string,
  email: string | null = 'ada@example.test',
): Mutation {
  const args: QueuedNotificationArgs = {
    notificationId,
    kind: 'ready_for_pickup',
    bankId: 'bank-a',
    parcelIds: ['parcel-1'],
    accessCodeId: 'code-1',
    expiresAtMs: startMs + 86_400_000,
    message: {
      to: { name: 'Ada', email },
      language: 'en',
      subject: 'Your parcel is ready',
      text: 'Hello',
      html: '<p>Hello</p>',
      inlineImages: [],
    },
  };
  return mutation(id, notificationMutationName('ready_for_pickup'), args);
}

/** A valid tenant-wide entity value (carrier) and bank entity values, for pull tests. */
export function carrier(name: string): { name: string; codeHash: string; active: boolean } {
  return { name, codeHash: 'a'.repeat(64), active: true };
}

export function remoteOpen(compartmentId: string) {
  return { compartmentId, expiresAt: startMs + 60_000, requestedBy: 'admin', reason: 'test' };
}
