import { asc, eq, inArray } from 'drizzle-orm';
import type { CommissioningCheck } from '../../../src-shared/api/contract.js';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import { commissioningChecks, compartments } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export interface CommissioningCheckRow {
  compartmentId: string;
  outcome: UnlockOutcome;
  actor: string;
  checkedAt: number;
  activityId: string;
}

/** Keeps only the latest result per compartment; the activity log holds every one. */
export function saveCommissioningCheck(tx: KioskTx, check: CommissioningCheckRow): void {
  const { compartmentId: _conflictKey, ...result } = check;
  tx.insert(commissioningChecks)
    .values(check)
    .onConflictDoUpdate({ target: commissioningChecks.compartmentId, set: result })
    .run();
}

/** The latest result of every compartment of the bank that has one, in bus order. */
export function listCommissioningChecks(reader: KioskReader, bankId: string): CommissioningCheck[] {
  return reader
    .select({
      compartmentId: commissioningChecks.compartmentId,
      label: compartments.label,
      outcome: commissioningChecks.outcome,
      checkedAt: commissioningChecks.checkedAt,
    })
    .from(commissioningChecks)
    .innerJoin(compartments, eq(compartments.id, commissioningChecks.compartmentId))
    .where(eq(compartments.bankId, bankId))
    .orderBy(asc(compartments.board), asc(compartments.channel))
    .all();
}

/** A result says nothing about a compartment rewired since: forget it. */
export function clearCommissioningChecks(tx: KioskTx, compartmentIds: readonly string[]): void {
  if (compartmentIds.length === 0) {
    return;
  }
  tx.delete(commissioningChecks)
    .where(inArray(commissioningChecks.compartmentId, [...compartmentIds]))
    .run();
}

/** Every result of the bank, e.g. after the lock-bit polarity changed. */
export function clearBankCommissioningChecks(tx: KioskTx, bankId: string): void {
  const ids = tx
    .select({ id: compartments.id })
    .from(compartments)
    .where(eq(compartments.bankId, bankId))
    .all()
    .map((row) => row.id);
  clearCommissioningChecks(tx, ids);
}
