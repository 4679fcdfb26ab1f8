import { and, eq, lte, sql } from 'drizzle-orm';
import type { CloudDb } from '../db/open-cloud-database.js';
import { banks, entities, tenants } from '../db/schema.js';

export interface TombstoneScope {
  tenantId: string;
  /** A bank's scope, or null for the tenant-wide one. */
  bankId: string | null;
}

/**
 * Retention of deleted entities: tombstones at or below `throughVersion` go, and the scope
 * remembers it, so a bank whose cookie is older gets `clear` and a full snapshot instead of a
 * history that no longer says what was deleted (sync.md "Pull"). Returns how many went.
 */
export async function pruneTombstones(
  db: CloudDb,
  scope: TombstoneScope,
  throughVersion: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    // Under the scope's row lock, and never past its current version.
    const through =
      scope.bankId === null
        ? await tx
            .update(tenants)
            .set({
              prunedThroughVersion: sql`greatest(${tenants.prunedThroughVersion}, least(${throughVersion}::bigint, ${tenants.version}))`,
            })
            .where(eq(tenants.id, scope.tenantId))
            .returning({ pruned: tenants.prunedThroughVersion })
        : await tx
            .update(banks)
            .set({
              prunedThroughVersion: sql`greatest(${banks.prunedThroughVersion}, least(${throughVersion}::bigint, ${banks.version}))`,
            })
            .where(and(eq(banks.id, scope.bankId), eq(banks.tenantId, scope.tenantId)))
            .returning({ pruned: banks.prunedThroughVersion });
    const pruned = through[0]?.pruned;
    if (pruned === undefined) {
      return 0;
    }
    const deleted = await tx
      .delete(entities)
      .where(
        and(
          eq(entities.tenantId, scope.tenantId),
          eq(entities.bankId, scope.bankId ?? ''),
          eq(entities.deleted, true),
          lte(entities.version, pruned),
        ),
      )
      .returning({ id: entities.id });
    return deleted.length;
  });
}
