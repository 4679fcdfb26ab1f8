import type { BankOverview, OpenCompartmentResult } from '../../src-shared/api/contract.js';
import type {
  CompartmentView,
  DoorState,
  LockAddress,
} from '../../src-shared/domain/compartment.js';
import type { HardwareStatus, UnlockOutcome } from '../../src-shared/domain/door.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import {
  findCompartment,
  findCompartmentAtLock,
  findOnlyBank,
  listCompartments,
  type CompartmentRow,
  type LockerBankRow,
} from '../db/queries/compartments.js';
import { recordAction } from '../db/queries/record-action.js';
import type { KioskTx } from '../db/transaction.js';
import { KioskError } from './kiosk-error.js';

/** What the service needs to know about the doors (the door monitor provides it). */
export interface DoorSensing {
  doorState(lock: LockAddress): DoorState;
  /** Item-presence sensor; undefined where there is none (or it is not read yet). */
  itemPresent(lock: LockAddress): boolean | undefined;
  readonly hardwareStatus: HardwareStatus;
}

/** Pulses a lock and reports what the sensors then saw (X2: pulse sent ≠ door open). */
export type UnlockAndObserve = (lock: LockAddress) => Promise<UnlockOutcome>;

/**
 * Door truth's part in recording an unlock (X2): runs inside the transaction that records the
 * outcome, and returns what to announce once that transaction has committed.
 */
export type UnlockObservedHook = (
  tx: KioskTx,
  compartment: CompartmentRow,
  outcome: UnlockOutcome,
  nowMs: number,
) => () => void;

export interface CompartmentServiceDependencies {
  db: KioskDb;
  clock: Clock;
  doors: DoorSensing;
  unlockAndObserve: UnlockAndObserve;
  /** Counts failed openings (door-truth.ts); none by default. */
  unlockObserved?: UnlockObservedHook;
}

export interface OpenOptions {
  /**
   * The flow's own facts about this opening (a deposit started, a pickup's door asked for),
   * written in the same transaction as the unlock request: one durable commit before the pulse
   * instead of two, which is most of a pickup's time to unlock.
   */
  recordWithRequest?: (tx: KioskTx, nowMs: number) => void;
}

export interface CompartmentService {
  overview(): BankOverview;
  open(compartmentId: string, actor: string, options?: OpenOptions): Promise<OpenCompartmentResult>;
  /** Finds the compartment wired to a lock, for turning door events into compartment events. */
  compartmentAt(lock: LockAddress): CompartmentRow | undefined;
  readonly bank: LockerBankRow;
}

export function createCompartmentService(deps: CompartmentServiceDependencies): CompartmentService {
  const found = findOnlyBank(deps.db);
  if (!found) {
    throw new Error(
      'The kiosk database has no locker bank: commission the bank (or start the demo) first.',
    );
  }
  const bank: LockerBankRow = found;

  function overview(): BankOverview {
    return {
      bank: { id: bank.id, name: bank.name },
      hardware: deps.doors.hardwareStatus,
      compartments: listCompartments(deps.db, bank.id).map((row) =>
        compartmentView(row, deps.doors),
      ),
    };
  }

  /**
   * G5 (operator opens a door). The request is committed (activity + outbox) before the pulse,
   * so a crash between the two still leaves a record that an unlock was asked for; what the
   * sensors saw is committed afterwards as its own fact, together with what door truth makes of
   * it (a failed opening counted, maybe out of service). An out-of-service compartment still
   * opens: the operator has to be able to empty or fix it (G4).
   */
  async function open(
    compartmentId: string,
    actor: string,
    options: OpenOptions = {},
  ): Promise<OpenCompartmentResult> {
    const compartment = findCompartment(deps.db, compartmentId);
    if (!compartment || compartment.bankId !== bank.id) {
      throw new KioskError('not_found', { what: 'noun.compartment' });
    }
    if (deps.doors.hardwareStatus === 'degraded') {
      throw new KioskError('hardware_unavailable');
    }
    const lock = lockOf(compartment);
    deps.db.transaction((tx) => {
      const nowMs = deps.clock.now();
      options.recordWithRequest?.(tx, nowMs);
      recordAction(
        tx,
        {
          bankId: bank.id,
          type: 'compartment.unlock_requested',
          compartmentId: compartment.id,
          actor,
          details: { label: compartment.label, ...lock },
        },
        nowMs,
      );
    });
    const outcome = await deps.unlockAndObserve(lock);
    const announce = deps.db.transaction((tx) => {
      const nowMs = deps.clock.now();
      recordAction(
        tx,
        {
          bankId: bank.id,
          type: 'compartment.unlock_observed',
          compartmentId: compartment.id,
          actor,
          details: { label: compartment.label, outcome },
        },
        nowMs,
      );
      return deps.unlockObserved?.(tx, compartment, outcome, nowMs);
    });
    announce?.();
    return { compartmentId: compartment.id, label: compartment.label, outcome };
  }

  function compartmentAt(lock: LockAddress): CompartmentRow | undefined {
    return findCompartmentAtLock(deps.db, bank.id, lock);
  }

  return { overview, open, compartmentAt, bank };
}

export function lockOf(compartment: CompartmentRow): LockAddress {
  return { board: compartment.board, channel: compartment.channel };
}

/** A compartment as the screens show it: stored state plus what its sensors say now. */
export function compartmentView(row: CompartmentRow, doors: DoorSensing): CompartmentView {
  const lock = lockOf(row);
  return {
    id: row.id,
    label: row.label,
    size: row.size,
    doorBottomCm: row.doorBottomCm,
    doorTopCm: row.doorTopCm,
    lock,
    service: row.serviceState,
    serviceReason: row.serviceReason,
    door: doors.doorState(lock),
    items: doors.itemPresent(lock) ?? null,
  };
}
