import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSyncCookie } from '../../../src-main/db/queries/sync-device.js';
import { countUnackedOutbox } from '../../../src-main/db/queries/sync-outbox.js';
import { pullAndApply, type PullOptions } from '../../../src-main/sync/pull-apply.js';
import type { SyncCookie } from '../../../src-shared/sync/cookie.js';
import type { PullRequest, PullResponse } from '../../../src-shared/sync/pull.js';
import { renameOp, syncHarness, type SyncHarness } from './sync-harness.js';

describe('pulling and applying', () => {
  let harness: SyncHarness;

  beforeEach(() => {
    harness = syncHarness();
    harness.enrolled();
  });

  afterEach(async () => {
    await harness.close();
  });

  const pull = (options: Partial<PullOptions> = {}) =>
    pullAndApply(
      {
        db: harness.database.db,
        client: harness.client(),
        clock: harness.clock,
        logger: harness.logger,
        bankId: 'bank-1',
        appVersion: '0.1.0',
        applyServerOps: harness.applier.apply,
        rebasePendingMutations: harness.applier.rebase,
      },
      { waitMs: 0, timeoutMarginMs: 30_000, ...options },
    );

  const requestedCookies = (): (SyncCookie | null)[] =>
    harness.cloud.requestsTo('pull').map((request) => (request.body as PullRequest).cookie);

  it('applies a page and saves its cookie in the same transaction', async () => {
    harness.cloud.publish(renameOp('Atrium'));

    const outcome = await pull();

    expect(outcome).toEqual({ kind: 'complete', pages: 1, upgradeRequired: false });
    expect(harness.bankName()).toBe('Atrium');
    expect(harness.progress().cookie).toEqual({ bank: 1, tenant: 0 });
    expect(requestedCookies()).toEqual([null]);
  });

  it('saves neither data nor cookie when applying the page throws', async () => {
    harness.writeFacts(2);
    harness.cloud.lastMutationId = 2;
    harness.cloud.publish(renameOp('Atrium'), renameOp('Never', 'explode'));

    const outcome = await pull();

    expect(outcome).toEqual({ kind: 'refused', problem: 'apply_failed' });
    expect(harness.bankName()).toBe('Lobby');
    expect(harness.progress().cookie).toBeNull();
    // The acks of the page went with it.
    expect(harness.progress().ackedMutationId).toBe(0);
  });

  it('saves the cookie of a multi-page pull only with its last page', async () => {
    harness.cloud.pageSize = 1;
    harness.cloud.publish(renameOp('One'));
    harness.cloud.publish(renameOp('Two'), renameOp('Boom', 'explode'));
    harness.cloud.publish(renameOp('Three'));

    // Page 2 fails: page 1 is committed (puts are idempotent) but the saved cookie stays.
    expect(await pull()).toEqual({ kind: 'refused', problem: 'apply_failed' });
    expect(harness.bankName()).toBe('One');
    expect(harness.progress().cookie).toBeNull();
    expect(requestedCookies()).toEqual([null, { bank: 1, tenant: 0 }]);
  });

  it('walks every page and keeps the cookie in memory until the end', async () => {
    harness.cloud.pageSize = 1;
    harness.cloud.publish(renameOp('One'));
    harness.cloud.publish(renameOp('Two'));
    harness.cloud.publish(renameOp('Three'));
    const savedAtEachPage: (SyncCookie | null)[] = [];

    const outcome = await pull({
      onPageCommitted: () => savedAtEachPage.push(harness.progress().cookie),
    });

    expect(outcome).toEqual({ kind: 'complete', pages: 3, upgradeRequired: false });
    expect(savedAtEachPage).toEqual([null, null, { bank: 3, tenant: 0 }]);
    expect(requestedCookies()).toEqual([null, { bank: 1, tenant: 0 }, { bank: 2, tenant: 0 }]);
    expect(harness.bankName()).toBe('Three');
  });

  it('restarts from the saved cookie after an interrupted multi-page pull', async () => {
    harness.cloud.pageSize = 1;
    harness.cloud.publish(renameOp('One'));
    harness.cloud.publish(renameOp('Two'));
    // The first page arrives untouched, then the network drops before page 2.
    const untouched = { kind: 'tamper' as const, rewrite: (response: PullResponse) => response };
    harness.cloud.fail('pull', untouched, { kind: 'network' });

    expect((await pull()).kind).toBe('failed');
    expect(harness.progress().cookie).toBeNull();

    expect(await pull()).toEqual({ kind: 'complete', pages: 2, upgradeRequired: false });
    expect(requestedCookies()).toEqual([
      null,
      { bank: 1, tenant: 0 },
      null,
      { bank: 1, tenant: 0 },
    ]);
    expect(harness.progress().cookie).toEqual({ bank: 2, tenant: 0 });
  });

  it('refuses a page that would move the cookie back', async () => {
    harness.cloud.publish(renameOp('One'));
    harness.cloud.publish(renameOp('Two'));
    await pull();
    expect(harness.progress().cookie).toEqual({ bank: 2, tenant: 0 });
    harness.cloud.fail('pull', {
      kind: 'tamper',
      rewrite: (response) => ({
        ...response,
        cookie: { bank: 1, tenant: 0 },
        ops: [renameOp('Stale')],
      }),
    });

    expect(await pull()).toEqual({ kind: 'refused', problem: 'cookie_backwards' });
    expect(harness.progress().cookie).toEqual({ bank: 2, tenant: 0 });
    expect(harness.bankName()).toBe('Two');
    // And the query itself refuses it, whoever calls it.
    expect(() =>
      harness.database.db.transaction((tx) => saveSyncCookie(tx, { bank: 2, tenant: 0 })),
    ).not.toThrow();
    expect(() =>
      harness.database.db.transaction((tx) => saveSyncCookie(tx, { bank: 1, tenant: 5 })),
    ).toThrow(/back/);
  });

  it('acks outbox rows up to lastMutationId and rebases the rest on top', async () => {
    harness.writeFacts(5);
    // Pushes whose answers were lost: the cloud holds 1..3.
    harness.cloud.lastMutationId = 3;

    await pull();

    expect(harness.progress().ackedMutationId).toBe(3);
    expect(countUnackedOutbox(harness.database.db)).toBe(2);
    expect(harness.applier.rebasedThrough).toEqual([3]);
  });

  it('passes the server clock offset measured at the answer', async () => {
    harness.cloud.serverSkewMs = 90_000;

    await pull();

    expect(harness.applier.contexts).toEqual([
      { nowMs: harness.clock.now(), serverOffsetMs: 90_000 },
    ]);
  });

  it('stops when the cloud says it applied ids this database never issued', async () => {
    harness.writeFacts(1);
    harness.cloud.lastMutationId = 4;
    harness.cloud.publish(renameOp('Atrium'));

    expect(await pull()).toEqual({ kind: 'blocked', problem: 'mutation_gap' });
    expect(harness.bankName()).toBe('Lobby');
    expect(harness.progress().ackedMutationId).toBe(0);
  });
});
