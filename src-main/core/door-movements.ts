import type { DoorState, LockAddress } from '../../src-shared/domain/compartment.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { findCompartmentAtLock, type CompartmentRow } from '../db/queries/compartments.js';
import { recordAction } from '../db/queries/record-action.js';
import type { Logger } from '../logging/logger.js';
import { automaticActor, changeServiceState } from './compartment-service-state.js';
import type { DoorAnnouncer } from './door-announcements.js';
import type { DoorExpectations } from './door-expectations.js';
import type { LeftOpenTimers } from './door-left-open.js';

export type ObservedDoor = Exclude<DoorState, 'unknown'>;
export type DoorMovementListener = (
  lock: LockAddress,
  door: ObservedDoor,
  previous: DoorState,
) => void;

const sensorActor = 'door-sensor';

export interface DoorMovementDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  expectations: DoorExpectations;
  leftOpen: LeftOpenTimers;
  announcer: DoorAnnouncer;
  /** Read at each opening, so a changed profile applies to the next one. */
  leftOpenAlarmMs(): number;
}

/**
 * X2: what each door movement means. Every movement is a fact (door.opened / door.closed) and a
 * screen update. An opening nobody asked for is an alarm and takes the compartment out of
 * service (its content can no longer be trusted); a door open longer than the profile allows
 * raises "left open" once per opening. A door's first reading after start is the kiosk learning
 * a state, not a door moving: shown, never recorded, never an alarm (a door found open still
 * starts its left-open timer).
 */
export function createDoorMovementHandler(deps: DoorMovementDependencies): DoorMovementListener {
  function leftOpenAlarm(lock: LockAddress, openedAtMs: number): void {
    try {
      const compartment = findCompartmentAtLock(deps.db, deps.bankId, lock);
      if (!compartment) {
        return;
      }
      const nowMs = deps.clock.now();
      deps.db.transaction((tx) => {
        recordAction(
          tx,
          {
            bankId: compartment.bankId,
            type: 'door.left_open',
            compartmentId: compartment.id,
            actor: sensorActor,
            details: { label: compartment.label, ...lock, openForMs: nowMs - openedAtMs },
          },
          nowMs,
        );
      });
      deps.announcer.alarm(compartment, 'left_open');
    } catch (error) {
      // A timer callback has nobody to throw to.
      deps.logger.error({ err: error, lock }, 'could not raise the left-open alarm');
    }
  }

  function recordMovement(
    compartment: CompartmentRow,
    lock: LockAddress,
    door: ObservedDoor,
    withoutCommand: boolean,
  ): CompartmentRow | undefined {
    return deps.db.transaction((tx) => {
      const nowMs = deps.clock.now();
      const details = { label: compartment.label, ...lock };
      recordAction(
        tx,
        {
          bankId: compartment.bankId,
          type: door === 'open' ? 'door.opened' : 'door.closed',
          compartmentId: compartment.id,
          actor: sensorActor,
          details,
        },
        nowMs,
      );
      if (!withoutCommand) {
        return undefined;
      }
      recordAction(
        tx,
        {
          bankId: compartment.bankId,
          type: 'door.opened_without_command',
          compartmentId: compartment.id,
          actor: sensorActor,
          details,
        },
        nowMs,
      );
      return changeServiceState(
        tx,
        compartment,
        { service: 'out_of_service', reason: 'door_forced_open' },
        automaticActor,
        nowMs,
      );
    });
  }

  return (lock, door, previous) => {
    const firstReading = previous === 'unknown';
    const compartment = findCompartmentAtLock(deps.db, deps.bankId, lock);
    if (!compartment) {
      if (!firstReading) {
        deps.logger.warn({ lock, door }, 'a door moved on a lock no compartment is wired to');
      }
      return;
    }
    if (door === 'open') {
      const openedAtMs = deps.clock.now();
      deps.leftOpen.doorOpened(lock, deps.leftOpenAlarmMs(), () => leftOpenAlarm(lock, openedAtMs));
    } else {
      deps.leftOpen.doorClosed(lock);
    }
    if (firstReading) {
      deps.announcer.doorChanged(compartment, door);
      return;
    }
    const withoutCommand = door === 'open' && !deps.expectations.claimOpening(lock);
    const takenOut = recordMovement(compartment, lock, door, withoutCommand);
    deps.announcer.doorChanged(compartment, door);
    if (withoutCommand) {
      deps.logger.warn({ lock, label: compartment.label }, 'door opened without a command');
      deps.announcer.alarm(compartment, 'opened_without_command');
    }
    if (takenOut) {
      deps.announcer.compartmentChanged(takenOut);
    }
  };
}
