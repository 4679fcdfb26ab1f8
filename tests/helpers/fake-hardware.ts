import type { DoorState, LockAddress } from '../../src-shared/domain/compartment.js';
import type { HardwareStatus, UnlockOutcome } from '../../src-shared/domain/door.js';
import type { KioskHardware } from '../../src-main/core/kiosk-hardware.js';

type ObservedDoor = Exclude<DoorState, 'unknown'>;

/**
 * In-memory lock hardware for core tests: doors that tests open and close, and an unlock that
 * answers with a chosen outcome. Behind the same KioskHardware interface as the Kerong bus.
 */
export class FakeHardware implements KioskHardware {
  hardwareStatus: HardwareStatus = 'ok';
  nextOutcome: UnlockOutcome = 'door_seen_open';
  readonly unlocked: LockAddress[] = [];
  started = false;
  stopped = false;
  #doors = new Map<string, ObservedDoor>();
  #doorListeners = new Set<(lock: LockAddress, door: ObservedDoor, previous: DoorState) => void>();
  #hardwareListeners = new Set<(status: HardwareStatus) => void>();

  doorState(lock: LockAddress): DoorState {
    return this.#doors.get(key(lock)) ?? 'unknown';
  }

  readonly #items = new Map<string, boolean>();
  #itemListeners = new Set<
    (lock: LockAddress, present: boolean, previous: boolean | undefined) => void
  >();

  itemPresent(lock: LockAddress): boolean | undefined {
    return this.#items.get(key(lock));
  }

  setItem(lock: LockAddress, present: boolean): void {
    const previous = this.itemPresent(lock);
    if (previous === present) {
      return;
    }
    this.#items.set(key(lock), present);
    for (const listener of this.#itemListeners) {
      listener(lock, present, previous);
    }
  }

  unlockAndObserve = (lock: LockAddress): Promise<UnlockOutcome> => {
    this.unlocked.push(lock);
    if (this.nextOutcome === 'door_seen_open') {
      this.setDoor(lock, 'open');
    }
    return Promise.resolve(this.nextOutcome);
  };

  setDoor(lock: LockAddress, door: ObservedDoor): void {
    const previous = this.doorState(lock);
    if (previous === door) {
      return;
    }
    this.#doors.set(key(lock), door);
    for (const listener of this.#doorListeners) {
      listener(lock, door, previous);
    }
  }

  setHardwareStatus(status: HardwareStatus): void {
    this.hardwareStatus = status;
    for (const listener of this.#hardwareListeners) {
      listener(status);
    }
  }

  onDoorChanged(
    listener: (lock: LockAddress, door: ObservedDoor, previous: DoorState) => void,
  ): () => void {
    this.#doorListeners.add(listener);
    return () => this.#doorListeners.delete(listener);
  }

  onItemChanged(
    listener: (lock: LockAddress, present: boolean, previous: boolean | undefined) => void,
  ): () => void {
    this.#itemListeners.add(listener);
    return () => this.#itemListeners.delete(listener);
  }

  onHardwareChanged(listener: (status: HardwareStatus) => void): () => void {
    this.#hardwareListeners.add(listener);
    return () => this.#hardwareListeners.delete(listener);
  }

  start(): void {
    this.started = true;
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }
}

function key(lock: LockAddress): string {
  return `${lock.board}:${lock.channel}`;
}
