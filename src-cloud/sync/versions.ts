import { eq, sql } from 'drizzle-orm';
import type { CloudTx } from '../db/open-cloud-database.js';
import { banks, tenants } from '../db/schema.js';

/**
 * The channel every version bump notifies, delivered at commit: the long-poll of every server
 * instance listens to it (version-watch.ts), so a write through one instance wakes the pulls
 * waiting on another. Payload: `tenant:<id>` or `bank:<id>`.
 */
export const versionChannel = 'casier_versions';

/**
 * Bumps a pull-cookie counter under the row lock of its tenant or bank (sync.md "Pull"): every
 * writer of server-owned data calls one of these inside its transaction, so concurrent writers
 * get distinct versions in commit order and a reader never skips a late commit.
 */
export async function bumpTenantVersion(tx: CloudTx, tenantId: string): Promise<number> {
  const [row] = await tx
    .update(tenants)
    .set({ version: sql`${tenants.version} + 1` })
    .where(eq(tenants.id, tenantId))
    // In the same statement: one round trip, and NOTIFY is sent only if the bump commits.
    .returning({
      version: tenants.version,
      notified: sql<string>`pg_notify(${versionChannel}, 'tenant:' || ${tenants.id})::text`,
    });
  if (row === undefined) {
    throw new Error(`No tenant ${tenantId}`);
  }
  return row.version;
}

export async function bumpBankVersion(tx: CloudTx, bankId: string): Promise<number> {
  const [row] = await tx
    .update(banks)
    .set({ version: sql`${banks.version} + 1` })
    .where(eq(banks.id, bankId))
    .returning({
      version: banks.version,
      notified: sql<string>`pg_notify(${versionChannel}, 'bank:' || ${banks.id})::text`,
    });
  if (row === undefined) {
    throw new Error(`No bank ${bankId}`);
  }
  return row.version;
}
