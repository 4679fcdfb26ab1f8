import type { DoorState, LockAddress } from '../../src-shared/domain/compartment.js';
import type { HardwareStatus } from '../../src-shared/domain/door.js';
import type { DoorSensing, UnlockAndObserve } from './compartment-service.js';

/**
 * Everything the kiosk core needs from a bank's hardware, whatever the board protocol:
 * live door states, "unlock and tell me what the sensor saw", and change notifications.
 * The Kerong adapter provides it over a serial line; tests provide an in-memory one.
 */
export interface KioskHardware extends DoorSensing {
  unlockAndObserve: UnlockAndObserve;
  /**
   * `previous` is 'unknown' for a door's first reading after start: that is the kiosk learning
   * the state, not the door moving.
   */
  onDoorChanged(
    listener: (lock: LockAddress, door: Exclude<DoorState, 'unknown'>, previous: DoorState) => void,
  ): () => void;
  /** Item-sensor changes; never called where the board has none or the profile ignores them. */
  onItemChanged(
    listener: (lock: LockAddress, present: boolean, previous: boolean | undefined) => void,
  ): () => void;
  onHardwareChanged(listener: (status: HardwareStatus) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}
