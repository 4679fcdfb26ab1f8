import type { KioskHardware } from '../core/kiosk-hardware.js';

/**
 * A kiosk without lock hardware (no profile yet): doors are unknown and the bank reports itself
 * degraded, so every door command is refused clearly instead of pretending.
 */
export function createNoHardware(): KioskHardware {
  return {
    hardwareStatus: 'degraded',
    doorState: () => 'unknown',
    itemPresent: () => undefined,
    unlockAndObserve: () => Promise.resolve('outcome_unknown'),
    onDoorChanged: () => () => undefined,
    onItemChanged: () => () => undefined,
    onHardwareChanged: () => () => undefined,
    start: () => undefined,
    stop: () => Promise.resolve(),
  };
}
