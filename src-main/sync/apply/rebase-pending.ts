import { and, asc, gt, inArray } from 'drizzle-orm';
import { FactArgs } from '../../../src-shared/sync/mutation.js';
import {
  cancelActiveReservation,
  keepReservationFulfilled,
} from '../../db/queries/reservations.js';
import { syncOutbox } from '../../db/schema.js';
import type { KioskTx } from '../../db/transaction.js';

type Rebase = (tx: KioskTx, fact: FactArgs, wallTime: number) => void;

/**
 * The bank's facts that change a server-owned row, and how to make that change again. A page
 * the server cut before it saw such a fact may carry the row as it was before (sync.md: "ops,
 * then its still-pending mutations on top"):
 *
 * - `parcel.deposited` with a reservation: the deposit fulfilled it; a page may bring it back as
 *   active or cancelled. The parcel is in the compartment whatever the cloud thought.
 * - `reservation.cancelled` with a reservation: cancelled at the kiosk; a page may bring it back
 *   as active.
 *
 * The other facts need nothing: they write only rows the bank owns (parcels, codes, storages,
 * hand-overs, door and service states, lockout counters, remote command outcomes), which no op
 * touches. `bank.settings_saved` carries only the changed paths, not the values: settings the
 * kiosk saved are the cloud's to keep or overwrite once it has them (it owns them).
 */
const rebases: Readonly<Record<string, Rebase>> = {
  'parcel.deposited': (tx, fact, wallTime) => {
    const reservationId = fact.details['reservationId'];
    if (typeof reservationId === 'string' && fact.compartmentId !== null) {
      keepReservationFulfilled(tx, reservationId, fact.compartmentId, wallTime);
    }
  },
  'reservation.cancelled': (tx, fact, wallTime) => {
    const reservationId = fact.details['reservationId'];
    if (typeof reservationId === 'string') {
      cancelActiveReservation(tx, reservationId, wallTime);
    }
  },
};

/**
 * After a pull page's ops, re-applies on server-owned rows the effects of this bank's outbox
 * rows the cloud has not confirmed (id > ackedThroughId), in mutation order, in the page's
 * transaction.
 */
export function rebasePendingMutations(tx: KioskTx, ackedThroughId: number): void {
  const pending = tx
    .select({
      name: syncOutbox.name,
      args: syncOutbox.args,
      wallTime: syncOutbox.wallTime,
    })
    .from(syncOutbox)
    .where(and(gt(syncOutbox.id, ackedThroughId), inArray(syncOutbox.name, Object.keys(rebases))))
    .orderBy(asc(syncOutbox.id))
    .all();
  for (const row of pending) {
    const rebase = rebases[row.name];
    const fact = FactArgs.safeParse(JSON.parse(row.args));
    // Every row of these names was written by recordAction; one that does not parse is not a
    // fact this bank wrote, and must not stop the pull.
    if (rebase && fact.success) {
      rebase(tx, fact.data, row.wallTime);
    }
  }
}
