import { cookieNotBefore, initialCookie, type SyncCookie } from '../../src-shared/sync/cookie.js';
import type { PullOp } from '../../src-shared/sync/pull.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { readSyncProgress, saveSyncCookie } from '../db/queries/sync-device.js';
import { ackOutboxThrough } from '../db/queries/sync-outbox.js';
import type { KioskTx } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import type { CloudClient } from './cloud-client.js';
import type { CloudFailure } from './cloud-failure.js';
import { isAheadOfDatabase, logRejected } from './push-outbox.js';

/** What one committed page changed that needs work outside its transaction. */
export interface AppliedPage {
  /** New remote-open commands recorded: the runner has work. */
  remoteOpens: number;
  /** The bank settings row changed: the in-memory settings must be reloaded. */
  settingsChanged?: boolean;
}

/** Applies one page's ops to the kiosk tables (src-main/sync/apply/apply-server-ops.ts). */
export type ApplyServerOps = (
  tx: KioskTx,
  ops: readonly PullOp[],
  context: { bankId: string; nowMs: number; serverOffsetMs: number },
) => AppliedPage;

/** Re-applies still-pending local facts on top (src-main/sync/apply/rebase-pending.ts). */
export type RebasePendingMutations = (tx: KioskTx, ackedThroughId: number) => void;

export interface PullDependencies {
  db: KioskDb;
  client: CloudClient;
  clock: Clock;
  logger: Logger;
  /** The kiosk's own locker bank, whose rows the ops update. */
  bankId: string;
  appVersion: string;
  applyServerOps: ApplyServerOps;
  rebasePendingMutations: RebasePendingMutations;
}

export interface PullOptions {
  /** Long-poll wait for the first page; later pages are asked for at once. */
  waitMs: number;
  signal?: AbortSignal;
  /** Beyond the wait, how long a page may take to arrive. */
  timeoutMarginMs: number;
  /** After each committed page (remote opens to run, for one). */
  onPageCommitted?: (page: AppliedPage) => void;
}

/**
 * - complete: every page applied and the final cookie saved;
 * - failed: the request failed (the engine acts by the failure's kind);
 * - refused: a page could not be applied or would move the cookie back; nothing of it was
 *   saved, and the pull is retried later from the saved cookie;
 * - blocked: the cloud holds mutations this database never issued (restored from a copy).
 */
export type PullOutcome =
  | { kind: 'complete'; pages: number; upgradeRequired: boolean }
  | { kind: 'failed'; failure: CloudFailure }
  | { kind: 'refused'; problem: 'apply_failed' | 'cookie_backwards' }
  | { kind: 'blocked'; problem: 'mutation_gap' };

/**
 * Pulls from the saved cookie to the end, page by page (sync.md "Pull"). Each page is ONE
 * SQLite transaction: its ops, then the still-pending local facts on top, then the acks, then,
 * on the last page only, the cookie. A multi-page pull keeps the old cookie saved and carries
 * the page cookies in memory: a kiosk that dies half-way starts again from the saved cookie,
 * which is safe because puts are idempotent upserts.
 */
export async function pullAndApply(
  dependencies: PullDependencies,
  options: PullOptions,
): Promise<PullOutcome> {
  const { db, client, clock, logger } = dependencies;
  const saved = readSyncProgress(db).cookie;
  let requestCookie: SyncCookie | null = saved;
  let floor: SyncCookie = saved ?? initialCookie;
  for (let page = 1; ; page++) {
    const waitMs = page === 1 ? options.waitMs : 0;
    const answer = await client.pull(
      { cookie: requestCookie, waitMs, appVersion: dependencies.appVersion },
      {
        timeoutMs: waitMs + options.timeoutMarginMs,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    if (!answer.ok) {
      return { kind: 'failed', failure: answer.failure };
    }
    const response = answer.value;
    const serverOffsetMs = response.serverTimeMs - clock.now();
    if (!cookieNotBefore(response.cookie, floor)) {
      logger.error(
        { held: floor, offered: response.cookie, page },
        'refusing a pull page that would move the cookie back',
      );
      return { kind: 'refused', problem: 'cookie_backwards' };
    }
    if (isAheadOfDatabase(db, response.lastMutationId, logger)) {
      return { kind: 'blocked', problem: 'mutation_gap' };
    }
    let applied: AppliedPage;
    try {
      applied = db.transaction((tx) => {
        const nowMs = clock.now();
        const result = dependencies.applyServerOps(tx, response.ops, {
          bankId: dependencies.bankId,
          nowMs,
          serverOffsetMs,
        });
        // The page's data already holds the effects of every mutation up to lastMutationId.
        const ackedThrough = Math.max(
          readSyncProgress(tx).ackedMutationId,
          response.lastMutationId,
        );
        dependencies.rebasePendingMutations(tx, ackedThrough);
        ackOutboxThrough(tx, response.lastMutationId, nowMs);
        if (!response.more) {
          saveSyncCookie(tx, response.cookie);
        }
        return result;
      });
    } catch (error) {
      logger.error(
        { err: error, page, ops: response.ops.length },
        'a pull page could not be applied; nothing of it was saved',
      );
      return { kind: 'refused', problem: 'apply_failed' };
    }
    logRejected(logger, response.results);
    options.onPageCommitted?.(applied);
    if (!response.more) {
      return { kind: 'complete', pages: page, upgradeRequired: response.upgradeRequired };
    }
    floor = response.cookie;
    requestCookie = response.cookie;
  }
}
