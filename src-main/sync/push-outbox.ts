import type { MutationResult } from '../../src-shared/sync/mutation.js';
import { maxPushBytes, maxPushMutations } from '../../src-shared/sync/push.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { readSyncProgress } from '../db/queries/sync-device.js';
import { ackOutboxThrough, readOutboxBatch } from '../db/queries/sync-outbox.js';
import type { Logger } from '../logging/logger.js';
import { mutationConflictError } from '../../src-shared/sync/mutation.js';
import type { CloudClient } from './cloud-client.js';
import type { CloudFailure } from './cloud-failure.js';

export interface PushLimits {
  maxCount: number;
  maxBytes: number;
}

export const defaultPushLimits: PushLimits = {
  maxCount: maxPushMutations,
  maxBytes: maxPushBytes,
};

export interface PushDependencies {
  db: KioskDb;
  client: CloudClient;
  incarnationId: string;
  clock: Clock;
  logger: Logger;
  limits?: PushLimits;
}

/**
 * - done: the outbox was sent up to what it held when read (`pushed` rows went out);
 * - failed: a failure to act on (retry, stop, re-enrol: the engine decides by its kind);
 * - blocked: the cloud is ahead of this database: it was restored from an older copy, and
 *   pushing would reuse ids the cloud already holds with other facts. Never skipped over.
 */
export type PushOutcome =
  | { kind: 'done'; pushed: number }
  | { kind: 'failed'; failure: CloudFailure }
  | { kind: 'blocked'; problem: 'mutation_gap' };

/**
 * Sends the unacked outbox in id order, in bounded batches (sync.md "Push"), acking rows the
 * cloud confirms in one transaction each time. A 422 restarts from the id the cloud expects.
 */
export async function pushOutbox(
  dependencies: PushDependencies,
  signal?: AbortSignal,
): Promise<PushOutcome> {
  const { db, client, clock, logger } = dependencies;
  const limits = dependencies.limits ?? defaultPushLimits;
  const envelopeBytes = Buffer.byteLength(
    JSON.stringify({ incarnationId: dependencies.incarnationId, mutations: [] }),
    'utf8',
  );
  let fromId = readSyncProgress(db).ackedMutationId + 1;
  let pushed = 0;
  let previousGap: number | undefined;
  for (;;) {
    const batch = readOutboxBatch(db, fromId, { ...limits, envelopeBytes });
    const lastSent = batch.at(-1);
    if (!lastSent) {
      return { kind: 'done', pushed };
    }
    const answer = await client.push(
      { incarnationId: dependencies.incarnationId, mutations: batch },
      signal ? { signal } : {},
    );
    if (!answer.ok) {
      const { failure } = answer;
      if (failure.kind !== 'mutation_gap') {
        return { kind: 'failed', failure };
      }
      const expectedNextId = failure.expectedNextId;
      if (isAheadOfDatabase(db, expectedNextId - 1, logger)) {
        return { kind: 'blocked', problem: 'mutation_gap' };
      }
      if (expectedNextId === previousGap) {
        // Asked twice in a row for the id just sent from: resending again would loop.
        return {
          kind: 'failed',
          failure: { kind: 'temporary', problem: 'request_refused', detail: failure.detail },
        };
      }
      logger.warn(
        { expectedNextId, sentFrom: fromId },
        'the cloud expects an earlier mutation id; resending from there',
      );
      previousGap = expectedNextId;
      fromId = expectedNextId;
      continue;
    }
    const response = answer.value;
    logRejected(logger, response.results);
    if (response.results.some((result) => result.error === mutationConflictError)) {
      // The cloud holds other facts under ids this database reuses (restored from an older
      // copy): acknowledging would drop ours. Stop, keep every row, and let an admin act.
      logger.error('the cloud holds other mutations under these ids; sync stops, nothing is acked');
      return { kind: 'blocked', problem: 'mutation_gap' };
    }
    if (isAheadOfDatabase(db, response.lastMutationId, logger)) {
      return { kind: 'blocked', problem: 'mutation_gap' };
    }
    db.transaction((tx) => ackOutboxThrough(tx, response.lastMutationId, clock.now()));
    pushed += batch.length;
    if (response.lastMutationId < lastSent.id) {
      return {
        kind: 'failed',
        failure: {
          kind: 'temporary',
          problem: 'request_refused',
          detail: `the cloud applied through ${response.lastMutationId} of ${lastSent.id}`,
        },
      };
    }
    previousGap = undefined;
    fromId = response.lastMutationId + 1;
  }
}

/**
 * The cloud says it holds ids this database never issued: the database was restored from an
 * older copy (or replaced). Ids from here on would collide with facts the cloud already has,
 * so the kiosk stops pushing and raises the alarm rather than lose anything quietly.
 */
export function isAheadOfDatabase(db: KioskDb, cloudLastId: number, logger: Logger): boolean {
  const { lastMutationId } = readSyncProgress(db);
  if (cloudLastId <= lastMutationId) {
    return false;
  }
  logger.error(
    { cloudLastMutationId: cloudLastId, databaseLastMutationId: lastMutationId },
    'ALERT: the cloud holds mutations this database never issued (restored from an older copy?); sync stopped until an administrator acts',
  );
  return true;
}

export function logRejected(logger: Logger, results: readonly MutationResult[]): void {
  for (const result of results) {
    if (result.status === 'rejected') {
      logger.warn(
        { mutationId: result.id, reason: result.error },
        'the cloud committed a mutation as rejected',
      );
    }
  }
}
