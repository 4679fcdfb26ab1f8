import {
  applyServerOps,
  type AppliedServerOps,
} from '../../../../src-main/sync/apply/apply-server-ops.js';
import type { KioskDatabase } from '../../../../src-main/db/open-kiosk-database.js';
import { seedDemoBank } from '../../../../src-main/db/seed-demo-bank.js';
import { credentialHash } from '../../../../src-main/db/queries/credential-hash.js';
import type { EntityKind, EntityValue } from '../../../../src-shared/sync/entities.js';
import type { PullOp } from '../../../../src-shared/sync/pull.js';
import { openTestKioskDatabase } from '../../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../../helpers/temp-folder.js';

export type Row = Record<string, unknown>;

/**
 * A real kiosk SQLite file with the demo bank seeded, as a kiosk is before its first pull, and
 * pages applied the way the sync client does: in one transaction of their own.
 */
export interface ApplyBench {
  database: KioskDatabase;
  bankId: string;
  nowMs: number;
  /** Applies one page in its own transaction, as pull-apply does. */
  apply(ops: readonly PullOp[], serverOffsetMs?: number): AppliedServerOps;
  rows(sql: string, ...params: unknown[]): Row[];
  one(sql: string, ...params: unknown[]): Row;
  close(): void;
}

export const startMs = Date.UTC(2026, 10, 25, 8, 0);

export function openApplyBench(): ApplyBench {
  const folder = makeTempFolder();
  const database = openTestKioskDatabase(folder.path);
  seedDemoBank(database.db, startMs);
  const rows = (sql: string, ...params: unknown[]): Row[] =>
    database.sqlite.prepare(sql).all(...params) as Row[];
  const bankId = rows('SELECT id FROM locker_bank')[0]?.['id'] as string;
  const bench: ApplyBench = {
    database,
    bankId,
    nowMs: startMs,
    apply: (ops, serverOffsetMs = 0) =>
      database.db.transaction((tx) =>
        applyServerOps(tx, ops, { bankId, nowMs: bench.nowMs, serverOffsetMs }),
      ),
    rows,
    one(sql, ...params) {
      const found = rows(sql, ...params);
      if (found.length !== 1 || !found[0]) {
        throw new Error(`expected one row, found ${found.length}: ${sql}`);
      }
      return found[0];
    },
    close() {
      database.close();
      folder.remove();
    },
  };
  return bench;
}

export function put<K extends EntityKind>(kind: K, id: string, value: EntityValue<K>): PullOp {
  return { op: 'put', kind, id, value };
}

export function del(kind: EntityKind, id: string): PullOp {
  return { op: 'del', kind, id };
}

export const clear: PullOp = { op: 'clear' };

export function contactValue(
  changes: Partial<EntityValue<'contact'>> = {},
): EntityValue<'contact'> {
  return {
    name: 'Zoé Lefèvre',
    email: 'zoe.lefevre@example.org',
    phone: null,
    language: 'fr',
    personnelId: 'C-9001',
    departmentId: null,
    accessibilityNeed: false,
    customFields: {},
    active: true,
    ...changes,
  };
}

/** A real scrypt PHC string from the seeded operators (the format check reads its parameters). */
export function anyPasswordHash(bench: ApplyBench): string {
  return bench.rows('SELECT password_hash FROM operator LIMIT 1')[0]?.['password_hash'] as string;
}

export function operatorValue(
  bench: ApplyBench,
  changes: Partial<EntityValue<'operator'>> = {},
): EntityValue<'operator'> {
  return {
    userName: 'cloud.operator',
    displayName: 'Cloud Operator',
    passwordHash: anyPasswordHash(bench),
    role: 'mailroom_operator',
    active: true,
    ...changes,
  };
}

export function carrierValue(
  changes: Partial<EntityValue<'carrier'>> = {},
): EntityValue<'carrier'> {
  return {
    name: 'Swift Couriers',
    codeHash: credentialHash('CSR1-CR-swift'),
    active: true,
    ...changes,
  };
}

export function reservationValue(
  changes: Partial<EntityValue<'delivery_reservation'>> = {},
): EntityValue<'delivery_reservation'> {
  return {
    contactId: null,
    departmentId: null,
    size: 'S',
    preferredCompartmentId: null,
    designatedOperatorId: null,
    designatedCarrierId: null,
    state: 'active',
    createdAt: startMs,
    expiresAt: startMs + 3 * 24 * 60 * 60_000,
    ...changes,
  };
}

/** Ids of the compartments of one size, in label order. */
export function compartmentIds(bench: ApplyBench, size?: 'S' | 'M' | 'L'): string[] {
  return bench
    .rows(
      `SELECT id FROM compartment ${size ? 'WHERE size = ?' : ''} ORDER BY CAST(label AS INTEGER)`,
      ...(size ? [size] : []),
    )
    .map((row) => row['id'] as string);
}
