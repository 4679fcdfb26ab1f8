import type { AxiosAdapter } from 'axios';
import type { SyncProblem, SyncStatus } from '../../src-shared/api/sync-methods.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { readSyncProgress, saveLastSyncAt, type SyncIdentity } from '../db/queries/sync-device.js';
import { countUnackedOutbox } from '../db/queries/sync-outbox.js';
import type { Logger } from '../logging/logger.js';
import { createCloudClient, defaultCloudTimeoutMs, type CloudClient } from './cloud-client.js';
import {
  isCredentialFor,
  loadCloudCredential,
  type CloudCredential,
} from './cloud-credential-home.js';
import { enrolKiosk } from './enrol-kiosk.js';
import { watchOutbox, type OutboxWatch } from './outbox-watch.js';
import type { AppliedPage, ApplyServerOps, RebasePendingMutations } from './pull-apply.js';
import type { PushLimits } from './push-outbox.js';
import { backoffDelayMs, syncBackoff, type BackoffPolicy } from './retry-backoff.js';
import { runSyncRound, type RoundOutcome } from './sync-round.js';
import { SyncStatusTracker } from './sync-status-tracker.js';
import { waitOnClock } from './wait-on-clock.js';

export interface SyncTiming {
  /** How long a pull may wait for news when there was nothing to push (long-poll). */
  longPollMs: number;
  /** Push and enrolment timeout, and the margin above a pull's wait. */
  requestTimeoutMs: number;
  /** How often the outbox position is checked for new rows to push. */
  outboxPollMs: number;
  backoff: BackoffPolicy;
}

export const defaultSyncTiming: SyncTiming = {
  longPollMs: 25_000,
  requestTimeoutMs: defaultCloudTimeoutMs,
  outboxPollMs: 1_000,
  backoff: syncBackoff,
};

/** What runs remote-open commands (src-main/sync/remote-commands/remote-command-runner.ts). */
export interface RemoteCommands {
  runPending(): Promise<void>;
}

export interface SyncEngineDependencies {
  db: KioskDb;
  /** Where `secrets/cloud-credential.json` lives. */
  dataDir: string;
  cloudUrl: string;
  /** A one-time code, used when there is no credential for this cloud yet (or it was revoked). */
  enrolmentCode?: string | undefined;
  identity: SyncIdentity;
  /** The kiosk's own locker bank, whose rows pulled ops update. */
  bankId: string;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  /** Jitter source for the backoff (seeded in tests). */
  random: () => number;
  /** For tests and the chaos suite: a fake or faulty network. */
  adapter?: AxiosAdapter | undefined;
  applyServerOps: ApplyServerOps;
  rebasePendingMutations: RebasePendingMutations;
  remoteCommands?: RemoteCommands | undefined;
  /** After each committed pull page (the settings service reloads when settings changed). */
  afterPage?: (page: AppliedPage) => void;
  timing?: Partial<SyncTiming>;
  pushLimits?: PushLimits;
  /** Told each backoff delay before it is waited (tests, metrics). */
  onRetryScheduled?: (delayMs: number, problem: SyncProblem) => void;
}

export interface SyncEngine {
  start(): void;
  /** Cancels any request in flight (the long-poll included) and waits for the loop to end. */
  stop(): Promise<void>;
  /** New outbox rows: push them now rather than after the long-poll. */
  nudge(): void;
  status(): SyncStatus;
  onStatusChanged(listener: (status: SyncStatus) => void): () => void;
}

/**
 * The kiosk's sync client (sync.md): enrols once with the code it was given, then loops
 * rounds of push-then-pull, long-polling when idle, backing off with full jitter on failures,
 * stopping for good (until a restart) on a revoked credential or a disagreement only an admin
 * can settle. The kiosk works the same whatever the state: sync only carries facts and data.
 */
export function createSyncEngine(dependencies: SyncEngineDependencies): SyncEngine {
  const { db, clock, logger } = dependencies;
  const timing = { ...defaultSyncTiming, ...dependencies.timing };
  const tracker = new SyncStatusTracker({
    state: 'offline',
    lastSyncAt: readSyncProgress(db).lastSyncAt,
    queueDepth: countUnackedOutbox(db),
    problem: null,
  });
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  let watch: OutboxWatch | undefined;
  let longPoll: AbortController | undefined;
  let nudged = false;
  let enrolmentCodeTried = false;
  let remoteRun: Promise<void> = Promise.resolve();
  // Commands recorded before this process started wait for a page of this process: its
  // transaction gives them a fresh server offset (the wall clock may have stepped meanwhile).
  let offsetFresh = false;

  const refreshQueueDepth = (): void => {
    tracker.update({ queueDepth: countUnackedOutbox(db) });
  };

  const nudge = (): void => {
    nudged = true;
    longPoll?.abort();
  };

  // Chained so two pages' remote opens never run side by side.
  const runRemoteCommands = (): void => {
    const runner = dependencies.remoteCommands;
    if (!runner) {
      return;
    }
    remoteRun = remoteRun
      .then(() => runner.runPending())
      .catch((error: unknown) => {
        logger.error({ err: error }, 'running remote commands failed');
      });
  };

  const clientFor = (credential?: CloudCredential): CloudClient =>
    createCloudClient({
      cloudUrl: dependencies.cloudUrl,
      timeoutMs: timing.requestTimeoutMs,
      ...(credential ? { credential: credential.credential } : {}),
      ...(dependencies.adapter ? { adapter: dependencies.adapter } : {}),
    });

  async function backOff(attempt: number, problem: SyncProblem): Promise<void> {
    const delayMs = backoffDelayMs(attempt, dependencies.random, timing.backoff);
    dependencies.onRetryScheduled?.(delayMs, problem);
    logger.warn({ problem, attempt, delayMs }, 'sync failed; retrying after a pause');
    await waitOnClock(clock, delayMs, stopping.signal);
  }

  /** Exchanges the code for a credential, retrying temporary failures; undefined if refused. */
  async function enrolWithCode(code: string): Promise<CloudCredential | undefined> {
    enrolmentCodeTried = true;
    const client = clientFor();
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      const outcome = await enrolKiosk(
        {
          client,
          dataDir: dependencies.dataDir,
          cloudUrl: dependencies.cloudUrl,
          identity: dependencies.identity,
          appVersion: dependencies.appVersion,
          logger,
        },
        code,
        stopping.signal,
      );
      if (outcome.kind === 'enrolled') {
        return outcome.credential;
      }
      if (outcome.kind === 'refused' || outcome.failure.kind === 'aborted') {
        return undefined;
      }
      const problem =
        outcome.failure.kind === 'temporary' ? outcome.failure.problem : 'request_refused';
      tracker.update({ problem });
      await backOff(attempt, problem);
    }
    return undefined;
  }

  async function savedOrNewCredential(): Promise<CloudCredential | undefined> {
    let saved: CloudCredential | undefined;
    try {
      saved = loadCloudCredential(dependencies.dataDir);
    } catch (error) {
      logger.error({ err: error }, 'the saved cloud credential cannot be read');
      tracker.update({ state: 'not_enrolled', problem: 'kiosk_error' });
      return undefined;
    }
    if (saved && isCredentialFor(saved, dependencies.cloudUrl)) {
      return saved;
    }
    if (saved) {
      logger.warn('the saved cloud credential is for another cloud address; enrolling anew');
    }
    tracker.update({ state: 'not_enrolled', problem: null });
    if (!dependencies.enrolmentCode) {
      logger.info('no cloud credential and no enrolment code: the kiosk works offline');
      return undefined;
    }
    const enrolled = await enrolWithCode(dependencies.enrolmentCode);
    if (!enrolled && !stopping.signal.aborted) {
      tracker.update({ state: 'not_enrolled', problem: 'enrolment_code_invalid' });
    }
    return enrolled;
  }

  async function safeRound(client: CloudClient, quick: boolean): Promise<RoundOutcome> {
    try {
      return await runSyncRound({
        push: {
          db,
          client,
          incarnationId: dependencies.identity.incarnationId,
          clock,
          logger,
          ...(dependencies.pushLimits ? { limits: dependencies.pushLimits } : {}),
        },
        pull: {
          db,
          client,
          clock,
          logger,
          bankId: dependencies.bankId,
          appVersion: dependencies.appVersion,
          applyServerOps: dependencies.applyServerOps,
          rebasePendingMutations: dependencies.rebasePendingMutations,
        },
        stopSignal: stopping.signal,
        waitFor: (pushed) => {
          // Right after a push, a nudge, a start or a failure the pull only fetches (so the
          // status says online as soon as it is); otherwise it waits for news.
          const wait = quick || pushed > 0 || nudged ? 0 : timing.longPollMs;
          nudged = false;
          return wait;
        },
        timeoutMarginMs: timing.requestTimeoutMs,
        onLongPoll: (poll) => {
          longPoll = poll;
        },
        onPageCommitted: (page) => {
          if (page.remoteOpens > 0 || !offsetFresh) {
            offsetFresh = true;
            runRemoteCommands();
          }
          try {
            dependencies.afterPage?.(page);
          } catch (error) {
            logger.error({ err: error }, 'reacting to an applied pull page failed');
          }
        },
      });
    } catch (error) {
      logger.error({ err: error }, 'a sync round failed on the kiosk');
      return { kind: 'retry', problem: 'kiosk_error' };
    } finally {
      refreshQueueDepth();
    }
  }

  async function run(): Promise<void> {
    let credential = await savedOrNewCredential();
    if (!credential) {
      return;
    }
    let client = clientFor(credential);
    let attempt = 0;
    let quick = true;
    while (!stopping.signal.aborted) {
      const outcome = await safeRound(client, quick);
      quick = outcome.kind !== 'synced' && outcome.kind !== 'interrupted';
      switch (outcome.kind) {
        case 'synced': {
          const nowMs = clock.now();
          saveLastSyncAt(db, nowMs);
          tracker.update({
            state: 'online',
            lastSyncAt: nowMs,
            problem: outcome.upgradeRequired ? 'upgrade_required' : null,
          });
          attempt = 0;
          break;
        }
        case 'interrupted':
        case 'stopped':
          break;
        case 'retry':
          tracker.update({ state: 'offline', problem: outcome.problem });
          await backOff(attempt, outcome.problem);
          attempt += 1;
          break;
        case 'revoked': {
          logger.error({ problem: outcome.problem }, 'the cloud refused this kiosk credential');
          const code = dependencies.enrolmentCode;
          const renewed = code && !enrolmentCodeTried ? await enrolWithCode(code) : undefined;
          if (!renewed) {
            tracker.update({ state: 'revoked', problem: outcome.problem });
            return;
          }
          credential = renewed;
          client = clientFor(credential);
          break;
        }
        case 'blocked':
          logger.error({ problem: outcome.problem }, 'sync stopped until an administrator acts');
          tracker.update({ state: 'blocked', problem: outcome.problem });
          return;
      }
    }
  }

  return {
    start: () => {
      if (running || stopping.signal.aborted) {
        return;
      }
      watch = watchOutbox({
        db,
        clock,
        logger,
        intervalMs: timing.outboxPollMs,
        onNewRows: () => {
          refreshQueueDepth();
          nudge();
        },
      });
      running = run().catch((error: unknown) => {
        logger.error({ err: error }, 'the sync loop ended on an error');
        tracker.update({ state: 'offline', problem: 'kiosk_error' });
      });
    },
    stop: async () => {
      stopping.abort();
      watch?.stop();
      await running;
      await remoteRun;
    },
    nudge,
    status: () => tracker.current(),
    onStatusChanged: (listener) => tracker.onChange(listener),
  };
}
