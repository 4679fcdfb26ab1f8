import { and, count, eq, gt, gte, isNull, lte } from 'drizzle-orm';
import type { Mutation } from '../../../src-shared/sync/mutation.js';
import { syncDevice, syncOutbox } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';
import { readSyncProgress } from './sync-device.js';

export interface OutboxBatchLimits {
  maxCount: number;
  /** Bound on the JSON request body the batch makes (sync.md "Batches are bounded"). */
  maxBytes: number;
  /** The rest of the push body, so the bound is on the whole request, not only the rows. */
  envelopeBytes: number;
}

/**
 * The outbox rows from `fromId` on, in id order, as one push batch: at most `maxCount` rows and
 * `maxBytes` of request body. The first row always goes, even alone over the bound, so one large
 * row meets the server's limit (and its clear refusal) instead of stalling the queue silently.
 * Stops before any hole in the ids: the server answers a gap with 422, never a skip.
 */
export function readOutboxBatch(
  reader: KioskReader,
  fromId: number,
  limits: OutboxBatchLimits,
): Mutation[] {
  const rows = reader
    .select()
    .from(syncOutbox)
    .where(gte(syncOutbox.id, fromId))
    .orderBy(syncOutbox.id)
    .limit(limits.maxCount)
    .all();
  const batch: Mutation[] = [];
  let bytes = limits.envelopeBytes;
  for (const row of rows) {
    if (row.id !== fromId + batch.length) {
      break;
    }
    const mutation: Mutation = {
      id: row.id,
      name: row.name,
      v: row.v,
      args: JSON.parse(row.args) as unknown,
      argsHash: row.argsHash,
      hlc: row.hlc,
      wallTime: row.wallTime,
    };
    // Exactly what JSON.stringify adds for this element of the array: itself and a comma.
    const size = utf8Bytes(JSON.stringify(mutation)) + (batch.length > 0 ? 1 : 0);
    if (batch.length > 0 && bytes + size > limits.maxBytes) {
      break;
    }
    bytes += size;
    batch.push(mutation);
  }
  return batch;
}

/** Rows written here the cloud has not confirmed yet (the status's queue depth). */
export function countUnackedOutbox(reader: KioskReader): number {
  const { ackedMutationId } = readSyncProgress(reader);
  const [row] = reader
    .select({ value: count() })
    .from(syncOutbox)
    .where(gt(syncOutbox.id, ackedMutationId))
    .all();
  return row?.value ?? 0;
}

/**
 * Marks outbox rows up to `throughId` as applied by the cloud, inside the caller's transaction.
 * The acked id never moves back (a late answer may name an older id), and never past what this
 * database issued: the caller checks that first, since a cloud ahead of the database means the
 * database was restored from an older copy. Returns the acked id after the call.
 */
export function ackOutboxThrough(tx: KioskTx, throughId: number, nowMs: number): number {
  const progress = readSyncProgress(tx);
  const target = Math.min(throughId, progress.lastMutationId);
  if (target <= progress.ackedMutationId) {
    return progress.ackedMutationId;
  }
  tx.update(syncOutbox)
    .set({ ackedAt: nowMs })
    .where(and(lte(syncOutbox.id, target), isNull(syncOutbox.ackedAt)))
    .run();
  tx.update(syncDevice).set({ ackedMutationId: target }).where(eq(syncDevice.singleton, 1)).run();
  return target;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
