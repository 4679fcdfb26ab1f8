import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import {
  countOpeningFailuresSinceReset,
  findCompartment,
  type CompartmentRow,
  type OpeningFailureRule,
} from '../db/queries/compartments.js';
import type { KioskReader, KioskTx } from '../db/transaction.js';
import { automaticActor, changeServiceState } from './compartment-service-state.js';

/**
 * What an unlock outcome says about the door itself (X2, "failed N times in a row"):
 * - jammed: the board answered and the door stayed shut. A failure.
 * - door_seen_open / door_already_open: the door works. Starts the count again.
 * - outcome_unknown: the board stopped answering, which says nothing about this door. Counting it
 *   would take the whole bank out of service after one unplugged cable (the bank shows degraded
 *   instead), and it must not hide earlier failures either: it leaves the count as it is.
 */
export type OpeningVerdict = 'failure' | 'success' | 'neutral';

const verdicts: Record<UnlockOutcome, OpeningVerdict> = {
  jammed: 'failure',
  door_seen_open: 'success',
  door_already_open: 'success',
  outcome_unknown: 'neutral',
};

export function openingVerdict(outcome: UnlockOutcome): OpeningVerdict {
  return verdicts[outcome];
}

function outcomesJudged(verdict: OpeningVerdict): UnlockOutcome[] {
  return (Object.keys(verdicts) as UnlockOutcome[]).filter(
    (outcome) => verdicts[outcome] === verdict,
  );
}

const failureRule: OpeningFailureRule = {
  failureOutcomes: outcomesJudged('failure'),
  successOutcomes: outcomesJudged('success'),
  resetTypes: ['compartment.returned_to_service'],
};

/**
 * Failed openings in a row, derived from the `compartment.unlock_observed` facts since the last
 * success or return to service: nothing to keep in step, and a restart cannot reset it.
 */
export function consecutiveOpeningFailures(reader: KioskReader, compartmentId: string): number {
  return countOpeningFailuresSinceReset(reader, compartmentId, failureRule);
}

/**
 * Runs inside the transaction that recorded an unlock's outcome (so the count includes it): after
 * `failuresBeforeOutOfService` failures in a row an in-service compartment goes out of service
 * with reason door_failed_to_open. Returns the updated row when that just happened.
 */
export function takeOutOfServiceAfterFailures(
  tx: KioskTx,
  compartmentId: string,
  outcome: UnlockOutcome,
  failuresBeforeOutOfService: number,
  nowMs: number,
): CompartmentRow | undefined {
  if (openingVerdict(outcome) !== 'failure') {
    return undefined;
  }
  // Read again: an operator may have changed it while the door was being watched.
  const compartment = findCompartment(tx, compartmentId);
  if (!compartment || compartment.serviceState !== 'in_service') {
    return undefined;
  }
  const failures = consecutiveOpeningFailures(tx, compartmentId);
  if (failures < failuresBeforeOutOfService) {
    return undefined;
  }
  return changeServiceState(
    tx,
    compartment,
    { service: 'out_of_service', reason: 'door_failed_to_open' },
    automaticActor,
    nowMs,
    { failures },
  );
}
