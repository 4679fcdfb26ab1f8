import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hashSecret, newSecret } from '../auth/secret-hash.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { adminTokens } from '../db/schema.js';

/** A new admin token of a tenant; the clear token is returned once and only its hash is kept. */
export async function issueTenantToken(
  tx: CloudTx | CloudDb,
  tenantId: string,
  nowMs: number,
): Promise<{ tokenId: string; adminToken: string }> {
  const adminToken = newSecret();
  const tokenId = uuidv7({ msecs: nowMs });
  await tx
    .insert(adminTokens)
    .values({ id: tokenId, tenantId, tokenHash: hashSecret(adminToken), createdAt: nowMs });
  return { tokenId, adminToken };
}

/** Revokes one of the tenant's tokens; false when there is none of that id in this tenant. */
export async function revokeTenantToken(
  db: CloudDb,
  tenantId: string,
  tokenId: string,
  nowMs: number,
): Promise<boolean> {
  const revoked = await db
    .update(adminTokens)
    .set({ revokedAt: nowMs })
    .where(
      and(
        eq(adminTokens.id, tokenId),
        eq(adminTokens.tenantId, tenantId),
        isNull(adminTokens.revokedAt),
      ),
    )
    .returning({ id: adminTokens.id });
  return revoked.length === 1;
}
