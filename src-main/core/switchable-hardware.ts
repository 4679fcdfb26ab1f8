import type { DoorState, LockAddress } from '../../src-shared/domain/compartment.js';
import type { HardwareStatus } from '../../src-shared/domain/door.js';
import { createNoHardware } from '../hardware/no-hardware.js';
import type { KioskHardware } from './kiosk-hardware.js';

type DoorListener = Parameters<KioskHardware['onDoorChanged']>[0];
type ItemListener = Parameters<KioskHardware['onItemChanged']>[0];
type HardwareListener = (status: HardwareStatus) => void;
/** Builds the new hardware, called once the old one has been stopped. */
export type HardwareFactory = () => Promise<KioskHardware>;

/**
 * The bank's hardware behind a handle that outlives it: saving a new hardware profile (X7)
 * swaps the bus and door monitor underneath while door truth, the services and the screens keep
 * listening to this one object. Listeners are held here and moved onto each new hardware.
 */
export class SwitchableHardware implements KioskHardware {
  #current: KioskHardware;
  #running = false;
  /** Set by stop(), cleared by start(): a switch after stop() leaves nothing running. */
  #stopped = false;
  #pendingSwitches = 0;
  #switching: Promise<void> = Promise.resolve();
  readonly #doorListeners = new Set<DoorListener>();
  readonly #itemListeners = new Set<ItemListener>();
  readonly #hardwareListeners = new Set<HardwareListener>();
  #detach: (() => void)[] = [];
  /**
   * Each lock's last reported door state, kept across a switch to the same doors: the new
   * monitor's first readings are compared with it, so a door that moved while the bus restarted
   * is still a movement (and an opening nobody asked for still an alarm).
   */
  readonly #lastDoors = new Map<string, Exclude<DoorState, 'unknown'>>();

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
    this.#stopped = false;
    // During a switch the current hardware is being stopped; the switch starts the new one.
    if (this.#pendingSwitches === 0) {
      this.#current.start();
    }
  }

  /** Stops the hardware, after any switch in progress (so the new hardware is stopped too). */
  async stop(): Promise<void> {
    this.#running = false;
    this.#stopped = true;
    await this.#switching;
    await this.#current.stop();
  }

  /**
   * Stops the current hardware (closing its serial line, so the new one can open the device),
   * then carries on with `next`. Pass a factory to build the new hardware only once the old one
   * has let go of the device. The new doors are first readings again ('unknown' → state), which
   * door truth shows but does not record, unless `sameDoors` says the new hardware drives the
   * same doors: then a door found in another state than before the switch is reported as the
   * movement it was. Listeners hear the new bus status at once. Switches
   * run one after another. If the factory fails, the bank carries on without lock hardware
   * (degraded: door commands are refused) and the error is rethrown.
   */
  replace(
    next: KioskHardware | HardwareFactory,
    options: { sameDoors?: boolean } = {},
  ): Promise<void> {
    this.#pendingSwitches++;
    const switched = this.#switching.then(() => {
      // Another protocol, device or polarity: the addresses may now be other doors, or read
      // another way, so what was known about them no longer counts.
      if (options.sameDoors !== true) {
        this.#lastDoors.clear();
      }
      return this.#switchTo(next);
    });
    this.#switching = switched.catch(() => undefined);
    return switched;
  }

  async #switchTo(next: KioskHardware | HardwareFactory): Promise<void> {
    let failure: Error | undefined;
    try {
      for (const detach of this.#detach.splice(0)) {
        detach();
      }
      try {
        await this.#current.stop();
      } catch (error) {
        // It is as stopped as it will get: carry on with the new hardware, then report.
        failure = asError(error);
      }
      try {
        this.#current = typeof next === 'function' ? await next() : next;
      } catch (error) {
        this.#current = createNoHardware();
        failure = asError(error);
      }
      this.#attach();
      if (this.#stopped) {
        // stop() came first: the new hardware must not keep its device open.
        await this.#current.stop();
      }
    } finally {
      this.#pendingSwitches--;
    }
    if (this.#running) {
      this.#current.start();
    }
    const status = this.#current.hardwareStatus;
    for (const listener of this.#hardwareListeners) {
      listener(status);
    }
    if (failure !== undefined) {
      throw failure;
    }
  }

  #attach(): void {
    const hardware = this.#current;
    this.#detach = [
      hardware.onDoorChanged((lock, door, previous) => {
        const key = `${lock.board}:${lock.channel}`;
        const before = previous === 'unknown' ? this.#lastDoors.get(key) : undefined;
        this.#lastDoors.set(key, door);
        // A first reading equal to the state before a switch is no news: still a first reading.
        const reported = before === undefined || before === door ? previous : before;
        for (const listener of this.#doorListeners) {
          listener(lock, door, reported);
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

function asError(error: unknown): Error {
  return error instanceof Error
    ? error
    : new Error('switching the lock hardware failed', { cause: error });
}
