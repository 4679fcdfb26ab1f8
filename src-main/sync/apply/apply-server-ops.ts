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
import { problemOf, ServerOpError } from './server-op-error.js';

export interface AppliedServerOps {
  /** New remote open commands recorded: the runner has work (runPending). */
  remoteOpens: number;
  /**
   * The bank settings row changed: once the page's transaction commits, the settings service
   * must reload it (BankSettingsService.reload), since flows read the settings from memory.
   */
  settingsChanged: boolean;
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
 * deletes in the reverse of entityApplyOrder, then, after a `clear`, the server-owned rows the
 * snapshot does not put are retired (deleted, or deactivated while referenced), then puts in
 * entityApplyOrder so references hold. Puts are upserts keyed by the entity id; kiosk-owned
 * columns and the bank's facts (a fulfilled reservation, a command already run) stay.
 *
 * Throws a ServerOpError naming the op on anything it cannot apply; the caller's transaction
 * then rolls the whole page back.
 */
export function applyServerOps(
  tx: KioskTx,
  ops: readonly PullOp[],
  context: { bankId: string; nowMs: number; serverOffsetMs: number },
): AppliedServerOps {
  const clearAt = ops.findLastIndex((op) => op.op === 'clear');
  const clear = clearAt >= 0 ? ops[clearAt] : undefined;
  // Whatever came before a clear is forgotten with everything else.
  const { puts, dels } = latestOps(clearAt >= 0 ? ops.slice(clearAt + 1) : ops);
  const applyContext: ApplyContext = {
    ...context,
    afterPuts: [],
    outcome: { remoteOpens: 0, settingsChanged: false },
  };
  const reverseOrder = [...entityApplyOrder].reverse();

  for (const kind of reverseOrder) {
    for (const op of dels.get(kind) ?? []) {
      attempt(op, () => entityAppliers[kind].del(tx, op.id, applyContext));
    }
  }
  if (clear) {
    for (const kind of reverseOrder) {
      retireUnlisted(tx, kind, puts.get(kind) ?? [], clear, applyContext);
    }
  }
  const deferredBy: PutOp[] = [];
  for (const kind of entityApplyOrder) {
    const group = puts.get(kind) ?? [];
    if (group.length > 1 && putAllAtOnce(tx, kind, group, applyContext)) {
      continue;
    }
    for (const { op, value } of group) {
      const waiting = applyContext.afterPuts.length;
      attempt(op, () => putOne(tx, kind, op.id, value, applyContext));
      for (let index = waiting; index < applyContext.afterPuts.length; index++) {
        deferredBy[index] = op;
      }
    }
  }
  applyContext.afterPuts.forEach((work, index) => {
    const op = deferredBy[index];
    if (op) {
      attempt(op, work);
    }
  });
  return applyContext.outcome;
}

/**
 * The last op of each entity, grouped by kind, puts validated. A page holds one op per entity
 * (the server keeps only an entity's latest state), but replaying a later one over an earlier
 * one is what the server meant anyway.
 */
function latestOps(ops: readonly PullOp[]): {
  puts: Map<EntityKind, ValidPut[]>;
  dels: Map<EntityKind, DelOp[]>;
} {
  const latest = new Map<string, PutOp | DelOp>();
  for (const op of ops) {
    if (op.op !== 'clear') {
      latest.set(`${op.kind}\u0000${op.id}`, op);
    }
  }
  const puts = new Map<EntityKind, ValidPut[]>();
  const dels = new Map<EntityKind, DelOp[]>();
  for (const op of latest.values()) {
    if (op.op === 'del') {
      dels.set(op.kind, [...(dels.get(op.kind) ?? []), op]);
      continue;
    }
    const parsed = entityValues[op.kind].safeParse(op.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`,
      );
      throw new ServerOpError(op, `invalid value (${issues.join('; ')})`);
    }
    const group = puts.get(op.kind) ?? [];
    group.push({ op, value: parsed.data });
    puts.set(op.kind, group);
  }
  return { puts, dels };
}

/** After a clear: the kind's server-owned rows the snapshot did not put are retired. */
function retireUnlisted(
  tx: KioskTx,
  kind: EntityKind,
  puts: readonly ValidPut[],
  clear: PullOp,
  context: ApplyContext,
): void {
  const applier = entityAppliers[kind] as EntityApplier<EntityKind>;
  const listed = new Set(
    puts.map(({ op, value }) =>
      applier.keyOf ? applier.keyOf(op.id, value as EntityValue<EntityKind>) : op.id,
    ),
  );
  for (const key of applier.keys(tx, context)) {
    if (!listed.has(key)) {
      try {
        applier.del(tx, key, context);
      } catch (error) {
        throw new ServerOpError(clear, `retiring ${kind} ${key}: ${problemOf(error)}`, {
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

function attempt(op: PutOp | DelOp, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (error instanceof ServerOpError) {
      throw error;
    }
    throw new ServerOpError(op, problemOf(error), { cause: error });
  }
}
