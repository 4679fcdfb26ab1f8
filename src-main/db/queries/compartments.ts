import { and, asc, count, eq, gt, inArray, max, or, sql } from 'drizzle-orm';
import { activityLog, compartments, lockerBanks } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export type CompartmentRow = typeof compartments.$inferSelect;
export type LockerBankRow = typeof lockerBanks.$inferSelect;

export function findOnlyBank(reader: KioskReader): LockerBankRow | undefined {
  return reader.select().from(lockerBanks).orderBy(asc(lockerBanks.createdAt)).limit(1).get();
}

export function listCompartments(reader: KioskReader, bankId: string): CompartmentRow[] {
  return reader
    .select()
    .from(compartments)
    .where(eq(compartments.bankId, bankId))
    .orderBy(asc(compartments.board), asc(compartments.channel))
    .all();
}

export function findCompartment(
  reader: KioskReader,
  compartmentId: string,
): CompartmentRow | undefined {
  return reader.select().from(compartments).where(eq(compartments.id, compartmentId)).get();
}

export function findCompartmentAtLock(
  reader: KioskReader,
  bankId: string,
  lock: { board: number; channel: number },
): CompartmentRow | undefined {
  return reader
    .select()
    .from(compartments)
    .where(
      and(
        eq(compartments.bankId, bankId),
        eq(compartments.board, lock.board),
        eq(compartments.channel, lock.channel),
      ),
    )
    .get();
}

/** Writes a compartment's service state; the caller records the matching fact in the same tx. */
export function updateServiceState(
  tx: KioskTx,
  compartmentId: string,
  change: Pick<CompartmentRow, 'serviceState' | 'serviceReason'>,
  nowMs: number,
): CompartmentRow | undefined {
  return tx
    .update(compartments)
    .set({ ...change, updatedAt: nowMs })
    .where(eq(compartments.id, compartmentId))
    .returning()
    .get();
}

/** What the cloud configures of a compartment; its wiring (board, channel) stays the bank's. */
export type CompartmentConfig = Pick<
  CompartmentRow,
  'label' | 'size' | 'doorBottomCm' | 'doorTopCm'
>;

/** The cloud's put of a compartment's configuration; undefined when there is no such compartment. */
export function updateCompartmentConfig(
  tx: KioskTx,
  compartmentId: string,
  config: CompartmentConfig,
  nowMs: number,
): CompartmentRow | undefined {
  return tx
    .update(compartments)
    .set({ ...config, updatedAt: nowMs })
    .where(eq(compartments.id, compartmentId))
    .returning()
    .get();
}

export interface OpeningFailureRule {
  /** `compartment.unlock_observed` outcomes that count as a failed opening. */
  failureOutcomes: readonly string[];
  /** Outcomes that start the count again from zero. */
  successOutcomes: readonly string[];
  /** Activity types that also start the count again (an operator put it back in service). */
  resetTypes: readonly string[];
}

/**
 * How many failed openings of a compartment follow its last success or reset, read from the
 * activity log (so the count survives a restart without a column of its own). Uses the
 * (compartment_id, hlc) index: HLC stamps of one bank sort as plain strings.
 */
export function countOpeningFailuresSinceReset(
  reader: KioskReader,
  compartmentId: string,
  rule: OpeningFailureRule,
): number {
  const outcome = sql`json_extract(${activityLog.details}, '$.outcome')`;
  const observed = eq(activityLog.type, 'compartment.unlock_observed');
  const lastReset = reader
    .select({ hlc: max(activityLog.hlc) })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.compartmentId, compartmentId),
        or(
          and(observed, inArray(outcome, [...rule.successOutcomes])),
          rule.resetTypes.length > 0 ? inArray(activityLog.type, [...rule.resetTypes]) : undefined,
        ),
      ),
    )
    .get()?.hlc;
  const failures = reader
    .select({ total: count() })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.compartmentId, compartmentId),
        observed,
        inArray(outcome, [...rule.failureOutcomes]),
        lastReset ? gt(activityLog.hlc, lastReset) : undefined,
      ),
    )
    .get();
  return failures?.total ?? 0;
}
