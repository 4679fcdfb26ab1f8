import {
  entityApplyOrder,
  entityValues,
  type EntityKind,
  type EntityValue,
} from '../../../src-shared/sync/entities.js';
import type { PullOp } from '../../../src-shared/sync/pull.js';
import type { KioskTx } from '../../db/transaction.js';
import type { ApplyContext, EntityApplier } from './entity-applier.js';
import { entityAppliers } from './entity-appliers.js';
import { isOpOwnFault, problemOf, ServerOpError, type SkippedOp } from './server-op-error.js';
import { SnapshotSweep } from './snapshot-sweep.js';

export interface AppliedServerOps {
  /** New remote open commands recorded: the runner has work (runPending). */
  remoteOpens: number;
  /**
   * The bank settings row changed: once the page's transaction commits, the settings service
   * must reload it (BankSettingsService.reload), since flows read the settings from memory.
   */
  settingsChanged: boolean;
  /** Ops left out because they were at fault themselves; the caller logs them. */
  skipped: SkippedOp[];
}

export interface ApplyPageContext {
  bankId: string;
  nowMs: number;
  serverOffsetMs: number;
  /** The pull's snapshot in progress, carried across its pages; absent: a pull of one page. */
  snapshot?: SnapshotSweep;
  /** False while more pages of the same pull follow: a snapshot is retired on the last one. */
  lastPage?: boolean;
}

type PutOp = Extract<PullOp, { op: 'put' }>;
type DelOp = Extract<PullOp, { op: 'del' }>;

/** A put whose value passed its kind's schema. */
interface ValidPut {
  op: PutOp;
  value: unknown;
}

/**
 * Applies one pull page to the kiosk's tables inside the caller's transaction (sync.md "Pull"):
 * deletes in the reverse of entityApplyOrder, then, once a `clear` snapshot is whole (its last
 * page), the server-owned rows it did not put are retired (deleted, or deactivated while
 * referenced), then puts in entityApplyOrder so references hold. Puts are upserts keyed by the
 * entity id; kiosk-owned columns and the bank's facts (a fulfilled reservation, a command
 * already run) stay.
 *
 * An op at fault itself (a value that fails its schema, a reference the bank does not have, a
 * constraint its value breaks) is undone alone and listed in `skipped`: the cloud validated it,
 * a newer build may know more, and refusing the page would block every later update for good.
 * Anything else (the database failing) throws a ServerOpError naming the op; the caller's
 * transaction then rolls the whole page back.
 */
export function applyServerOps(
  tx: KioskTx,
  ops: readonly PullOp[],
  context: ApplyPageContext,
): AppliedServerOps {
  const { snapshot = new SnapshotSweep(), lastPage = true, ...pageContext } = context;
  const clearAt = ops.findLastIndex((op) => op.op === 'clear');
  const clear = clearAt >= 0 ? ops[clearAt] : undefined;
  const skipped: SkippedOp[] = [];
  // Whatever came before a clear is forgotten with everything else.
  const { puts, dels, invalid } = latestOps(clearAt >= 0 ? ops.slice(clearAt + 1) : ops);
  const applyContext: ApplyContext = {
    ...pageContext,
    afterPuts: [],
    outcome: { remoteOpens: 0, settingsChanged: false },
  };
  const reverseOrder = [...entityApplyOrder].reverse();

  if (clear) {
    snapshot.start();
  }
  for (const kind of reverseOrder) {
    for (const op of dels.get(kind) ?? []) {
      snapshot.unlist(kind, op.id);
      attempt(tx, op, skipped, () => entityAppliers[kind].del(tx, op.id, applyContext));
    }
  }
  for (const { op, problem } of invalid) {
    // Skipped, so the bank keeps what it had: a snapshot must not retire the row either.
    snapshot.list(op.kind, op.id);
    skipped.push({ kind: op.kind, id: op.id, problem });
  }
  for (const kind of entityApplyOrder) {
    for (const key of listedKeys(kind, puts.get(kind) ?? [])) {
      snapshot.list(kind, key);
    }
  }
  if (snapshot.open && lastPage) {
    for (const kind of reverseOrder.filter((kind) => !kindsTheBankAlsoCreates.has(kind))) {
      retireUnlisted(tx, kind, snapshot.listed(kind), applyContext);
    }
    snapshot.finish();
  }
  const deferredBy: PutOp[] = [];
  for (const kind of entityApplyOrder) {
    const group = puts.get(kind) ?? [];
    if (group.length > 1 && putAllAtOnce(tx, kind, group, applyContext)) {
      continue;
    }
    for (const { op, value } of group) {
      const waiting = applyContext.afterPuts.length;
      attempt(tx, op, skipped, () => putOne(tx, kind, op.id, value, applyContext));
      for (let index = waiting; index < applyContext.afterPuts.length; index++) {
        deferredBy[index] = op;
      }
    }
  }
  applyContext.afterPuts.forEach((work, index) => {
    const op = deferredBy[index];
    if (op) {
      attempt(tx, op, skipped, work);
    }
  });
  return { ...applyContext.outcome, skipped };
}

/**
 * The last op of each entity, grouped by kind, puts validated. A page holds one op per entity
 * (the server keeps only an entity's latest state), but replaying a later one over an earlier
 * one is what the server meant anyway.
 */
function latestOps(ops: readonly PullOp[]): {
  puts: Map<EntityKind, ValidPut[]>;
  dels: Map<EntityKind, DelOp[]>;
  invalid: { op: PutOp; problem: string }[];
} {
  const latest = new Map<string, PutOp | DelOp>();
  for (const op of ops) {
    if (op.op !== 'clear') {
      latest.set(`${op.kind}\u0000${op.id}`, op);
    }
  }
  const puts = new Map<EntityKind, ValidPut[]>();
  const dels = new Map<EntityKind, DelOp[]>();
  const invalid: { op: PutOp; problem: string }[] = [];
  for (const op of latest.values()) {
    if (op.op === 'del') {
      dels.set(op.kind, [...(dels.get(op.kind) ?? []), op]);
      continue;
    }
    const parsed = entityValues[op.kind].safeParse(op.value);
    if (!parsed.success) {
      // Paths and messages only: zod's messages name what was expected, never the value.
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`,
      );
      invalid.push({ op, problem: `invalid value (${issues.join('; ')})` });
      continue;
    }
    const group = puts.get(op.kind) ?? [];
    group.push({ op, value: parsed.data });
    puts.set(op.kind, group);
  }
  return { puts, dels, invalid };
}

/** The local rows a kind's puts write, as the sweep after a clear compares them. */
function listedKeys(kind: EntityKind, puts: readonly ValidPut[]): string[] {
  const applier = entityAppliers[kind] as EntityApplier<EntityKind>;
  return puts.map(({ op, value }) =>
    applier.keyOf ? applier.keyOf(op.id, value as EntityValue<EntityKind>) : op.id,
  );
}

/**
 * Reservations are made at the kiosk too (D2, the demo seed): a snapshot that does not list one
 * says nothing about it. The cloud withdraws its own with an explicit `del`.
 */
const kindsTheBankAlsoCreates: ReadonlySet<EntityKind> = new Set(['delivery_reservation']);

/** Once a snapshot is whole: the kind's server-owned rows it did not put are retired. */
function retireUnlisted(
  tx: KioskTx,
  kind: EntityKind,
  listed: ReadonlySet<string>,
  context: ApplyContext,
): void {
  const applier = entityAppliers[kind] as EntityApplier<EntityKind>;
  for (const key of applier.keys(tx, context)) {
    if (!listed.has(key)) {
      try {
        applier.del(tx, key, context);
      } catch (error) {
        throw new ServerOpError({ op: 'clear' }, `retiring ${kind} ${key}: ${problemOf(error)}`, {
          cause: error,
        });
      }
    }
  }
}

/**
 * A kind's puts in a few statements, where its applier can (contacts: a snapshot brings
 * thousands). Any failure undoes the batch (a savepoint) and answers false: the puts then go
 * one by one, so the op at fault is the one named. Batches defer no work.
 */
function putAllAtOnce(
  tx: KioskTx,
  kind: EntityKind,
  group: readonly ValidPut[],
  context: ApplyContext,
): boolean {
  const applier = entityAppliers[kind] as EntityApplier<EntityKind>;
  const putMany = applier.putMany?.bind(applier);
  if (!putMany) {
    return false;
  }
  try {
    tx.transaction((savepoint) => {
      putMany(
        savepoint,
        group.map(({ op, value }) => ({ id: op.id, value: value as EntityValue<EntityKind> })),
        context,
      );
    });
    return true;
  } catch {
    return false;
  }
}

function putOne<K extends EntityKind>(
  tx: KioskTx,
  kind: K,
  id: string,
  value: unknown,
  context: ApplyContext,
): void {
  // The value was parsed with entityValues[kind] above.
  (entityAppliers[kind] as EntityApplier<K>).put(tx, id, value as EntityValue<K>, context);
}

/**
 * One op in a savepoint of its own: an op at fault itself is undone alone and skipped, the
 * rest of the page still applies; anything else refuses the page.
 */
function attempt(tx: KioskTx, op: PutOp | DelOp, skipped: SkippedOp[], work: () => void): void {
  try {
    tx.transaction(() => {
      work();
    });
  } catch (error) {
    if (isOpOwnFault(error)) {
      skipped.push({ kind: op.kind, id: op.id, problem: problemOf(error) });
      return;
    }
    if (error instanceof ServerOpError) {
      throw error;
    }
    throw new ServerOpError(op, problemOf(error), { cause: error });
  }
}
