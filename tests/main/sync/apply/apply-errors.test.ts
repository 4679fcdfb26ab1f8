import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyServerOps } from '../../../../src-main/sync/apply/apply-server-ops.js';
import { ServerOpError } from '../../../../src-main/sync/apply/server-op-error.js';
import { credentialHash } from '../../../../src-main/db/queries/credential-hash.js';
import {
  compartmentIds,
  contactValue,
  openApplyBench,
  operatorValue,
  put,
  reservationValue,
  type ApplyBench,
} from './apply-kit.js';

/**
 * An op at fault itself is skipped, named by kind, id and problem, and the rest of its page
 * applies: retrying the page would meet it again forever and block every later update. Only a
 * failing database refuses the page, and then nothing of it is applied.
 */
describe('applyServerOps: bad ops', () => {
  let bench: ApplyBench;

  beforeEach(() => {
    bench = openApplyBench();
  });
  afterEach(() => {
    bench.close();
  });

  function snapshotOfTables(): unknown[] {
    return [
      'contact',
      'operator',
      'department',
      'compartment',
      'delivery_reservation',
      'badge',
    ].map((table) => bench.rows(`SELECT * FROM ${table} ORDER BY rowid`));
  }

  function refusal(run: () => unknown): ServerOpError {
    try {
      run();
    } catch (error) {
      if (error instanceof ServerOpError) {
        return error;
      }
      throw error;
    }
    throw new Error('the page was applied');
  }

  const activeOperator = (userName: string) =>
    bench.rows('SELECT active FROM operator WHERE user_name = ?', userName);

  it('a value that fails its schema: skipped and named, without the value; the rest applies', () => {
    const outcome = bench.apply([
      put('operator', 'op-ok', operatorValue(bench)),
      put('contact', 'c-ok', contactValue()),
      {
        op: 'put',
        kind: 'contact',
        id: 'c-bad',
        value: { ...contactValue(), email: 'not-an-email' },
      },
    ]);

    expect(outcome.skipped.map(({ kind, id }) => ({ kind, id }))).toEqual([
      { kind: 'contact', id: 'c-bad' },
    ]);
    expect(outcome.skipped[0]?.problem).toMatch(/^invalid value \(email: /);
    expect(JSON.stringify(outcome.skipped)).not.toContain('not-an-email');
    expect(bench.rows("SELECT id FROM contact WHERE id IN ('c-ok', 'c-bad')")).toEqual([
      { id: 'c-ok' },
    ]);
    expect(activeOperator('cloud.operator')).toEqual([{ active: 1 }]);
  });

  it('unknown references: each op skipped and named, the others of the page written', () => {
    const outcome = bench.apply([
      put('contact', 'c-ok', contactValue()),
      put('badge', 'b-1', {
        valueHash: credentialHash('x'),
        ownerKind: 'operator',
        operatorId: 'op-nobody',
        contactId: null,
        active: true,
      }),
      put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-nobody' })),
      put('delivery_reservation', 'r-ok', reservationValue({ contactId: 'c-ok' })),
      put('compartment_intent', 'no-such-door', { outOfService: true, note: null }),
      // After the bad ones: a deactivated operator still lands (a revoked access must not wait).
      put('operator', 'op-gone', operatorValue(bench, { userName: 'gone', active: false })),
    ]);

    expect(outcome.skipped).toEqual([
      {
        kind: 'compartment_intent',
        id: 'no-such-door',
        problem: 'unknown compartment no-such-door',
      },
      { kind: 'badge', id: 'b-1', problem: 'unknown operator op-nobody' },
      { kind: 'delivery_reservation', id: 'r-1', problem: 'unknown contact c-nobody' },
    ]);
    expect(bench.rows("SELECT id FROM contact WHERE id = 'c-ok'")).toHaveLength(1);
    expect(bench.rows("SELECT id FROM delivery_reservation WHERE id IN ('r-1', 'r-ok')")).toEqual([
      { id: 'r-ok' },
    ]);
    expect(bench.rows("SELECT id FROM badge WHERE id = 'b-1'")).toEqual([]);
    expect(activeOperator('gone')).toEqual([{ active: 0 }]);
  });

  it('a value that contradicts itself: skipped like an unknown reference', () => {
    const outcome = bench.apply([
      put('delivery_reservation', 'r-nobody', reservationValue()),
      put('contact', 'c-ok', contactValue()),
    ]);
    expect(outcome.skipped).toEqual([
      {
        kind: 'delivery_reservation',
        id: 'r-nobody',
        problem: 'a reservation names a contact or a department',
      },
    ]);
    expect(bench.rows("SELECT id FROM contact WHERE id = 'c-ok'")).toHaveLength(1);
  });

  it('a constraint the kiosk keeps: the op undone alone, named by the constraint, never with the query parameters', () => {
    const [first, second, third] = compartmentIds(bench, 'S');
    const labelOf = (id: string | undefined) =>
      bench.one('SELECT label FROM compartment WHERE id = ?', id)['label'] as string;
    const secondLabel = labelOf(second);
    const before = labelOf(first);
    const outcome = bench.apply([
      put('compartment_config', first ?? '', {
        label: secondLabel,
        size: 'S',
        doorBottomCm: 10,
        doorTopCm: 40,
      }),
      put('compartment_config', third ?? '', {
        label: 'T-3',
        size: 'S',
        doorBottomCm: 10,
        doorTopCm: 40,
      }),
    ]);
    expect(outcome.skipped).toEqual([
      {
        kind: 'compartment_config',
        id: first,
        problem: 'UNIQUE constraint failed: compartment.bank_id, compartment.label',
      },
    ]);
    expect(labelOf(first)).toBe(before);
    expect(labelOf(third)).toBe('T-3');
  });

  it('a failing database still refuses the whole page, naming the op', () => {
    const before = snapshotOfTables();
    bench.database.sqlite.exec('DROP TABLE remote_command');
    const error = refusal(() =>
      bench.apply([
        put('contact', 'c-ok', contactValue()),
        put('remote_open', 'cmd-1', {
          compartmentId: compartmentIds(bench)[0] ?? '',
          expiresAt: bench.nowMs + 60_000,
          requestedBy: 'admin',
          reason: '',
        }),
      ]),
    );
    expect(error).toMatchObject({ op: 'put', kind: 'remote_open', id: 'cmd-1' });
    expect(error.message).toMatch(/^Cannot apply put remote_open cmd-1: no such table/);
    expect(snapshotOfTables()).toEqual(before);
  });

  it("the caller's transaction decides: a valid page undone by a later failure leaves nothing", () => {
    const before = snapshotOfTables();
    expect(() =>
      bench.database.db.transaction((tx) => {
        applyServerOps(tx, [put('contact', 'c-ok', contactValue())], {
          bankId: bench.bankId,
          nowMs: bench.nowMs,
          serverOffsetMs: 0,
        });
        // What pull-apply does after the ops (rebase, ack, cookie) failing undoes the page too.
        throw new Error('cookie could not be saved');
      }),
    ).toThrow('cookie could not be saved');
    expect(snapshotOfTables()).toEqual(before);
  });
});
