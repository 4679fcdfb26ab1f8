import {
  allocateCompartment,
  describeRefusal,
  type AllocationBank,
  type AllocationChoice,
  type AllocationParty,
  type AllocationRefusal,
  type AllocationRequest,
  type AllocationResult,
} from '../../src-shared/allocation/index.js';
import type { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { CompartmentService, DoorSensing } from '../core/compartment-service.js';
import { KioskError, LocalizedKioskError } from '../core/kiosk-error.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { findCompartment, type CompartmentRow } from '../db/queries/compartments.js';
import type { KioskTx } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import { buildAllocationBank } from './allocation-snapshot.js';
import type { DoorWatch } from './door-watch.js';

/**
 * Putting something new into the bank (a parcel, a return or exchange, someone's things): the
 * engine chooses a compartment on the bank as it is at that moment, the compartment is claimed
 * before its pulse so no other flow gets it meanwhile, and a door that does not open is skipped
 * for the next choice, so the person is sent on without starting again (X2, X5).
 */
export const maxDoorsTried = 3;

const openedOutcomes: ReadonlySet<UnlockOutcome> = new Set(['door_seen_open', 'door_already_open']);

export function doorOpened(outcome: UnlockOutcome): boolean {
  return openedOutcomes.has(outcome);
}

export interface FirstDoorDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  compartments: Pick<CompartmentService, 'open'>;
  doors: DoorSensing;
  doorWatch: DoorWatch;
  settings: () => BankSettings;
  /** D5: compartments kept for one recipient or department. */
  dedications: () => ReadonlyMap<string, AllocationParty>;
}

/** The bank as the engine sees it now, doors busy with other tasks counted as open. */
export function bankNow(
  deps: Omit<FirstDoorDependencies, 'compartments' | 'logger'>,
): AllocationBank {
  return buildAllocationBank({
    reader: deps.db,
    bankId: deps.bankId,
    nowMs: deps.clock.now(),
    doors: deps.doors,
    settings: deps.settings(),
    busy: deps.doorWatch.claimed,
    dedications: deps.dedications(),
  });
}

/** The engine's answer on the bank as it is now. */
export function allocateNow(
  deps: FirstDoorDependencies,
  request: AllocationRequest,
): AllocationResult {
  return allocateCompartment(bankNow(deps), request);
}

/** Every door tried failed to open: B5's sentence alone. */
const noDoorOpened: AllocationRefusal = {
  code: 'no_compartment_available',
  params: {},
  causes: [],
};

/** B5's exact sentence, with the reasons, in the caller's language. */
export function noCompartmentAvailable(refusal: AllocationRefusal = noDoorOpened): KioskError {
  return new LocalizedKioskError('no_compartment_available', (locale) => {
    const { headline, causes } = describeRefusal(locale, refusal);
    // The headline is written without a full stop: one is needed before the causes, or the
    // message reads as one run-on sentence.
    return { message: [causes.length > 0 ? `${headline}.` : headline, ...causes].join(' ') };
  });
}

export interface FirstDoorAttempt {
  /** The engine's choice, leaving out the doors that did not open this time. */
  allocate(excluded: readonly string[]): AllocationResult;
  actorId: string;
  /** The flow's own fact, written in the unlock request's transaction. */
  recordWithRequest(tx: KioskTx, nowMs: number, compartment: CompartmentRow): void;
  /** Told of each compartment chosen, before its pulse. */
  chosen?(compartment: CompartmentRow, choice: AllocationChoice): void;
  /** Told of each door that did not open (a hand-chosen door then goes back to the engine). */
  failed?(compartment: CompartmentRow, outcome: UnlockOutcome): void;
  /** The doors that did not open, as the person reads them: appended to. */
  skipped: { label: string; outcome: string }[];
  locale: Locale;
  /** For the log: what the door was for. */
  purpose: string;
}

export interface OpenedDoor {
  compartment: CompartmentRow;
  /** Gives the compartment back to allocation: call once the flow is done with it. */
  release: () => void;
}

/** Allocates and opens doors until one is seen open, or `maxDoorsTried` did not open. */
export async function openFirstDoor(
  deps: FirstDoorDependencies,
  attempt: FirstDoorAttempt,
): Promise<OpenedDoor> {
  const excluded: string[] = [];
  for (let tried = 0; tried < maxDoorsTried; tried++) {
    const result = attempt.allocate(excluded);
    if (!result.ok) {
      throw noCompartmentAvailable(result.refusal);
    }
    const compartment = findCompartment(deps.db, result.choice.compartmentId);
    if (!compartment) {
      throw new KioskError('not_found', { what: 'noun.compartment' });
    }
    attempt.chosen?.(compartment, result.choice);
    const release = deps.doorWatch.claim(compartment.id);
    let outcome: UnlockOutcome;
    try {
      const opened = await deps.compartments.open(compartment.id, attempt.actorId, {
        recordWithRequest: (tx, nowMs) => attempt.recordWithRequest(tx, nowMs, compartment),
      });
      outcome = opened.outcome;
    } catch (error) {
      release();
      throw error;
    }
    if (doorOpened(outcome)) {
      return { compartment, release };
    }
    release();
    deps.logger.warn(
      { label: compartment.label, outcome, purpose: attempt.purpose },
      'door did not open: trying another',
    );
    attempt.skipped.push({
      label: compartment.label,
      outcome: translate(attempt.locale, `unlock.${outcome}`, { label: compartment.label }),
    });
    excluded.push(compartment.id);
    attempt.failed?.(compartment, outcome);
  }
  throw noCompartmentAvailable();
}
