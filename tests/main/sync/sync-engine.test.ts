import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-shared/api/sync-methods.js';
import type { PullRequest } from '../../../src-shared/sync/pull.js';
import { renameOp, syncHarness, type SyncHarness } from './sync-harness.js';
import { until } from './settle.js';

const busy = {
  kind: 'status',
  status: 503,
  body: { error: 'temporarily_unavailable', message: 'busy' },
} as const;

describe('the sync engine', () => {
  let harness: SyncHarness;

  beforeEach(() => {
    harness = syncHarness();
    harness.enrolled();
  });

  afterEach(async () => {
    await harness.close();
  });

  const lastPullWait = (): number | undefined =>
    (harness.cloud.requestsTo('pull').at(-1)?.body as PullRequest | undefined)?.waitMs;

  it('goes online after its first round, saving when it synced, and tells only changes', async () => {
    harness.writeFacts(2);
    const engine = harness.engine();
    const events: SyncStatus[] = [];
    engine.onStatusChanged((status) => events.push(status));
    expect(engine.status()).toEqual({
      state: 'offline',
      lastSyncAt: null,
      queueDepth: 2,
      problem: null,
    });

    engine.start();
    await until(() => engine.status().state === 'online');

    const syncedAt = harness.clock.now();
    expect(engine.status()).toEqual({
      state: 'online',
      lastSyncAt: syncedAt,
      queueDepth: 0,
      problem: null,
    });
    expect(events).toEqual([
      { state: 'offline', lastSyncAt: null, queueDepth: 0, problem: null },
      { state: 'online', lastSyncAt: syncedAt, queueDepth: 0, problem: null },
    ]);
    expect(harness.progress().lastSyncAt).toBe(syncedAt);
    expect(harness.cloud.appliedIds).toEqual([1, 2]);
  });

  it('counts unacked rows while the cloud is down, and drains them once it is back', async () => {
    harness.cloud.failAlways('push', busy);
    harness.cloud.failAlways('pull', busy);
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().problem === 'temporarily_unavailable');
    expect(engine.status().state).toBe('offline');

    harness.writeFacts(3);
    await harness.clock.advance(1_000);
    await until(() => engine.status().queueDepth === 3, 'a queue depth of 3');
    expect(engine.status()).toMatchObject({ state: 'offline', lastSyncAt: null });

    harness.cloud.heal();
    for (let step = 0; step < 20 && engine.status().state !== 'online'; step++) {
      await harness.clock.advance(5_000);
      await until(() => true);
    }
    expect(engine.status()).toMatchObject({ state: 'online', queueDepth: 0, problem: null });
    expect(harness.cloud.appliedIds).toEqual([1, 2, 3]);
  });

  it('backs off exponentially up to the cap, and starts again from the base after a success', async () => {
    const delays: number[] = [];
    harness.cloud.failAlways('pull', { kind: 'network' });
    const engine = harness.engine({ onRetryScheduled: (delayMs) => delays.push(delayMs) });
    engine.start();

    for (let retry = 0; retry < 9; retry++) {
      await until(() => delays.length > retry, `retry ${retry}`);
      await harness.clock.advance(delays[retry] ?? 0);
    }
    // random() = 0.5 of min(60 s, 1 s · 2^n).
    expect(delays.slice(0, 9)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(engine.status()).toMatchObject({ state: 'offline', problem: 'network' });

    harness.cloud.heal();
    await until(() => delays.length === 10, 'the tenth retry');
    await harness.clock.advance(delays[9] ?? 0);
    await until(() => engine.status().state === 'online', 'back online');
    // The next failure starts from the base again.
    harness.cloud.failAlways('pull', { kind: 'network' });
    await harness.clock.advance(25_000);
    await until(() => delays.length === 11, 'the first retry after the success');
    expect(delays[10]).toBe(500);
  });

  it('jitters every delay below its ceiling with the injected random source', async () => {
    const delays: number[] = [];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    harness.cloud.failAlways('pull', { kind: 'timeout' });
    const engine = harness.engine({ random, onRetryScheduled: (delayMs) => delays.push(delayMs) });
    engine.start();

    for (let retry = 0; retry < 10; retry++) {
      await until(() => delays.length > retry, `retry ${retry}`);
      await harness.clock.advance(delays[retry] ?? 0);
    }
    delays.slice(0, 10).forEach((delay, attempt) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(60_000, 1_000 * 2 ** attempt));
    });
    expect(new Set(delays).size).toBe(delays.length);
    expect(engine.status().problem).toBe('timeout');
  });

  it('long-polls when idle; new outbox rows end the wait within a second', async () => {
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().state === 'online');
    await until(() => lastPullWait() === 25_000, 'a long-poll');

    harness.writeFacts(1);
    await harness.clock.advance(1_000);
    await until(() => harness.cloud.appliedIds.length === 1, 'the push');

    expect(harness.cloud.abortedPulls).toBe(1);
    expect(harness.cloud.pushedBatches()).toEqual([[1]]);
    await until(() => engine.status().queueDepth === 0);
  });

  it('applies news the cloud publishes during a long-poll at once', async () => {
    const engine = harness.engine();
    engine.start();
    await until(() => lastPullWait() === 25_000, 'a long-poll');

    harness.cloud.publish(renameOp('Atrium'));
    await until(() => harness.bankName() === 'Atrium', 'the rename');
    expect(harness.progress().cookie).toEqual({ bank: 1, tenant: 0 });
  });

  it('stops for good on an unknown incarnation: blocked, and no more pushes', async () => {
    harness.cloud.incarnationId = 'another-database';
    harness.writeFacts(1);
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().state === 'blocked');

    expect(engine.status()).toMatchObject({ problem: 'unknown_incarnation', queueDepth: 1 });
    await harness.clock.advance(10 * 60_000);
    harness.writeFacts(1);
    await harness.clock.advance(10 * 60_000);
    expect(harness.cloud.requestsTo('push')).toHaveLength(1);
    expect(harness.cloud.requestsTo('pull')).toHaveLength(0);
    await until(() => engine.status().queueDepth === 2);
  });

  it('stops when the credential is revoked', async () => {
    harness.cloud.revoked = true;
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().state === 'revoked');

    expect(engine.status().problem).toBe('credential_revoked');
    await harness.clock.advance(10 * 60_000);
    expect(harness.cloud.requests).toHaveLength(1);
  });

  it('re-enrols with a new code after a revocation', async () => {
    harness.cloud.revoked = true;
    harness.cloud.validCodes.add('ABCD-EFGH-JKLM-NPQR');
    const engine = harness.engine({ enrolmentCode: 'abcd-efgh-jklm-npqr' });
    engine.start();
    await until(() => engine.status().state === 'online');

    expect(harness.cloud.requests.slice(0, 3).map((request) => request.route)).toEqual([
      'pull',
      'enrol',
      'pull',
    ]);
    expect(harness.cloud.requests[1]?.authorization).toBeUndefined();
  });

  it('stop cancels the long-poll in flight and leaves no timer behind', async () => {
    const engine = harness.engine();
    engine.start();
    await until(() => lastPullWait() === 25_000, 'a long-poll');

    await engine.stop();

    expect(harness.cloud.abortedPulls).toBe(1);
    expect(harness.clock.pendingTimers).toBe(0);
  });

  it('runs waiting commands only once a page of this process refreshed their offset, then after pages that bring some', async () => {
    let runs = 0;
    const delays: number[] = [];
    // The cloud cannot be reached at start: commands from an earlier run must wait, since
    // their stored offset may no longer match the wall clock.
    harness.cloud.fail('pull', { kind: 'network' });
    const engine = harness.engine({
      onRetryScheduled: (delayMs) => delays.push(delayMs),
      remoteCommands: {
        runPending: () => {
          runs += 1;
          return Promise.resolve();
        },
      },
    });
    engine.start();
    await until(() => delays.length === 1, 'the first retry');
    expect(runs).toBe(0);

    await harness.clock.advance(delays[0] ?? 0);
    await until(() => lastPullWait() === 25_000, 'a long-poll');
    expect(runs).toBe(1);

    harness.cloud.publish({
      op: 'put',
      kind: 'remote_open',
      id: 'command-1',
      value: { compartmentId: 'c-1', expiresAt: 0, requestedBy: 'admin', reason: 'test' },
    });
    await until(() => runs === 2, 'the second run');
    // A page that brings none runs nothing more.
    harness.cloud.publish(renameOp('Atrium'));
    await until(() => harness.bankName() === 'Atrium', 'the rename');
    expect(runs).toBe(2);
  });

  it('retries a page it could not apply, saying so in the status', async () => {
    harness.cloud.publish(renameOp('Never', 'explode'));
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().problem === 'apply_failed');

    expect(engine.status().state).toBe('offline');
    expect(harness.progress().cookie).toBeNull();
  });

  it('stays online but says so when the cloud asks for a newer kiosk', async () => {
    harness.cloud.upgradeRequired = true;
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().state === 'online');

    expect(engine.status().problem).toBe('upgrade_required');
  });
});
