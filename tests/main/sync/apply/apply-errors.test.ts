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

/** A page with an op the bank cannot apply is refused whole, and the error names the op. */
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

  it('a value that fails its schema: named, and nothing of the page is applied', () => {
    const before = snapshotOfTables();
    const error = refusal(() =>
      bench.apply([
        put('operator', 'op-ok', operatorValue(bench)),
        put('contact', 'c-ok', contactValue()),
        {
          op: 'put',
          kind: 'contact',
          id: 'c-bad',
          value: { ...contactValue(), email: 'not-an-email' },
        },
      ]),
    );
    expect(error).toMatchObject({ op: 'put', kind: 'contact', id: 'c-bad' });
    expect(error.message).toMatch(/^Cannot apply put contact c-bad: invalid value \(email: /);
    expect(snapshotOfTables()).toEqual(before);
  });

  it('an unknown reference: named, even after other ops of the page were written', () => {
    const before = snapshotOfTables();
    const error = refusal(() =>
      bench.apply([
        put('contact', 'c-ok', contactValue()),
        put('badge', 'b-1', {
          valueHash: credentialHash('x'),
          ownerKind: 'operator',
          operatorId: 'op-nobody',
          contactId: null,
          active: true,
        }),
      ]),
    );
    expect(error.message).toBe('Cannot apply put badge b-1: unknown operator op-nobody');
    expect(snapshotOfTables()).toEqual(before);

    expect(
      refusal(() =>
        bench.apply([
          put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-nobody' })),
        ]),
      ).message,
    ).toBe('Cannot apply put delivery_reservation r-1: unknown contact c-nobody');
    expect(
      refusal(() =>
        bench.apply([
          put('compartment_intent', 'no-such-door', { outOfService: true, note: null }),
        ]),
      ).message,
    ).toBe('Cannot apply put compartment_intent no-such-door: unknown compartment no-such-door');
  });

  it('a constraint the kiosk keeps: named by the constraint, never with the query parameters', () => {
    const [first, second] = compartmentIds(bench, 'S');
    const secondLabel = bench.one('SELECT label FROM compartment WHERE id = ?', second)[
      'label'
    ] as string;
    const error = refusal(() =>
      bench.apply([
        put('compartment_config', first ?? '', {
          label: secondLabel,
          size: 'S',
          doorBottomCm: 10,
          doorTopCm: 40,
        }),
      ]),
    );
    expect(error.message).toBe(
      `Cannot apply put compartment_config ${first}: UNIQUE constraint failed: compartment.bank_id, compartment.label`,
    );
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
