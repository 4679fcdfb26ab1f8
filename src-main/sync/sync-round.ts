import type { SyncProblem } from '../../src-shared/api/sync-methods.js';
import type { CloudFailure } from './cloud-failure.js';
import { pullAndApply, type AppliedPage, type PullDependencies } from './pull-apply.js';
import { pushOutbox, type PushDependencies } from './push-outbox.js';

/**
 * How one round ended, sorted by what the engine does next:
 * - synced: everything pending went up and the pull completed (reset the backoff);
 * - interrupted: a nudge ended the long-poll to push new rows (go round again at once);
 * - stopped: the engine is stopping;
 * - retry: a temporary problem (back off, then retry);
 * - revoked / blocked: stop until a person acts (new enrolment code / an admin).
 */
export type RoundOutcome =
  | { kind: 'synced'; upgradeRequired: boolean }
  | { kind: 'interrupted' }
  | { kind: 'stopped' }
  | { kind: 'retry'; problem: SyncProblem }
  | { kind: 'revoked'; problem: 'credential_revoked' | 'unauthorized' }
  | { kind: 'blocked'; problem: 'mutation_gap' | 'unknown_incarnation' };

export interface RoundOptions {
  push: PushDependencies;
  pull: PullDependencies;
  /** Stops everything: push, pull, the long-poll. */
  stopSignal: AbortSignal;
  /** The long-poll wait, or 0 to ask and come back at once. */
  waitFor: (pushed: number) => number;
  timeoutMarginMs: number;
  /** A nudge aborts the returned controller while the round long-polls. */
  onLongPoll: (poll: AbortController | undefined) => void;
  onPageCommitted: (page: AppliedPage) => void;
}

/** One sync round (sync.md): push everything pending, then pull. */
export async function runSyncRound(options: RoundOptions): Promise<RoundOutcome> {
  const { stopSignal } = options;
  const push = await pushOutbox(options.push, stopSignal);
  if (push.kind === 'failed') {
    return outcomeOfFailure(push.failure, stopSignal);
  }
  if (push.kind === 'blocked') {
    return { kind: 'blocked', problem: push.problem };
  }
  if (stopSignal.aborted) {
    return { kind: 'stopped' };
  }
  const waitMs = options.waitFor(push.pushed);
  const poll = new AbortController();
  const stopPoll = (): void => {
    poll.abort();
  };
  stopSignal.addEventListener('abort', stopPoll, { once: true });
  options.onLongPoll(waitMs > 0 ? poll : undefined);
  try {
    const pull = await pullAndApply(options.pull, {
      waitMs,
      signal: poll.signal,
      timeoutMarginMs: options.timeoutMarginMs,
      onPageCommitted: (page) => {
        // Only the first page waits: later pages are not worth cutting short.
        options.onLongPoll(undefined);
        options.onPageCommitted(page);
      },
    });
    switch (pull.kind) {
      case 'complete':
        return { kind: 'synced', upgradeRequired: pull.upgradeRequired };
      case 'failed':
        return outcomeOfFailure(pull.failure, stopSignal);
      case 'refused':
        return { kind: 'retry', problem: pull.problem };
      case 'blocked':
        return { kind: 'blocked', problem: pull.problem };
    }
  } finally {
    options.onLongPoll(undefined);
    stopSignal.removeEventListener('abort', stopPoll);
  }
}

function outcomeOfFailure(failure: CloudFailure, stopSignal: AbortSignal): RoundOutcome {
  switch (failure.kind) {
    case 'aborted':
      return stopSignal.aborted ? { kind: 'stopped' } : { kind: 'interrupted' };
    case 'temporary':
      return { kind: 'retry', problem: failure.problem };
    case 'revoked':
      return { kind: 'revoked', problem: failure.problem };
    case 'unknown_incarnation':
      return { kind: 'blocked', problem: 'unknown_incarnation' };
    case 'mutation_gap':
    case 'enrolment_code_invalid':
      // Not answers these routes give; treated as a refusal worth retrying, not a stop.
      return { kind: 'retry', problem: 'request_refused' };
  }
}
