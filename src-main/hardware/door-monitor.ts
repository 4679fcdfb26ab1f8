import type { DoorState, LockAddress } from '../../src-shared/domain/compartment.js';
import type { HardwareStatus } from '../../src-shared/domain/door.js';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { BoardReading, LockBus } from './lock-bus.js';

export type ObservedDoor = Exclude<DoorState, 'unknown'>;

export interface DoorMonitorOptions {
  bus: LockBus;
  clock: Clock;
  /** Board addresses to poll. */
  boards: readonly number[];
  /** Pause between two rounds of polls (every board once per round); default 250 ms. */
  pollIntervalMs?: number;
  /** Consecutive failed reads of one board before the bank reports itself degraded; default 3. */
  failuresBeforeDegraded?: number;
  /**
   * Whether the item-presence sensors are fitted and trusted (the profile's `itemSensors`);
   * when false, `itemPresent` is always undefined and no item change is reported. Default true.
   */
  itemSensors?: boolean;
  /**
   * Where an exception thrown by a listener goes (a listener must not stop the polling); by
   * default it is rethrown outside the poll, as an uncaught error. Pass the logger in production.
   */
  reportListenerError?: (error: unknown) => void;
}

/** `previous` is 'unknown' for the first reading of a door after start. */
export type DoorListener = (lock: LockAddress, door: ObservedDoor, previous: DoorState) => void;
export type HardwareListener = (status: HardwareStatus) => void;
/** `previous` is undefined for the first reading of a sensor after start. */
export type ItemListener = (
  lock: LockAddress,
  present: boolean,
  previous: boolean | undefined,
) => void;

/**
 * Knows what every door sensor last said. The usual boards do not push, so it polls every board
 * in turn (hardware.md "The port") and turns each change into an event; a board that keeps not
 * answering turns the bank's hardware status to degraded until it answers again.
 */
export class DoorMonitor {
  readonly #bus: LockBus;
  readonly #clock: Clock;
  readonly #boards: readonly number[];
  readonly #pollIntervalMs: number;
  readonly #failuresBeforeDegraded: number;
  readonly #itemSensors: boolean;
  readonly #reportListenerError: (error: unknown) => void;
  readonly #readings = new Map<number, BoardReading>();
  readonly #failures = new Map<number, number>();
  readonly #doorListeners = new Set<DoorListener>();
  readonly #hardwareListeners = new Set<HardwareListener>();
  readonly #itemListeners = new Set<ItemListener>();
  #hardwareStatus: HardwareStatus = 'ok';
  #timer: TimerHandle | undefined;
  #running = false;
  /** Counts start() calls, so a round left over from an earlier run stops after its read. */
  #generation = 0;
  #round: Promise<void> | undefined;

  constructor(options: DoorMonitorOptions) {
    this.#bus = options.bus;
    this.#clock = options.clock;
    this.#boards = [...options.boards];
    this.#pollIntervalMs = options.pollIntervalMs ?? 250;
    this.#failuresBeforeDegraded = options.failuresBeforeDegraded ?? 3;
    this.#itemSensors = options.itemSensors ?? true;
    this.#reportListenerError =
      options.reportListenerError ??
      ((error) => {
        queueMicrotask(() => {
          throw error;
        });
      });
  }

  /** 'unknown' until the lock's board has answered once. */
  doorState(lock: LockAddress): DoorState {
    const open = this.#readings.get(lock.board)?.doorsOpen[lock.channel - 1];
    if (open === undefined) {
      return 'unknown';
    }
    return open ? 'open' : 'closed';
  }

  /** Whether the IR sensor sees an item; undefined when unknown or the board has no sensors. */
  itemPresent(lock: LockAddress): boolean | undefined {
    if (!this.#itemSensors) {
      return undefined;
    }
    return this.#readings.get(lock.board)?.itemsPresent?.[lock.channel - 1];
  }

  /** 'ok' until some board has failed `failuresBeforeDegraded` reads in a row. */
  get hardwareStatus(): HardwareStatus {
    return this.#hardwareStatus;
  }

  /**
   * Called whenever `doorState` of a lock changes: unknown → open/closed on the board's first
   * reading (so a screen showing "unknown" catches up), then every open ↔ closed change.
   */
  onDoorChanged(listener: DoorListener): () => void {
    this.#doorListeners.add(listener);
    return () => this.#doorListeners.delete(listener);
  }

  /**
   * Called whenever `itemPresent` of a lock changes: on the board's first reading with sensors,
   * then on every change. Never called when the sensors are switched off or the board has none.
   */
  onItemChanged(listener: ItemListener): () => void {
    this.#itemListeners.add(listener);
    return () => this.#itemListeners.delete(listener);
  }

  onHardwareChanged(listener: HardwareListener): () => void {
    this.#hardwareListeners.add(listener);
    return () => this.#hardwareListeners.delete(listener);
  }

  /** Starts polling now, then every `pollIntervalMs` after each round. */
  start(): void {
    if (this.#running) {
      return;
    }
    this.#running = true;
    // A round of an earlier run may still be ending (stop() not awaited): it must not go on.
    this.#generation++;
    this.#startRound(this.#generation);
  }

  /** Stops polling; resolves after the round in progress ends, leaving no timer behind. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    await this.#round;
  }

  /**
   * Reads one board now, records it (emitting changes) and returns the reading. Rejects with the
   * bus's LockBusError; the failure counts towards the degraded status.
   */
  async pollNow(board: number): Promise<BoardReading> {
    let reading: BoardReading;
    try {
      reading = await this.#bus.readBoard(board);
    } catch (error) {
      this.#failures.set(board, (this.#failures.get(board) ?? 0) + 1);
      this.#updateHardwareStatus();
      throw error;
    }
    this.#failures.set(board, 0);
    this.#record(reading);
    this.#updateHardwareStatus();
    return reading;
  }

  #startRound(generation: number): void {
    this.#timer = undefined;
    const round: Promise<void> = this.#pollRound(generation).finally(() => {
      if (this.#round === round) {
        this.#round = undefined;
      }
      if (this.#isCurrent(generation)) {
        this.#timer = this.#clock.setTimeout(
          () => this.#startRound(generation),
          this.#pollIntervalMs,
        );
      }
    });
    this.#round = round;
  }

  #isCurrent(generation: number): boolean {
    return this.#running && this.#generation === generation;
  }

  async #pollRound(generation: number): Promise<void> {
    for (const board of this.#boards) {
      if (!this.#isCurrent(generation)) {
        return;
      }
      try {
        await this.pollNow(board);
      } catch {
        // Counted by pollNow; the hardware status carries it to the screen.
      }
    }
  }

  #record(reading: BoardReading): void {
    const previous = this.#readings.get(reading.board);
    this.#readings.set(reading.board, reading);
    reading.doorsOpen.forEach((open, index) => {
      const before = previous?.doorsOpen[index];
      if (before === open) {
        return;
      }
      const lock = { board: reading.board, channel: index + 1 };
      const door: ObservedDoor = open ? 'open' : 'closed';
      const was: DoorState = before === undefined ? 'unknown' : before ? 'open' : 'closed';
      for (const listener of this.#doorListeners) {
        this.#call(() => listener(lock, door, was));
      }
    });
    if (this.#itemSensors) {
      this.#reportItemChanges(previous?.itemsPresent, reading);
    }
  }

  #reportItemChanges(before: boolean[] | undefined, reading: BoardReading): void {
    reading.itemsPresent?.forEach((present, index) => {
      const was = before?.[index];
      if (was === present) {
        return;
      }
      const lock = { board: reading.board, channel: index + 1 };
      for (const listener of this.#itemListeners) {
        this.#call(() => listener(lock, present, was));
      }
    });
  }

  #updateHardwareStatus(): void {
    const failing = [...this.#failures.values()].some(
      (count) => count >= this.#failuresBeforeDegraded,
    );
    const status: HardwareStatus = failing ? 'degraded' : 'ok';
    if (status !== this.#hardwareStatus) {
      this.#hardwareStatus = status;
      for (const listener of this.#hardwareListeners) {
        this.#call(() => listener(status));
      }
    }
  }

  #call(notify: () => void): void {
    try {
      notify();
    } catch (error) {
      this.#reportListenerError(error);
    }
  }
}
