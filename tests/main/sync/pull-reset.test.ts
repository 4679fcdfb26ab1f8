import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSyncCookie } from '../../../src-main/db/queries/sync-device.js';
import { applyServerOps } from '../../../src-main/sync/apply/apply-server-ops.js';
import { rebasePendingMutations } from '../../../src-main/sync/apply/rebase-pending.js';
import { pullAndApply } from '../../../src-main/sync/pull-apply.js';
import type { PullOp, PullResponse } from '../../../src-shared/sync/pull.js';
import { contactValue, put, reservationValue } from './apply/apply-kit.js';
import { bankId, renameOp, syncHarness, type SyncHarness } from './sync-harness.js';

/**
 * Pulls through the real applier (sync.md "Pull"): a `clear` snapshot spread over pages, a reset
 * after the cloud was restored from a backup, an op the kiosk cannot resolve, and the server
 * offset of commands still waiting.
 */
describe('pulling with the real applier', () => {
  let harness: SyncHarness;
  let warnings: Record<string, unknown>[];

  beforeEach(() => {
    harness = syncHarness();
    harness.enrolled();
    warnings = [];
  });

  afterEach(async () => {
    await harness.close();
  });

  const logger = () =>
    pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          warnings.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );

  const pull = () =>
    pullAndApply(
      {
        db: harness.database.db,
        client: harness.client(),
        clock: harness.clock,
        logger: logger(),
        bankId,
        appVersion: '0.1.0',
        applyServerOps,
        rebasePendingMutations,
      },
      { waitMs: 0, timeoutMarginMs: 30_000 },
    );

  const applyDirectly = (ops: PullOp[], serverOffsetMs = 0) =>
    harness.database.db.transaction((tx) =>
      applyServerOps(tx, ops, { bankId, nowMs: harness.clock.now(), serverOffsetMs }),
    );

  const state = (table: string, id: string) =>
    harness.database.sqlite.prepare(`SELECT state FROM ${table} WHERE id = ?`).get(id) as
      { state: string } | undefined;

  const openCommand: PullOp = {
    op: 'put',
    kind: 'remote_open',
    id: 'cmd-1',
    value: {
      compartmentId: 'door-1',
      expiresAt: Date.UTC(2026, 0, 2),
      requestedBy: 'admin',
      reason: 'Courier locked out',
    },
  };

  describe('a clear snapshot over several pages', () => {
    beforeEach(() => {
      // What the kiosk had before: the cloud still has r-1 and cmd-1, but no longer r-old.
      applyDirectly([
        put('contact', 'c-1', contactValue()),
        put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-1' })),
        put('delivery_reservation', 'r-old', reservationValue({ contactId: 'c-1' })),
        openCommand,
      ]);
      // The reset: page 1 is the tenant's stream (clear + contact), then the bank's intents.
      harness.cloud.pageSize = 1;
      harness.cloud.publish(put('contact', 'c-1', contactValue()));
      harness.cloud.publish(
        put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-1' })),
      );
      harness.cloud.publish(openCommand);
    });

    it('retires only what the whole snapshot left out, with its last page', async () => {
      expect(await pull()).toEqual({ kind: 'complete', pages: 3, upgradeRequired: false });

      expect(state('delivery_reservation', 'r-1')).toEqual({ state: 'active' });
      expect(state('remote_command', 'cmd-1')).toEqual({ state: 'pending' });
      // A reservation may be the bank's own (D2): a snapshot without it leaves it alone.
      expect(state('delivery_reservation', 'r-old')).toEqual({ state: 'active' });
    });

    it('retires nothing when the pull is cut short, and all is right after the retry', async () => {
      const untouched = { kind: 'tamper' as const, rewrite: (response: PullResponse) => response };
      harness.cloud.fail('pull', untouched, untouched, { kind: 'network' });

      expect((await pull()).kind).toBe('failed');
      expect(harness.progress().cookie).toBeNull();
      expect(state('delivery_reservation', 'r-1')).toEqual({ state: 'active' });
      expect(state('delivery_reservation', 'r-old')).toEqual({ state: 'active' });
      expect(state('remote_command', 'cmd-1')).toEqual({ state: 'pending' });

      // The retry starts again from no cookie: its clear comes again, page 1 first.
      expect((await pull()).kind).toBe('complete');
      expect(state('delivery_reservation', 'r-1')).toEqual({ state: 'active' });
      expect(state('remote_command', 'cmd-1')).toEqual({ state: 'pending' });
      expect(state('delivery_reservation', 'r-old')).toEqual({ state: 'active' });
    });
  });

  describe('after the cloud was restored from a backup', () => {
    beforeEach(() => {
      harness.database.db.transaction((tx) => saveSyncCookie(tx, { bank: 5, tenant: 5 }));
    });

    it('accepts the lower cookie of a reset whose first page starts with clear', async () => {
      harness.cloud.pageSize = 1;
      harness.cloud.publish(renameOp('One'));
      harness.cloud.publish(renameOp('Restored'));
      harness.cloud.fail('pull', {
        kind: 'tamper',
        rewrite: (response) => ({
          ...response,
          cookie: { bank: 1, tenant: 0 },
          ops: [{ op: 'clear' }, renameOp('One')],
          more: true,
        }),
      });

      expect(await pull()).toEqual({ kind: 'complete', pages: 2, upgradeRequired: false });
      expect(harness.progress().cookie).toEqual({ bank: 2, tenant: 0 });
      expect(harness.bankName()).toBe('Restored');
    });

    it('refuses a lower cookie anywhere else: no clear, or a clear that does not lead page 1', async () => {
      for (const ops of [[renameOp('Stale')], [renameOp('Stale'), { op: 'clear' } as const]]) {
        harness.cloud.fail('pull', {
          kind: 'tamper',
          rewrite: (response) => ({ ...response, cookie: { bank: 1, tenant: 0 }, ops }),
        });
        expect(await pull()).toEqual({ kind: 'refused', problem: 'cookie_backwards' });
      }
      // A clear leading a later page of a pull that moved forward: still no way back.
      harness.cloud.fail(
        'pull',
        {
          kind: 'tamper',
          rewrite: (response) => ({ ...response, cookie: { bank: 6, tenant: 5 }, more: true }),
        },
        {
          kind: 'tamper',
          rewrite: (response) => ({
            ...response,
            cookie: { bank: 1, tenant: 0 },
            ops: [{ op: 'clear' }, renameOp('Stale')],
          }),
        },
      );
      expect(await pull()).toEqual({ kind: 'refused', problem: 'cookie_backwards' });
      expect(harness.progress().cookie).toEqual({ bank: 5, tenant: 5 });
      expect(harness.bankName()).toBe('Lobby');
    });
  });

  it('skips an op it cannot resolve, logs it without personal data, and applies the rest', async () => {
    harness.cloud.publish(
      put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-deleted' })),
      put('contact', 'c-1', contactValue()),
      renameOp('Atrium'),
    );

    expect(await pull()).toEqual({ kind: 'complete', pages: 1, upgradeRequired: false });
    expect(harness.bankName()).toBe('Atrium');
    expect(harness.progress().cookie).toEqual({ bank: 1, tenant: 0 });
    expect(state('delivery_reservation', 'r-1')).toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({
        kind: 'delivery_reservation',
        id: 'r-1',
        problem: 'unknown contact c-deleted',
        page: 1,
      }),
    ]);
    expect(JSON.stringify(warnings)).not.toContain(contactValue().email);
  });

  it('gives every command still waiting the server offset measured by the latest pull', async () => {
    applyDirectly([openCommand], 0);
    harness.cloud.publish(openCommand);
    harness.cloud.serverSkewMs = 90_000;

    await pull();

    expect(
      harness.database.sqlite.prepare('SELECT server_offset_ms FROM remote_command').get(),
    ).toEqual({ server_offset_ms: 90_000 });
  });
});
