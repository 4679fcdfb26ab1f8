import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { HardwareStatus, UnlockOutcome } from '../../src-shared/domain/door.js';
import type { BankHardwareSettings } from '../../src-shared/domain/hardware-profile.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { findCompartmentAtLock, findOnlyBank } from '../db/queries/compartments.js';
import type { Logger } from '../logging/logger.js';
import {
  compartmentView,
  type CompartmentServiceDependencies,
  type DoorSensing,
  type UnlockAndObserve,
} from './compartment-service.js';
import { createCompartmentServiceStates } from './compartment-service-state.js';
import { DoorAnnouncer, type EventSink } from './door-announcements.js';
import { DoorExpectations } from './door-expectations.js';
import { takeOutOfServiceAfterFailures } from './door-failures.js';
import { LeftOpenTimers } from './door-left-open.js';
import { createDoorMovementHandler, type DoorMovementListener } from './door-movements.js';
import type { CompartmentServiceStateService } from './services.js';

/** The parts of the bank's hardware profile door truth applies (X2, X7). */
export type DoorTruthSettings = Pick<
  BankHardwareSettings,
  'openTimeoutMs' | 'leftOpenAlarmMs' | 'failuresBeforeOutOfService' | 'itemSensors'
>;

/** What door truth needs from the hardware: sensing and the observed unlock. */
export interface DoorTruthHardware extends DoorSensing {
  unlockAndObserve: UnlockAndObserve;
}

export interface DoorTruthDependencies {
  hardware: DoorTruthHardware;
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  /** The profile's settings; a function is read at each use, so a saved profile applies at once. */
  settings: DoorTruthSettings | (() => DoorTruthSettings);
  /**
   * After an unlock that did not see its door open (jammed, unknown), how long an opening still
   * counts as the one the kiosk asked for. Default: the profile's openTimeoutMs.
   */
  lateOpeningGraceMs?: number;
}

export type ItemChangeListener = (
  lock: LockAddress,
  present: boolean,
  previous: boolean | undefined,
) => void;

export interface DoorTruth {
  /** Spread into createCompartmentService: sensing, the expecting unlock, the failure count. */
  readonly compartmentDependencies: Required<
    Pick<CompartmentServiceDependencies, 'doors' | 'unlockAndObserve' | 'unlockObserved'>
  >;
  /** G4 for the method handlers (`services.serviceStates`). */
  readonly serviceStates: CompartmentServiceStateService;
  /** Every pulse goes through this (commissioning too): the lock expects its opening first. */
  readonly unlockAndObserve: UnlockAndObserve;
  /** Hardware listeners, connected by bridgeDoorEvents. */
  readonly doorChanged: DoorMovementListener;
  readonly itemChanged: ItemChangeListener;
  hardwareChanged(status: HardwareStatus): void;
  /** Where events go (the dispatcher); undefined detaches. */
  attach(sink: EventSink | undefined): void;
  /** Cancels the left-open timers. */
  stop(): void;
}

/**
 * X2 "door truth" assembled: commanded vs uncommanded openings, left-open alarms, failed
 * openings counted into out-of-service, item sensors as the profile says, and G4 service
 * changes. Facts go through recordAction; events through the attached dispatcher.
 */
export function createDoorTruth(deps: DoorTruthDependencies): DoorTruth {
  const bank = findOnlyBank(deps.db);
  if (!bank) {
    throw new Error('The kiosk database has no locker bank: commission the bank first.');
  }
  const bankId = bank.id;
  const settings = typeof deps.settings === 'function' ? deps.settings : constant(deps.settings);
  const { hardware } = deps;

  const doors: DoorSensing = {
    doorState: (lock) => hardware.doorState(lock),
    itemPresent: (lock) => (settings().itemSensors ? hardware.itemPresent(lock) : undefined),
    get hardwareStatus() {
      return hardware.hardwareStatus;
    },
  };
  const announcer = new DoorAnnouncer((row) => compartmentView(row, doors));
  const expectations = new DoorExpectations(
    deps.clock,
    () => deps.lateOpeningGraceMs ?? settings().openTimeoutMs,
  );
  const leftOpen = new LeftOpenTimers(deps.clock);

  const unlockAndObserve: UnlockAndObserve = async (lock) => {
    const settle = expectations.expectOpening(lock);
    let outcome: UnlockOutcome | undefined;
    try {
      outcome = await hardware.unlockAndObserve(lock);
      return outcome;
    } finally {
      settle(outcome);
    }
  };

  const unlockObserved: CompartmentServiceDependencies['unlockObserved'] = (
    tx,
    compartment,
    outcome,
    nowMs,
  ) => {
    const takenOut = takeOutOfServiceAfterFailures(
      tx,
      compartment.id,
      outcome,
      settings().failuresBeforeOutOfService,
      nowMs,
    );
    return () => {
      if (takenOut) {
        deps.logger.warn({ label: takenOut.label }, 'door failed to open: out of service');
        announcer.compartmentChanged(takenOut);
        announcer.alarm(takenOut, 'failed_to_open');
      }
    };
  };

  const doorChanged = createDoorMovementHandler({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    bankId,
    expectations,
    leftOpen,
    announcer,
    leftOpenAlarmMs: () => settings().leftOpenAlarmMs,
  });

  const itemChanged: ItemChangeListener = (lock) => {
    if (!settings().itemSensors) {
      return;
    }
    const compartment = findCompartmentAtLock(deps.db, bankId, lock);
    if (compartment) {
      announcer.compartmentChanged(compartment);
    }
  };

  return {
    compartmentDependencies: { doors, unlockAndObserve, unlockObserved },
    serviceStates: createCompartmentServiceStates({
      db: deps.db,
      clock: deps.clock,
      bankId,
      view: (row) => compartmentView(row, doors),
      changed: (row) => announcer.compartmentChanged(row),
    }),
    unlockAndObserve,
    doorChanged,
    itemChanged,
    hardwareChanged: (status) => announcer.hardwareChanged(status),
    attach: (sink) => announcer.attach(sink),
    stop: () => leftOpen.stop(),
  };
}

function constant<T>(value: T): () => T {
  return () => value;
}
