import type { PullRequest, PullResponse } from '../../src-shared/sync/pull.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { DeviceIdentity } from '../auth/device-auth.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { buildPull, type PullOptions } from './build-pull.js';
import type { VersionWatch } from './version-watch.js';

export interface PullWithWaitDeps {
  db: CloudDb;
  clock: Clock;
  watch: VersionWatch;
  options?: PullOptions;
}

/** Anything the bank should save or apply now: ops, a moved cookie, more pages, an upgrade. */
function hasNews(response: PullResponse, request: PullRequest): boolean {
  return (
    response.ops.length > 0 ||
    response.more ||
    response.upgradeRequired ||
    request.cookie === null ||
    response.cookie.bank !== request.cookie.bank ||
    response.cookie.tenant !== request.cookie.tenant
  );
}

/**
 * A pull that may wait (long-poll): with nothing newer and `waitMs` > 0 it holds the request
 * until the bank's or tenant's version moves, the wait ends, or the client goes away. It
 * subscribes before reading, so a bump committed between the read and the wait is not missed.
 * Nothing is held in the database while waiting.
 */
export async function pullWithWait(
  deps: PullWithWaitDeps,
  device: DeviceIdentity,
  request: PullRequest,
  signal?: AbortSignal,
): Promise<PullResponse> {
  const { db, clock, watch, options } = deps;
  if (request.waitMs <= 0) {
    return buildPull(db, device, request, clock.now(), options);
  }
  const subscription = watch.subscribe(device);
  try {
    const first = await buildPull(db, device, request, clock.now(), options);
    if (hasNews(first, request) || signal?.aborted === true) {
      return first;
    }
    const woke = await waitFor(subscription.changed, request.waitMs, clock, signal);
    if (!woke) {
      return { ...first, serverTimeMs: clock.now() };
    }
    return await buildPull(db, device, request, clock.now(), options);
  } finally {
    subscription.cancel();
  }
}

/** True when `changed` came first; false on the timeout or an abort. */
function waitFor(
  changed: Promise<void>,
  waitMs: number,
  clock: Clock,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (woke: boolean) => {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(woke);
    };
    const onAbort = () => finish(false);
    const timer = clock.setTimeout(() => finish(false), waitMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    void changed.then(() => finish(true));
  });
}
