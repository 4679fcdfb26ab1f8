import type { CompartmentService } from '../core/compartment-service.js';
import { lockOf } from '../core/compartment-service.js';
import type { KioskError } from '../core/kiosk-error.js';
import type { CompartmentRow } from '../db/queries/compartments.js';
import type { KioskTx } from '../db/transaction.js';
import type { DoorWatch } from './door-watch.js';
import { doorOpened } from './first-door.js';

/**
 * The mailroom takes something out (G3 expired parcels, an overstayed storage, D3 a return):
 * the door opens with the task's fact in the unlock request's transaction, and the task is done
 * only when the door is seen closed again. The compartment is claimed meanwhile, and a
 * compartment another task is using (its owner at the kiosk, a pickup) is refused, so two
 * people never work on one door at once.
 */
export interface OperatorDoorTask {
  compartment: CompartmentRow;
  actorId: string;
  recordWithRequest(tx: KioskTx, nowMs: number): void;
  /** The door closed: record what was taken out. */
  onClosed(): void;
  /** The compartment's door is in use by another task. */
  busy(): KioskError;
  /** The door did not open. */
  failed(): KioskError;
}

export async function runOperatorDoorTask(
  deps: { compartments: Pick<CompartmentService, 'open'>; doorWatch: DoorWatch },
  task: OperatorDoorTask,
): Promise<void> {
  const { compartment } = task;
  if (deps.doorWatch.isClaimed(compartment.id)) {
    throw task.busy();
  }
  const release = deps.doorWatch.claim(compartment.id);
  let opened: boolean;
  try {
    const result = await deps.compartments.open(compartment.id, task.actorId, {
      recordWithRequest: (tx, nowMs) => task.recordWithRequest(tx, nowMs),
    });
    opened = doorOpened(result.outcome);
  } catch (error) {
    release();
    throw error;
  }
  if (!opened) {
    release();
    throw task.failed();
  }
  deps.doorWatch.untilClosed(lockOf(compartment), () => {
    release();
    task.onClosed();
  });
}
