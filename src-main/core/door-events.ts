import type { KioskDispatcher } from '../api/dispatcher.js';
import type { Logger } from '../logging/logger.js';
import type { DoorTruth, ItemChangeListener } from './door-truth.js';
import type { KioskHardware } from './kiosk-hardware.js';

/** The hardware's change notifications; item changes where the hardware reports them. */
export type BridgedHardware = Pick<KioskHardware, 'onDoorChanged' | 'onHardwareChanged'> & {
  onItemChanged?: (listener: ItemChangeListener) => () => void;
};

export interface DoorEventBridgeDependencies {
  hardware: BridgedHardware;
  doorTruth: DoorTruth;
  dispatcher: Pick<KioskDispatcher, 'emit'>;
  logger: Logger;
}

/**
 * Connects the sensors to door truth and door truth to the screens: every door movement,
 * item-sensor change and bus status change goes through door-truth.ts (facts, alarms, service
 * changes) and out as kiosk events. Returns a function that stops listening and cancels the
 * pending left-open alarms.
 */
export function bridgeDoorEvents(deps: DoorEventBridgeDependencies): () => void {
  const { doorTruth } = deps;
  doorTruth.attach(deps.dispatcher);
  const stops = [
    deps.hardware.onDoorChanged(doorTruth.doorChanged),
    deps.hardware.onHardwareChanged((hardware) => {
      deps.logger.info({ hardware }, 'lock bus status changed');
      doorTruth.hardwareChanged(hardware);
    }),
    deps.hardware.onItemChanged?.(doorTruth.itemChanged),
  ];
  return () => {
    for (const stop of stops) {
      stop?.();
    }
    doorTruth.stop();
    doorTruth.attach(undefined);
  };
}
