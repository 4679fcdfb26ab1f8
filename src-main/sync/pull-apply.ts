import { cookieNotBefore, initialCookie, type SyncCookie } from '../../src-shared/sync/cookie.js';
import type { PullOp } from '../../src-shared/sync/pull.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { refreshPendingServerOffsets } from '../db/queries/remote-commands.js';
import { readSyncProgress, saveSyncCookie } from '../db/queries/sync-device.js';
import { ackOutboxThrough } from '../db/queries/sync-outbox.js';
import type { KioskTx } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import type { ApplyPageContext } from './apply/apply-server-ops.js';
import type { SkippedOp } from './apply/server-op-error.js';
import { SnapshotSweep } from './apply/snapshot-sweep.js';
import type { CloudClient } from './cloud-client.js';
import type { CloudFailure } from './cloud-failure.js';
import { isAheadOfDatabase, logRejected } from './push-outbox.js';

/** What one committed page changed that needs work outside its transaction. */
export interface AppliedPage {
  /** New remote-open commands recorded: the runner has work. */
  remoteOpens: number;
  /** The bank settings row changed: the in-memory settings must be reloaded. */
  settingsChanged?: boolean;
  /** Ops left out because they were at fault themselves (logged, the rest applied). */
  skipped?: readonly SkippedOp[];
}

/** Applies one page's ops to the kiosk tables (src-main/sync/apply/apply-server-ops.ts). */
export type ApplyServerOps = (
  tx: KioskTx,
  ops: readonly PullOp[],
  context: ApplyPageContext,
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
 * which is safe because puts are idempotent upserts. A `clear` snapshot retires the rows it
 * did not list only with its last page, for the same reason.
 *
 * A first page that starts with `clear` is an explicit reset (the cloud restored from a backup
 * answers a cookie ahead of its counters that way): its cookie may be lower than the saved one
 * and is accepted (sync.md invariant 5). Anywhere else a lower cookie is refused.
 */
export async function pullAndApply(
  dependencies: PullDependencies,
  options: PullOptions,
): Promise<PullOutcome> {
  const { db, client, clock, logger } = dependencies;
  const saved = readSyncProgress(db).cookie;
  let requestCookie: SyncCookie | null = saved;
  let floor: SyncCookie = saved ?? initialCookie;
  const snapshot = new SnapshotSweep();
  let reset = false;
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
    if (page === 1) {
      reset = response.ops[0]?.op === 'clear';
    }
    if (!(page === 1 && reset) && !cookieNotBefore(response.cookie, floor)) {
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
          snapshot,
          lastPage: !response.more,
        });
        // Commands waiting from an earlier pull (or an earlier process) judge their expiry
        // with the offset measured now, not one the wall clock may have stepped away from.
        refreshPendingServerOffsets(tx, serverOffsetMs);
        // The page's data already holds the effects of every mutation up to lastMutationId.
        const ackedThrough = Math.max(
          readSyncProgress(tx).ackedMutationId,
          response.lastMutationId,
        );
        dependencies.rebasePendingMutations(tx, ackedThrough);
        ackOutboxThrough(tx, response.lastMutationId, nowMs);
        if (!response.more) {
          saveSyncCookie(tx, response.cookie, { reset });
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
    for (const skipped of applied.skipped ?? []) {
      logger.warn({ ...skipped, page }, 'a pulled op was skipped; the rest of its page applied');
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
