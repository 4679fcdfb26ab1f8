import { and, eq } from 'drizzle-orm';
import type { EntityKind } from '../../src-shared/sync/entities.js';
import { isTenantEntityKind } from '../../src-shared/sync/entities.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { entities } from '../db/schema.js';

/**
 * The current value of a live (not deleted) entity of this tenant, or undefined. Keyed by tenant
 * first, so another tenant's entity of the same id is simply not there.
 */
export async function liveEntityValue(
  db: CloudDb | CloudTx,
  scope: { tenantId: string; bankId: string | null },
  kind: EntityKind,
  id: string,
): Promise<unknown> {
  const bankId = isTenantEntityKind(kind) ? '' : (scope.bankId ?? '');
  const [row] = await db
    .select({ value: entities.value })
    .from(entities)
    .where(
      and(
        eq(entities.tenantId, scope.tenantId),
        eq(entities.bankId, bankId),
        eq(entities.kind, kind),
        eq(entities.id, id),
        eq(entities.deleted, false),
      ),
    );
  return row?.value ?? undefined;
}
