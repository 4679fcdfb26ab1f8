import { eq, sql } from 'drizzle-orm';
import type { SyncCookie } from '../../src-shared/sync/cookie.js';
import type { MutationResult } from '../../src-shared/sync/mutation.js';
import type { DeviceIdentity } from '../auth/device-auth.js';
import { CloudError } from '../cloud-error.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { banks, deviceMutations, devices, tenants } from '../db/schema.js';

/** How many of a device's latest rejected mutations a pull reports. */
export const reportedRejections = 100;

/** Everything a pull needs besides the entities, as of one instant. */
export interface PullHead {
  now: SyncCookie;
  pruned: SyncCookie;
  lastMutationId: number;
  results: MutationResult[];
}

/**
 * The counters, the device's last mutation id and its latest rejected results in ONE statement:
 * a statement sees one snapshot even outside a transaction, so they agree with each other. A
 * pull whose cookie is current needs nothing more (no transaction, one round trip); inside the
 * repeatable-read transaction it is the first read and so fixes the snapshot for the entities.
 * The rejected rows come through their partial index. A revoked device is refused here too, so
 * a briefly cached credential (device-auth-cache.ts) never outlives a revocation on a pull.
 */
export async function readPullHead(
  db: CloudDb | CloudTx,
  device: DeviceIdentity,
): Promise<PullHead> {
  const [row] = await db
    .select({
      tenantVersion: tenants.version,
      tenantPruned: tenants.prunedThroughVersion,
      bankVersion: banks.version,
      bankPruned: banks.prunedThroughVersion,
      lastMutationId: devices.lastMutationId,
      revokedAt: devices.revokedAt,
      rejected: sql<{ id: number | string; error: string | null }[]>`(
        SELECT coalesce(json_agg(json_build_object('id', r.id, 'error', r.error) ORDER BY r.id), '[]'::json)
        FROM (
          SELECT ${deviceMutations.id} AS id, ${deviceMutations.error} AS error
          FROM ${deviceMutations}
          WHERE ${deviceMutations.deviceId} = ${devices.id} AND ${deviceMutations.status} = 'rejected'
          ORDER BY ${deviceMutations.id} DESC
          LIMIT ${reportedRejections}
        ) AS r
      )`,
    })
    .from(devices)
    .innerJoin(banks, eq(banks.id, devices.bankId))
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(eq(devices.id, device.deviceId));
  if (row === undefined) {
    throw new CloudError('unauthorized', 'This device is no longer enrolled.');
  }
  if (row.revokedAt !== null) {
    throw new CloudError('credential_revoked', 'This device credential was revoked; enrol again.');
  }
  return {
    now: { tenant: row.tenantVersion, bank: row.bankVersion },
    pruned: { tenant: row.tenantPruned, bank: row.bankPruned },
    lastMutationId: row.lastMutationId,
    results: parseRejected(row.rejected).map((r) => ({
      id: Number(r.id),
      status: 'rejected' as const,
      error: r.error ?? '',
    })),
  };
}

/** node-postgres and PGlite both parse `json`; a driver that did not would hand over text. */
function parseRejected(
  value: { id: number | string; error: string | null }[] | string,
): { id: number | string; error: string | null }[] {
  return typeof value === 'string'
    ? (JSON.parse(value) as { id: number | string; error: string | null }[])
    : value;
}
