import { eq, sql } from 'drizzle-orm';
import type { CloudTx } from '../db/open-cloud-database.js';
import { banks, tenants } from '../db/schema.js';

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
    .returning({ version: tenants.version });
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
    .returning({ version: banks.version });
  if (row === undefined) {
    throw new Error(`No bank ${bankId}`);
  }
  return row.version;
}
