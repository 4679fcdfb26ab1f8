import { and, asc, eq, gt, lte, type SQL } from 'drizzle-orm';
import type { SyncCookie } from '../../src-shared/sync/cookie.js';
import type { PullOp, PullRequest, PullResponse } from '../../src-shared/sync/pull.js';
import type { DeviceIdentity } from '../auth/device-auth.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { entities } from '../db/schema.js';
import { isAppVersionBelow, minimumKioskAppVersion } from './app-version.js';
import { readPullHead, type PullHead } from './pull-head.js';

/** About this many ops per page; a version is never split, so a page may hold more. */
export const pullPageOps = 1000;

export interface PullOptions {
  pageOps?: number;
  minimumAppVersion?: string;
}

interface EntityRow {
  kind: string;
  id: string;
  value: unknown;
  version: number;
  deleted: boolean;
}

interface StreamPage {
  rows: EntityRow[];
  /** The highest version the page holds whole, or null when it is the stream's end. */
  throughVersion: number | null;
}

/**
 * Builds one pull page (sync.md "Pull") in one repeatable-read snapshot: the tenant-wide and the
 * bank's entities past the cookie, cut only between versions, this device's last mutation id
 * and its rejected results, all as of the same instant. A null cookie, or one older than the
 * pruned tombstones, gets `clear` and a snapshot of live entities instead.
 *
 * Most pulls (every sync, and every long-poll's first look) find the cookie current: that is
 * answered from one statement (pull-head.ts) without opening the transaction. The answer is the
 * one the transaction would give: no entity can be past the counters in the same snapshot,
 * because every writer bumps the counter in the transaction that writes the entity.
 */
export async function buildPull(
  db: CloudDb,
  device: DeviceIdentity,
  request: PullRequest,
  nowMs: number,
  options: PullOptions = {},
): Promise<PullResponse> {
  const upgradeRequired = isAppVersionBelow(
    request.appVersion,
    options.minimumAppVersion ?? minimumKioskAppVersion,
  );
  const head = await readPullHead(db, device);
  if (isCurrent(request.cookie, head)) {
    return {
      cookie: head.now,
      ops: [],
      lastMutationId: head.lastMutationId,
      results: head.results,
      more: false,
      serverTimeMs: nowMs,
      upgradeRequired,
    };
  }
  const pageOps = options.pageOps ?? pullPageOps;
  return db.transaction(
    async (tx) => {
      const counters = await readPullHead(tx, device);
      const reset = needsReset(request.cookie, counters);
      const from: SyncCookie = reset ? { tenant: 0, bank: 0 } : (request.cookie ?? counters.now);
      const floor = reset ? counters.pruned : { tenant: 0, bank: 0 };
      const tenantPage = await readStream(
        tx,
        { tenantId: device.tenantId, bankId: '', liveOnly: reset },
        from.tenant,
        pageOps,
        floor.tenant,
      );
      const bankPage = await readStream(
        tx,
        { tenantId: device.tenantId, bankId: device.bankId, liveOnly: reset },
        from.bank,
        pageOps - tenantPage.rows.length,
        floor.bank,
      );
      const ops: PullOp[] = reset ? [{ op: 'clear' }] : [];
      for (const row of [...tenantPage.rows, ...bankPage.rows]) {
        ops.push(toOp(row));
      }
      return {
        cookie: {
          tenant: tenantPage.throughVersion ?? counters.now.tenant,
          bank: bankPage.throughVersion ?? counters.now.bank,
        },
        ops,
        lastMutationId: counters.lastMutationId,
        results: counters.results,
        more: tenantPage.throughVersion !== null || bankPage.throughVersion !== null,
        serverTimeMs: nowMs,
        upgradeRequired,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Exactly the counters, and safe to resume from: nothing to send but the head. */
function isCurrent(cookie: SyncCookie | null, head: PullHead): cookie is SyncCookie {
  return (
    cookie !== null &&
    !needsReset(cookie, head) &&
    cookie.tenant === head.now.tenant &&
    cookie.bank === head.now.bank
  );
}

/**
 * A cookie older than the pruned tombstones may have missed a delete, and one ahead of the
 * counters comes from a server restored from a backup: either way only a full snapshot is safe.
 */
function needsReset(cookie: SyncCookie | null, counters: PullHead): boolean {
  return (
    cookie === null ||
    cookie.tenant < counters.pruned.tenant ||
    cookie.bank < counters.pruned.bank ||
    cookie.tenant > counters.now.tenant ||
    cookie.bank > counters.now.bank
  );
}

/**
 * Up to `budget` rows past `afterVersion`, cut between versions. A single version larger than
 * the budget comes whole: a bank applies a page as one transaction and must never see half of
 * one writer's changes. Every row up to `floorVersion` comes in this page whatever the budget:
 * a snapshot page must reach past the pruned tombstones, or its next cookie would look stale
 * and restart the snapshot for ever.
 */
async function readStream(
  tx: CloudTx,
  scope: { tenantId: string; bankId: string; liveOnly: boolean },
  afterVersion: number,
  budget: number,
  floorVersion: number,
): Promise<StreamPage> {
  const where = (...conditions: SQL[]) =>
    and(
      eq(entities.tenantId, scope.tenantId),
      eq(entities.bankId, scope.bankId),
      scope.liveOnly ? eq(entities.deleted, false) : undefined,
      ...conditions,
    );
  const select = () =>
    tx
      .select({
        kind: entities.kind,
        id: entities.id,
        value: entities.value,
        version: entities.version,
        deleted: entities.deleted,
      })
      .from(entities);
  const order = [asc(entities.version), asc(entities.kind), asc(entities.id)];
  let after = afterVersion;
  let head: EntityRow[] = [];
  if (floorVersion > after) {
    head = await select()
      .where(where(gt(entities.version, after), lte(entities.version, floorVersion)))
      .orderBy(...order);
    after = floorVersion;
  }
  const room = budget - head.length;
  if (room <= 0) {
    const [next] = await select()
      .where(where(gt(entities.version, after)))
      .limit(1);
    return { rows: head, throughVersion: next === undefined ? null : after };
  }
  const rows = await select()
    .where(where(gt(entities.version, after)))
    .orderBy(...order)
    .limit(room + 1);
  const overflow = rows[room];
  if (overflow === undefined) {
    return { rows: [...head, ...rows], throughVersion: null };
  }
  const whole = rows.slice(0, room).filter((row) => row.version < overflow.version);
  const last = whole[whole.length - 1];
  if (last !== undefined) {
    return { rows: [...head, ...whole], throughVersion: last.version };
  }
  if (head.length > 0) {
    return { rows: head, throughVersion: after };
  }
  // The first version alone is larger than the page: it comes whole, on its own.
  const oneVersion = await select()
    .where(where(eq(entities.version, overflow.version)))
    .orderBy(...order);
  const [next] = await select()
    .where(where(gt(entities.version, overflow.version)))
    .limit(1);
  return { rows: oneVersion, throughVersion: next === undefined ? null : overflow.version };
}

function toOp(row: EntityRow): PullOp {
  const kind = row.kind as Extract<PullOp, { op: 'put' }>['kind'];
  return row.deleted
    ? { op: 'del', kind, id: row.id }
    : { op: 'put', kind, id: row.id, value: row.value };
}
