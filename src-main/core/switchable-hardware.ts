import type { DoorState, LockAddress } from '../../src-shared/domain/compartment.js';
import type { HardwareStatus } from '../../src-shared/domain/door.js';
import type { KioskHardware } from './kiosk-hardware.js';

type DoorListener = Parameters<KioskHardware['onDoorChanged']>[0];
type ItemListener = Parameters<KioskHardware['onItemChanged']>[0];
type HardwareListener = (status: HardwareStatus) => void;

/**
 * The bank's hardware behind a handle that outlives it: saving a new hardware profile (X7)
 * swaps the bus and door monitor underneath while door truth, the services and the screens keep
 * listening to this one object. Listeners are held here and moved onto each new hardware.
 */
export class SwitchableHardware implements KioskHardware {
  #current: KioskHardware;
  #running = false;
  readonly #doorListeners = new Set<DoorListener>();
  readonly #itemListeners = new Set<ItemListener>();
  readonly #hardwareListeners = new Set<HardwareListener>();
  #detach: (() => void)[] = [];

  constructor(initial: KioskHardware) {
    this.#current = initial;
    this.#attach();
  }

  get hardwareStatus(): HardwareStatus {
    return this.#current.hardwareStatus;
  }

  doorState(lock: LockAddress): DoorState {
    return this.#current.doorState(lock);
  }

  itemPresent(lock: LockAddress): boolean | undefined {
    return this.#current.itemPresent(lock);
  }

  unlockAndObserve: KioskHardware['unlockAndObserve'] = (lock) =>
    this.#current.unlockAndObserve(lock);

  onDoorChanged(listener: DoorListener): () => void {
    this.#doorListeners.add(listener);
    return () => this.#doorListeners.delete(listener);
  }

  onItemChanged(listener: ItemListener): () => void {
    this.#itemListeners.add(listener);
    return () => this.#itemListeners.delete(listener);
  }

  onHardwareChanged(listener: HardwareListener): () => void {
    this.#hardwareListeners.add(listener);
    return () => this.#hardwareListeners.delete(listener);
  }

  start(): void {
    this.#running = true;
    this.#current.start();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#current.stop();
  }

  /**
   * Stops the current hardware (closing its serial line, so the new one can open the device),
   * then carries on with `next`. The new doors are first readings again ('unknown' → state),
   * which door truth shows but does not record; listeners hear the new bus status at once.
   */
  async replace(next: KioskHardware): Promise<void> {
    const wasRunning = this.#running;
    for (const detach of this.#detach.splice(0)) {
      detach();
    }
    await this.#current.stop();
    this.#current = next;
    this.#attach();
    for (const listener of this.#hardwareListeners) {
      listener(next.hardwareStatus);
    }
    if (wasRunning) {
      next.start();
    }
  }

  #attach(): void {
    const hardware = this.#current;
    this.#detach = [
      hardware.onDoorChanged((lock, door, previous) => {
        for (const listener of this.#doorListeners) {
          listener(lock, door, previous);
        }
      }),
      hardware.onItemChanged((lock, present, previous) => {
        for (const listener of this.#itemListeners) {
          listener(lock, present, previous);
        }
      }),
      hardware.onHardwareChanged((status) => {
        for (const listener of this.#hardwareListeners) {
          listener(status);
        }
      }),
    ];
  }
}
