import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

export type SimulatedDoorState = 'open' | 'closed';

export interface SimulatedLock {
  channel: number;
  door: SimulatedDoorState;
  item: boolean;
  /** When set, a door opened by an unlock stays open until closed by hand or released. */
  holdOpen: boolean;
}

export interface SimulatedBoard {
  board: number;
  locks: SimulatedLock[];
}

export interface SimulatedBankOptions {
  /** Boards are addressed 0 … boards − 1. */
  boards: number;
  channelsPerBoard: number;
  clock: Clock;
  /** A door opened by an unlock swings shut again after this long (unless held open). */
  closeAfterMs: number;
}

export type UnlockEffect = 'opened' | 'already_open' | 'no_such_lock';

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
  readonly channelsPerBoard: number;
  readonly #clock: Clock;
  readonly #closeAfterMs: number;
  readonly #locks: LockState[][];

  constructor(options: SimulatedBankOptions) {
    if (!Number.isInteger(options.boards) || options.boards < 1) {
      throw new RangeError(`a simulated bank needs at least one board, got ${options.boards}`);
    }
    this.boardCount = options.boards;
    this.channelsPerBoard = options.channelsPerBoard;
    this.#clock = options.clock;
    this.#closeAfterMs = options.closeAfterMs;
    this.#locks = Array.from({ length: options.boards }, () =>
      Array.from({ length: options.channelsPerBoard }, (_, index) => ({
        channel: index + 1,
        door: 'closed' as const,
        item: false,
        holdOpen: false,
        closeTimer: undefined,
      })),
    );
  }

  hasBoard(board: number): boolean {
    return Number.isInteger(board) && board >= 0 && board < this.boardCount;
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

  setItem(board: number, channel: number, present: boolean): boolean {
    const lock = this.#lock(board, channel);
    if (!lock) {
      return false;
    }
    lock.item = present;
    return true;
  }

  /** One board's sensors, index i = channel i + 1. */
  sensors(board: number): { doorsOpen: boolean[]; itemsPresent: boolean[] } | undefined {
    const locks = this.#locks[board];
    if (!locks) {
      return undefined;
    }
    return {
      doorsOpen: locks.map((lock) => lock.door === 'open'),
      itemsPresent: locks.map((lock) => lock.item),
    };
  }

  snapshot(): SimulatedBoard[] {
    return this.#locks.map((locks, board) => ({
      board,
      locks: locks.map(({ channel, door, item, holdOpen }) => ({ channel, door, item, holdOpen })),
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
    return this.hasLock(board, channel) ? this.#locks[board]?.[channel - 1] : undefined;
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
