import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ackOutboxThrough } from '../../../src-main/db/queries/sync-outbox.js';
import { pushOutbox, type PushLimits } from '../../../src-main/sync/push-outbox.js';
import { syncHarness, type SyncHarness } from './sync-harness.js';

describe('pushing the outbox', () => {
  let harness: SyncHarness;

  beforeEach(() => {
    harness = syncHarness();
    harness.enrolled();
  });

  afterEach(async () => {
    await harness.close();
  });

  const push = (limits?: PushLimits) =>
    pushOutbox({
      db: harness.database.db,
      client: harness.client(),
      incarnationId: harness.identity.incarnationId,
      clock: harness.clock,
      logger: harness.logger,
      ...(limits ? { limits } : {}),
    });

  it('sends the outbox in id order in batches bounded by count, and acks what was applied', async () => {
    harness.writeFacts(7);

    const outcome = await push({ maxCount: 3, maxBytes: 4 * 1024 * 1024 });

    expect(outcome).toEqual({ kind: 'done', pushed: 7 });
    expect(harness.cloud.pushedBatches()).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(harness.cloud.appliedIds).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(harness.progress().ackedMutationId).toBe(7);
    expect(harness.ackedAt().every((ackedAt) => ackedAt === harness.clock.now())).toBe(true);
  });

  it('keeps every request body within the byte bound', async () => {
    harness.writeFacts(9);
    const maxBytes = 1_500;

    await push({ maxCount: 1000, maxBytes });

    const pushes = harness.cloud.requestsTo('push');
    expect(pushes.length).toBeGreaterThan(2);
    for (const request of pushes) {
      expect(request.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(harness.cloud.pushedBatches().flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('acks only up to the id the cloud says it applied', async () => {
    harness.writeFacts(5);
    harness.cloud.fail('push', { kind: 'partial', count: 2 });

    const outcome = await push();

    expect(outcome.kind).toBe('failed');
    expect(harness.progress().ackedMutationId).toBe(2);
    expect(harness.ackedAt().map((ackedAt) => ackedAt !== null)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('replays a batch whose answer was lost: the cloud skips the duplicates, nothing is acked twice', async () => {
    harness.writeFacts(3);
    harness.cloud.fail('push', { kind: 'drop_response' });

    const lost = await push();
    expect(lost).toMatchObject({
      kind: 'failed',
      failure: { kind: 'temporary', problem: 'network' },
    });
    expect(harness.progress().ackedMutationId).toBe(0);
    expect(harness.cloud.lastMutationId).toBe(3);

    await harness.clock.advance(5_000);
    const ackTime = harness.clock.now();
    expect(await push()).toEqual({ kind: 'done', pushed: 3 });
    expect(harness.cloud.pushedBatches()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(harness.cloud.appliedIds).toEqual([1, 2, 3]);
    expect(harness.cloud.hashAlarms).toBe(0);
    expect(harness.ackedAt()).toEqual([ackTime, ackTime, ackTime]);

    // A late answer naming the same ids changes nothing: an ack is recorded once.
    await harness.clock.advance(5_000);
    harness.database.db.transaction((tx) => ackOutboxThrough(tx, 3, harness.clock.now()));
    harness.database.db.transaction((tx) => ackOutboxThrough(tx, 1, harness.clock.now()));
    expect(harness.ackedAt()).toEqual([ackTime, ackTime, ackTime]);
    expect(harness.progress().ackedMutationId).toBe(3);
    expect(await push()).toEqual({ kind: 'done', pushed: 0 });
    expect(harness.cloud.requestsTo('push')).toHaveLength(2);
  });

  it('resends from the id the cloud expects after a 422 (a cloud restored from an older copy)', async () => {
    harness.writeFacts(5);
    await push();
    // The cloud lost mutations 3..5 (restored); the kiosk has them acked already.
    harness.cloud.lastMutationId = 2;
    harness.writeFacts(2);

    const outcome = await push();

    expect(outcome).toEqual({ kind: 'done', pushed: 5 });
    expect(harness.cloud.pushedBatches().slice(1)).toEqual([
      [6, 7],
      [3, 4, 5, 6, 7],
    ]);
    expect(harness.cloud.lastMutationId).toBe(7);
    expect(harness.progress().ackedMutationId).toBe(7);
  });

  it('stops, never skipping ids, when the cloud expects an id this database never issued', async () => {
    harness.writeFacts(3);
    harness.cloud.fail('push', {
      kind: 'status',
      status: 422,
      body: { error: 'mutation_gap', message: 'gap', expectedNextId: 20 },
    });

    expect(await push()).toEqual({ kind: 'blocked', problem: 'mutation_gap' });
    expect(harness.progress().ackedMutationId).toBe(0);
    expect(harness.cloud.requestsTo('push')).toHaveLength(1);
  });

  it('stops when the cloud already holds more ids than this database issued', async () => {
    harness.writeFacts(3);
    harness.cloud.lastMutationId = 10;

    expect(await push()).toEqual({ kind: 'blocked', problem: 'mutation_gap' });
    expect(harness.progress().ackedMutationId).toBe(0);
  });

  it('reports an unknown incarnation and a revoked credential as such', async () => {
    harness.writeFacts(1);
    harness.cloud.incarnationId = 'another-incarnation';
    expect(await push()).toMatchObject({
      kind: 'failed',
      failure: { kind: 'unknown_incarnation' },
    });

    harness.cloud.incarnationId = harness.identity.incarnationId;
    harness.cloud.revoked = true;
    expect(await push()).toMatchObject({
      kind: 'failed',
      failure: { kind: 'revoked', problem: 'credential_revoked' },
    });
    expect(harness.progress().ackedMutationId).toBe(0);
  });
});
