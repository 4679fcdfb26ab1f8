import { sql } from 'drizzle-orm';
import {
  entityValues,
  isTenantEntityKind,
  type EntityKind,
} from '../../src-shared/sync/entities.js';
import type { CloudTx } from '../db/open-cloud-database.js';
import { entities } from '../db/schema.js';
import { bumpBankVersion, bumpTenantVersion } from './versions.js';

const writeChunk = 500;

export type EntityWrite =
  | { kind: EntityKind; id: string; value: unknown }
  | { kind: EntityKind; id: string; deleted: true };

export interface EntityScope {
  tenantId: string;
  /** Required for bank kinds; ignored for tenant-wide kinds. */
  bankId: string | null;
}

export class InvalidEntityError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly problem: string,
  ) {
    super(`${kind} ${id}: ${problem}`);
    this.name = 'InvalidEntityError';
  }
}

/**
 * Writes server-owned entities in the caller's transaction, every one validated first (nothing
 * half-applied), and bumps the version of each scope touched once: one writer transaction, one
 * version, so a pull page never splits it. Returns the versions given.
 */
export async function writeEntities(
  tx: CloudTx,
  scope: EntityScope,
  writes: readonly EntityWrite[],
  nowMs: number,
): Promise<{ tenantVersion: number | null; bankVersion: number | null }> {
  // The last write of an entity wins; PostgreSQL refuses one statement touching a row twice.
  const latest = new Map(writes.map((write) => [`${write.kind}\u0000${write.id}`, write]));
  const rows = [...latest.values()].map((write) => {
    const tenantWide = isTenantEntityKind(write.kind);
    if (!tenantWide && scope.bankId === null) {
      throw new InvalidEntityError(write.kind, write.id, 'a bank is required for this kind');
    }
    if ('deleted' in write) {
      return { write, tenantWide, value: null };
    }
    const parsed = entityValues[write.kind].safeParse(write.value);
    if (!parsed.success) {
      throw new InvalidEntityError(write.kind, write.id, parsed.error.issues[0]?.message ?? '?');
    }
    return { write, tenantWide, value: parsed.data };
  });
  const tenantVersion = rows.some((row) => row.tenantWide)
    ? await bumpTenantVersion(tx, scope.tenantId)
    : null;
  const bankVersion =
    rows.some((row) => !row.tenantWide) && scope.bankId !== null
      ? await bumpBankVersion(tx, scope.bankId)
      : null;
  const values = rows.map(({ write, tenantWide, value }) => ({
    tenantId: scope.tenantId,
    bankId: tenantWide ? '' : (scope.bankId ?? ''),
    kind: write.kind,
    id: write.id,
    value,
    version: (tenantWide ? tenantVersion : bankVersion) ?? 0,
    deleted: 'deleted' in write,
    updatedAt: nowMs,
  }));
  // Chunks of a few hundred rows: one statement each (a 5,000-contact import stays fast) yet
  // well under PostgreSQL's limit of 65,535 parameters per statement.
  for (let start = 0; start < values.length; start += writeChunk) {
    await tx
      .insert(entities)
      .values(values.slice(start, start + writeChunk))
      .onConflictDoUpdate({
        target: [entities.tenantId, entities.bankId, entities.kind, entities.id],
        set: {
          value: sql`excluded.value`,
          version: sql`excluded.version`,
          deleted: sql`excluded.deleted`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  return { tenantVersion, bankVersion };
}
