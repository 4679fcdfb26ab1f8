import { v7 as uuidv7 } from 'uuid';
import type { CloudDb } from '../db/open-cloud-database.js';
import { tenants } from '../db/schema.js';
import { issueTenantToken } from './tokens.js';

/** A new company with its first admin token (shown once), in one transaction. */
export async function createTenant(
  db: CloudDb,
  name: string,
  nowMs: number,
): Promise<{ tenantId: string; adminToken: string }> {
  return db.transaction(async (tx) => {
    const tenantId = uuidv7({ msecs: nowMs });
    await tx.insert(tenants).values({ id: tenantId, name, createdAt: nowMs });
    const { adminToken } = await issueTenantToken(tx, tenantId, nowMs);
    return { tenantId, adminToken };
  });
}
