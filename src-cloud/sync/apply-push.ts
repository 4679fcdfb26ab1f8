import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  mutationConflictError,
  type Mutation,
  type MutationResult,
} from '../../src-shared/sync/mutation.js';
import type { PushRequest, PushResponse } from '../../src-shared/sync/push.js';
import type { DeviceIdentity } from '../auth/device-auth.js';
import { CloudError } from '../cloud-error.js';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { deviceMutations, devices } from '../db/schema.js';
import { raiseAlerts } from './alerts.js';
import { inChunks, unnestRows, type BulkColumn } from './bulk-sql.js';
import { mutationArgsHash } from './args-hash.js';
import { BatchEffects } from './handlers/batch-effects.js';
import type { HandlerOutcome } from './handlers/handler.js';
import { findHandler } from './handlers/registry.js';

/** A bank clock this far ahead of the server's is flagged (never refused: sync.md). */
export const clockDriftAlertMs = 5 * 60 * 1000;

type StoredMutation = { argsHash: string; status: 'applied' | 'rejected'; error: string | null };
type MutationRow = Pick<Mutation, 'id' | 'name' | 'v' | 'argsHash'> & {
  status: 'applied' | 'rejected';
  error: string | null;
};

/** Thrown inside the transaction so it rolls back; the alert is then written on its own. */
class UnknownIncarnation extends Error {}

/**
 * Applies one push batch (sync.md "Push") in one PostgreSQL transaction that locks the device
 * row: ids at or below `last_mutation_id` are duplicates (their hash is compared: a mismatch is
 * an alarm, never applied), a first new id past last+1 is a gap (`expectedNextId`), and every
 * new mutation is applied in order with its result recorded and the counter advanced, together.
 */
export async function applyPush(
  db: CloudDb,
  device: DeviceIdentity,
  request: PushRequest,
  nowMs: number,
): Promise<PushResponse> {
  try {
    return await db.transaction((tx) => applyInTransaction(tx, device, request, nowMs));
  } catch (error) {
    if (!(error instanceof UnknownIncarnation)) {
      throw error;
    }
    await raiseAlerts(
      db,
      [
        {
          tenantId: device.tenantId,
          bankId: device.bankId,
          deviceId: device.deviceId,
          kind: 'unknown_incarnation',
          details: { pushedIncarnationId: request.incarnationId },
          dedupeKey: `unknown_incarnation:${device.deviceId}:${request.incarnationId}`,
        },
      ],
      nowMs,
    );
    throw new CloudError(
      'unknown_incarnation',
      'This bank database is not the one enrolled (restored or recreated); an admin must look at it.',
    );
  }
}

async function applyInTransaction(
  tx: CloudTx,
  device: DeviceIdentity,
  request: PushRequest,
  nowMs: number,
): Promise<PushResponse> {
  const [locked] = await tx
    .select({
      lastMutationId: devices.lastMutationId,
      incarnationId: devices.incarnationId,
      revokedAt: devices.revokedAt,
    })
    .from(devices)
    .where(eq(devices.id, device.deviceId))
    .for('update');
  // Checked under the lock: a briefly cached credential (device-auth-cache.ts) never writes a
  // fact after its revocation committed.
  if (locked !== undefined && locked.revokedAt !== null) {
    throw new CloudError('credential_revoked', 'This device credential was revoked; enrol again.');
  }
  if (locked === undefined || locked.incarnationId !== request.incarnationId) {
    throw new UnknownIncarnation();
  }
  const mutations = [...request.mutations].sort((a, b) => a.id - b.id);
  const stored = await storedMutations(tx, device.deviceId, mutations, locked.lastMutationId);
  const effects = new BatchEffects(device, nowMs);
  const results: MutationResult[] = [];
  const newRows: MutationRow[] = [];
  let lastMutationId = locked.lastMutationId;
  let newestWallTime: number | null = null;
  let conflicted = false;
  for (const mutation of mutations) {
    if (mutation.id <= lastMutationId) {
      const result = duplicateResult(mutation, stored.get(mutation.id), effects);
      conflicted ||= result.error === mutationConflictError;
      results.push(result);
      continue;
    }
    if (conflicted) {
      // This bank's history and the cloud's disagree: apply nothing more until an admin acts.
      break;
    }
    if (mutation.id !== lastMutationId + 1) {
      if (newRows.length === 0) {
        throw new CloudError('mutation_gap', `Expected mutation ${lastMutationId + 1} next.`, {
          expectedNextId: lastMutationId + 1,
        });
      }
      break; // The rest is answered by lastMutationId; the bank sends it again.
    }
    const outcome = await applyOne(tx, device, mutation, effects, nowMs);
    if (outcome.status === 'rejected') {
      effects.addAlert({
        kind: 'mutation_rejected',
        details: {
          mutationId: mutation.id,
          name: mutation.name,
          v: mutation.v,
          error: outcome.error,
        },
        dedupeKey: `mutation_rejected:${device.deviceId}:${mutation.id}`,
      });
    }
    const row: MutationRow = {
      id: mutation.id,
      name: mutation.name,
      v: mutation.v,
      argsHash: mutation.argsHash,
      status: outcome.status,
      error: outcome.status === 'rejected' ? outcome.error : null,
    };
    newRows.push(row);
    stored.set(mutation.id, {
      argsHash: row.argsHash,
      status: row.status,
      error: row.error ?? null,
    });
    results.push(resultOf(mutation.id, outcome));
    lastMutationId = mutation.id;
    newestWallTime = Math.max(newestWallTime ?? mutation.wallTime, mutation.wallTime);
  }
  const clockSkewMs = newestWallTime === null ? null : newestWallTime - nowMs;
  if (clockSkewMs !== null && clockSkewMs > clockDriftAlertMs) {
    effects.addAlert({
      kind: 'clock_drift',
      details: { clockSkewMs },
      dedupeKey: `clock_drift:${device.deviceId}`,
    });
  }
  await effects.flush(tx);
  await insertMutationRows(tx, device.deviceId, newRows, nowMs);
  await tx
    .update(devices)
    .set({
      lastMutationId,
      lastSeenAt: nowMs,
      ...(clockSkewMs === null ? {} : { clockSkewMs }),
    })
    .where(eq(devices.id, device.deviceId));
  return { lastMutationId, results };
}

const mutationColumns: readonly BulkColumn<MutationRow>[] = [
  ['id', 'bigint', (row) => row.id],
  ['name', 'text', (row) => row.name],
  ['v', 'integer', (row) => row.v],
  ['args_hash', 'text', (row) => row.argsHash],
  ['status', 'text', (row) => row.status],
  ['error', 'text', (row) => row.error],
];

/** Every new id's hash and result, recorded with the effects (one statement per 1,000). */
async function insertMutationRows(
  tx: CloudTx,
  deviceId: string,
  rows: readonly MutationRow[],
  nowMs: number,
): Promise<void> {
  for (const chunk of inChunks(rows)) {
    await tx.execute(sql`
      INSERT INTO device_mutation (device_id, id, name, v, args_hash, status, error, applied_at)
      SELECT ${deviceId}, u.id, u.name, u.v, u.args_hash, u.status, u.error, ${nowMs}::bigint
      FROM ${unnestRows(chunk, mutationColumns)}`);
  }
}

/** The stored hashes and results of the batch's duplicates, in one query. */
async function storedMutations(
  tx: CloudTx,
  deviceId: string,
  mutations: readonly Mutation[],
  lastMutationId: number,
): Promise<Map<number, StoredMutation>> {
  const duplicateIds = [
    ...new Set(mutations.filter((m) => m.id <= lastMutationId).map((m) => m.id)),
  ];
  if (duplicateIds.length === 0) {
    return new Map();
  }
  const rows = await tx
    .select({
      id: deviceMutations.id,
      argsHash: deviceMutations.argsHash,
      status: deviceMutations.status,
      error: deviceMutations.error,
    })
    .from(deviceMutations)
    .where(and(eq(deviceMutations.deviceId, deviceId), inArray(deviceMutations.id, duplicateIds)));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A mutation id seen before answers with its stored result. A different payload under the
 * same id (a bank restored from an older copy of its database) is never applied: it is an
 * alarm for an admin and answered as rejected.
 */
function duplicateResult(
  mutation: Mutation,
  stored: StoredMutation | undefined,
  effects: BatchEffects,
): MutationResult {
  if (stored === undefined) {
    return { id: mutation.id, status: 'applied' };
  }
  if (stored.argsHash !== mutation.argsHash) {
    effects.addAlert({
      kind: 'mutation_hash_mismatch',
      details: {
        mutationId: mutation.id,
        name: mutation.name,
        storedHash: stored.argsHash,
        pushedHash: mutation.argsHash,
      },
      dedupeKey: `mutation_hash_mismatch:${effects.device.deviceId}:${mutation.id}`,
    });
    return {
      id: mutation.id,
      status: 'rejected',
      error: mutationConflictError,
    };
  }
  return stored.error === null
    ? { id: mutation.id, status: stored.status }
    : { id: mutation.id, status: stored.status, error: stored.error };
}

async function applyOne(
  tx: CloudTx,
  device: DeviceIdentity,
  mutation: Mutation,
  effects: BatchEffects,
  nowMs: number,
): Promise<HandlerOutcome> {
  if (mutationArgsHash(mutation.name, mutation.v, mutation.args) !== mutation.argsHash) {
    return { status: 'rejected', error: 'argsHash does not match the arguments (corrupt row).' };
  }
  const handler = findHandler(mutation.name, mutation.v);
  if (handler === undefined) {
    return { status: 'rejected', error: `No handler for ${mutation.name} v${mutation.v}.` };
  }
  return await handler.apply({ tx, device, nowMs, mutation, effects });
}

function resultOf(id: number, outcome: HandlerOutcome): MutationResult {
  return outcome.status === 'applied'
    ? { id, status: 'applied' }
    : { id, status: 'rejected', error: outcome.error };
}
