import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

export type SimulatedDoorState = 'open' | 'closed';

/** What the item sensor reads when stuck, whatever is in the compartment; null = working. */
export type ItemSensorStuck = 'present' | 'absent' | null;

/** Faults of one door, switched on by the control API (hardware.md "Simulators"). */
export interface DoorFaults {
  /** The latch does not release: an unlock does nothing. */
  jammed: boolean;
  /** The door does not swing shut after an unlock (the same switch as `holdOpen`). */
  leftOpen: boolean;
  itemStuck: ItemSensorStuck;
}

export interface SimulatedLock {
  channel: number;
  door: SimulatedDoorState;
  /** Whether an item is really in the compartment (the sensor may say otherwise: itemStuck). */
  item: boolean;
  /** When set, a door opened by an unlock stays open until closed by hand or released. */
  holdOpen: boolean;
  jammed: boolean;
  itemStuck: ItemSensorStuck;
}

export interface SimulatedBoard {
  board: number;
  locks: SimulatedLock[];
}

export interface SimulatedBankOptions {
  /** Boards are addressed firstBoard … firstBoard + boards − 1. */
  boards: number;
  /** The first board's address on the wire: 0 on KR-CU16, 1 on the 0x8A board (DIP 1–31). */
  firstBoard?: number;
  channelsPerBoard: number;
  clock: Clock;
  /** A door opened by an unlock swings shut again after this long (unless held open). */
  closeAfterMs: number;
}

export type UnlockEffect = 'opened' | 'already_open' | 'jammed' | 'no_such_lock';

interface LockState extends SimulatedLock {
  closeTimer: TimerHandle | undefined;
}

/**
 * The physical side of a simulated bank, whatever the board protocol: doors, their springs and
 * the item sensors. Protocol simulators translate frames into these calls; the control API
 * plays the person at the door. Time comes from a Clock so tests run it with fake time.
 */
export class SimulatedBank {
  readonly boardCount: number;
  readonly firstBoard: number;
  readonly channelsPerBoard: number;
  readonly #clock: Clock;
  readonly #closeAfterMs: number;
  readonly #locks: LockState[][];

  constructor(options: SimulatedBankOptions) {
    if (!Number.isInteger(options.boards) || options.boards < 1) {
      throw new RangeError(`a simulated bank needs at least one board, got ${options.boards}`);
    }
    this.boardCount = options.boards;
    this.firstBoard = options.firstBoard ?? 0;
    this.channelsPerBoard = options.channelsPerBoard;
    this.#clock = options.clock;
    this.#closeAfterMs = options.closeAfterMs;
    this.#locks = Array.from({ length: options.boards }, () =>
      Array.from({ length: options.channelsPerBoard }, (_, index) => ({
        channel: index + 1,
        door: 'closed' as const,
        item: false,
        holdOpen: false,
        jammed: false,
        itemStuck: null,
        closeTimer: undefined,
      })),
    );
  }

  hasBoard(board: number): boolean {
    return (
      Number.isInteger(board) &&
      board >= this.firstBoard &&
      board < this.firstBoard + this.boardCount
    );
  }

  hasLock(board: number, channel: number): boolean {
    return (
      this.hasBoard(board) &&
      Number.isInteger(channel) &&
      channel >= 1 &&
      channel <= this.channelsPerBoard
    );
  }

  /** The lock pulls its latch: a closed door springs open, then closes after `closeAfterMs`. */
  unlock(board: number, channel: number): UnlockEffect {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return 'no_such_lock';
    }
    if (lock.door === 'open') {
      return 'already_open';
    }
    if (lock.jammed) {
      return 'jammed';
    }
    lock.door = 'open';
    this.#scheduleClose(lock);
    return 'opened';
  }

  unlockAll(board: number): UnlockEffect[] {
    return Array.from({ length: this.channelsPerBoard }, (_, index) =>
      this.unlock(board, index + 1),
    );
  }

  /** A person pulls the door open (or it was never latched): it stays open until closed. */
  openByHand(board: number, channel: number): boolean {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return false;
    }
    this.#cancelClose(lock);
    lock.door = 'open';
    return true;
  }

  closeByHand(board: number, channel: number): boolean {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return false;
    }
    this.#cancelClose(lock);
    lock.door = 'closed';
    return true;
  }

  /** Releasing the hold lets an open door swing shut `closeAfterMs` later. */
  setHoldOpen(board: number, channel: number, hold: boolean): boolean {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return false;
    }
    lock.holdOpen = hold;
    if (hold) {
      this.#cancelClose(lock);
    } else if (lock.door === 'open') {
      this.#scheduleClose(lock);
    }
    return true;
  }

  /** Changes the given faults of one door and leaves the others as they are. */
  setFaults(board: number, channel: number, faults: Partial<DoorFaults>): boolean {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return false;
    }
    if (faults.jammed !== undefined) {
      lock.jammed = faults.jammed;
    }
    if (faults.itemStuck !== undefined) {
      lock.itemStuck = faults.itemStuck;
    }
    if (faults.leftOpen !== undefined) {
      this.setHoldOpen(board, channel, faults.leftOpen);
    }
    return true;
  }

  faults(board: number, channel: number): DoorFaults | undefined {
    const lock = this.#lock(board, channel);
    return lock && { jammed: lock.jammed, leftOpen: lock.holdOpen, itemStuck: lock.itemStuck };
  }

  /**
   * Every door back to working order. A door that was held open then swings shut as usual; one
   * opened by hand stays open (a person holds it, not a fault).
   */
  clearFaults(): void {
    for (const [index, locks] of this.#locks.entries()) {
      for (const lock of locks) {
        lock.jammed = false;
        lock.itemStuck = null;
        if (lock.holdOpen) {
          this.setHoldOpen(this.firstBoard + index, lock.channel, false);
        }
      }
    }
  }

  setItem(board: number, channel: number, present: boolean): boolean {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return false;
    }
    lock.item = present;
    return true;
  }

  /** One board's sensors as its wires read them, index i = channel i + 1. */
  sensors(board: number): { doorsOpen: boolean[]; itemsPresent: boolean[] } | undefined {
    const locks = this.hasBoard(board) ? this.#locks[board - this.firstBoard] : undefined;
    if (!locks) {
      return undefined;
    }
    return {
      doorsOpen: locks.map((lock) => lock.door === 'open'),
      itemsPresent: locks.map((lock) =>
        lock.itemStuck === null ? lock.item : lock.itemStuck === 'present',
      ),
    };
  }

  snapshot(): SimulatedBoard[] {
    return this.#locks.map((locks, index) => ({
      board: this.firstBoard + index,
      locks: locks.map(({ channel, door, item, holdOpen, jammed, itemStuck }) => ({
        channel,
        door,
        item,
        holdOpen,
        jammed,
        itemStuck,
      })),
    }));
  }

  /** Cancels every pending door close (the process is stopping). */
  dispose(): void {
    for (const locks of this.#locks) {
      for (const lock of locks) {
        this.#cancelClose(lock);
      }
    }
  }

  #lock(board: number, channel: number): LockState | undefined {
    return this.hasLock(board, channel)
      ? this.#locks[board - this.firstBoard]?.[channel - 1]
      : undefined;
  }

  #scheduleClose(lock: LockState): void {
    this.#cancelClose(lock);
    if (lock.holdOpen) {
      return;
    }
    lock.closeTimer = this.#clock.setTimeout(() => {
      lock.closeTimer = undefined;
      lock.door = 'closed';
    }, this.#closeAfterMs);
  }

  #cancelClose(lock: LockState): void {
    if (lock.closeTimer) {
      this.#clock.clearTimeout(lock.closeTimer);
      lock.closeTimer = undefined;
    }
  }
}
