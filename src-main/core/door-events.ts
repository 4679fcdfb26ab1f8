import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDispatcher } from '../api/dispatcher.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { recordAction } from '../db/queries/record-action.js';
import type { Logger } from '../logging/logger.js';
import type { CompartmentService } from './compartment-service.js';
import type { KioskHardware } from './kiosk-hardware.js';

export interface DoorEventBridgeDependencies {
  hardware: KioskHardware;
  compartments: CompartmentService;
  db: KioskDb;
  clock: Clock;
  dispatcher: KioskDispatcher;
  logger: Logger;
}

/**
 * Turns what the door sensors report into facts and screen updates: every door change is
 * committed to the activity log and the sync outbox (the bank owns physical facts, sync.md),
 * then pushed to the UI. Returns a function that stops listening.
 */
export function bridgeDoorEvents(deps: DoorEventBridgeDependencies): () => void {
  const stopDoors = deps.hardware.onDoorChanged((lock, door, previous) => {
    const firstReading = previous === 'unknown';
    const compartment = deps.compartments.compartmentAt(lock);
    if (!compartment) {
      if (!firstReading) {
        deps.logger.warn({ lock, door }, 'a door moved on a lock no compartment is wired to');
      }
      return;
    }
    // A first reading is the kiosk learning a state, not a door moving: show it, record nothing.
    if (!firstReading) {
      deps.db.transaction((tx) => {
        recordAction(
          tx,
          {
            bankId: compartment.bankId,
            type: door === 'open' ? 'door.opened' : 'door.closed',
            compartmentId: compartment.id,
            actor: 'door-sensor',
            details: { label: compartment.label, ...lock },
          },
          deps.clock.now(),
        );
      });
    }
    deps.dispatcher.emit('door.changed', {
      compartmentId: compartment.id,
      label: compartment.label,
      door,
    });
  });
  const stopHardware = deps.hardware.onHardwareChanged((hardware) => {
    deps.logger.info({ hardware }, 'lock bus status changed');
    deps.dispatcher.emit('hardware.changed', { hardware });
  });
  return () => {
    stopDoors();
    stopHardware();
  };
}
