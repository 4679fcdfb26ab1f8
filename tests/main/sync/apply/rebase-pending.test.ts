import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAction } from '../../../../src-main/db/queries/record-action.js';
import { fulfilReservation } from '../../../../src-main/db/queries/reservations.js';
import { deliveryReservations } from '../../../../src-main/db/schema.js';
import type { KioskTx } from '../../../../src-main/db/transaction.js';
import { applyServerOps } from '../../../../src-main/sync/apply/apply-server-ops.js';
import { rebasePendingMutations } from '../../../../src-main/sync/apply/rebase-pending.js';
import type { PullOp } from '../../../../src-shared/sync/pull.js';
import {
  compartmentIds,
  contactValue,
  openApplyBench,
  put,
  reservationValue,
  type ApplyBench,
} from './apply-kit.js';

/**
 * sync.md "Pull": ops, then the bank's still-pending mutations on top. A page the server cut
 * before it saw the bank's deposit may carry the reservation as it was; the deposit still holds.
 */
describe('rebasePendingMutations', () => {
  let bench: ApplyBench;
  let compartmentId: string;
  /** The outbox id of the deposit that used r-1. */
  let depositMutationId: number;

  beforeEach(() => {
    bench = openApplyBench();
    compartmentId = compartmentIds(bench, 'S')[0] ?? '';
    bench.apply([
      put('contact', 'c-1', contactValue()),
      put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-1' })),
    ]);
    // The deposit's part that touches the reservation, written as recordCompletedDeposit does.
    depositMutationId = bench.database.db.transaction((tx) => {
      fulfilReservation(tx, 'r-1', compartmentId, bench.nowMs);
      return recordAction(
        tx,
        {
          bankId: bench.bankId,
          type: 'parcel.deposited',
          compartmentId,
          actor: 'operator:x',
          details: { parcelId: 'p-1', reservationId: 'r-1' },
        },
        bench.nowMs,
      ).mutationId;
    });
  });
  afterEach(() => {
    bench.close();
  });

  /** A page as pull-apply applies it: ops, then the rebase, in one transaction. */
  function pullPage(ops: PullOp[], ackedThroughId: number, meanwhile?: (tx: KioskTx) => void) {
    bench.database.db.transaction((tx) => {
      applyServerOps(tx, ops, { bankId: bench.bankId, nowMs: bench.nowMs + 1, serverOffsetMs: 0 });
      meanwhile?.(tx);
      rebasePendingMutations(tx, ackedThroughId);
    });
  }

  function reservation(): Record<string, unknown> {
    return bench.one(
      'SELECT state, compartment_id, closed_at FROM delivery_reservation WHERE id = ?',
      'r-1',
    );
  }

  const fulfilled = () => ({
    state: 'fulfilled',
    compartment_id: compartmentId,
    closed_at: bench.nowMs,
  });

  it('a pending deposit keeps its reservation fulfilled when a page brings it back active or cancelled', () => {
    pullPage(
      [put('delivery_reservation', 'r-1', reservationValue({ contactId: 'c-1' }))],
      depositMutationId - 1,
    );
    expect(reservation()).toEqual(fulfilled());
    pullPage(
      [
        put(
          'delivery_reservation',
          'r-1',
          reservationValue({ contactId: 'c-1', state: 'cancelled' }),
        ),
      ],
      depositMutationId - 1,
    );
    expect(reservation()).toEqual(fulfilled());
  });

  it('re-applies the deposit on a row the page reset, and only while the deposit is not acked', () => {
    // Whatever reset the row inside the page (an older server's full state), the rebase restores it.
    const reset = (tx: KioskTx) =>
      tx
        .update(deliveryReservations)
        .set({ state: 'active', compartmentId: null, closedAt: null })
        .where(eq(deliveryReservations.id, 'r-1'))
        .run();
    pullPage([], depositMutationId - 1, reset);
    expect(reservation()).toEqual(fulfilled());

    // Acked: the server's data already holds the deposit, so the page's state is the truth.
    pullPage([], depositMutationId, reset);
    expect(reservation()).toEqual({ state: 'active', compartment_id: null, closed_at: null });
  });

  it('leaves the page alone where no pending fact touches server-owned rows', () => {
    pullPage([put('delivery_reservation', 'r-2', reservationValue({ contactId: 'c-1' }))], 0);
    expect(bench.one('SELECT state FROM delivery_reservation WHERE id = ?', 'r-2')).toEqual({
      state: 'active',
    });
  });
});
