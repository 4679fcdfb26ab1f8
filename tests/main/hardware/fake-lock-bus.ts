import type { LockAddress } from '../../../src-shared/domain/compartment.js';
import { sleep, type Clock } from '../../../src-shared/time/clock.js';
import {
  LockBusError,
  type BoardReading,
  type LockBus,
} from '../../../src-main/hardware/lock-bus.js';

/**
 * An in-memory LockBus: boards whose doors tests set, reads that take `readDelayMs` of the
 * injected clock, boards that stop answering, and locks that open (or jam) when pulsed.
 */
export class FakeLockBus implements LockBus {
  readonly reads: number[] = [];
  readonly unlocks: LockAddress[] = [];
  readonly failingBoards = new Set<number>();
  readDelayMs = 0;
  /** What a pulse does: open the door after `openDelayMs`, or nothing (a jammed lock). */
  unlockOpensDoor = true;
  openDelayMs = 0;
  failUnlock = false;
  /** False for boards without item sensors: readings then carry no itemsPresent. */
  itemSensorsFitted = true;
  readonly #clock: Clock;
  readonly #doors = new Map<number, boolean[]>();
  readonly #items = new Map<number, boolean[]>();

  constructor(clock: Clock, boards: readonly number[]) {
    this.#clock = clock;
    for (const board of boards) {
      this.#doors.set(board, Array<boolean>(16).fill(false));
      this.#items.set(board, Array<boolean>(16).fill(false));
    }
  }

  setDoor(lock: LockAddress, open: boolean): void {
    const doors = this.#doors.get(lock.board);
    if (doors) {
      doors[lock.channel - 1] = open;
    }
  }

  setItem(lock: LockAddress, present: boolean): void {
    const items = this.#items.get(lock.board);
    if (items) {
      items[lock.channel - 1] = present;
    }
  }

  async unlock(lock: LockAddress): Promise<void> {
    if (this.failUnlock) {
      throw new LockBusError('port_error', 'write failed');
    }
    this.unlocks.push(lock);
    if (this.unlockOpensDoor) {
      if (this.openDelayMs > 0) {
        this.#clock.setTimeout(() => this.setDoor(lock, true), this.openDelayMs);
      } else {
        this.setDoor(lock, true);
      }
    }
  }

  async readBoard(board: number): Promise<BoardReading> {
    this.reads.push(board);
    if (this.readDelayMs > 0) {
      await sleep(this.#clock, this.readDelayMs);
    }
    const doors = this.#doors.get(board);
    if (!doors || this.failingBoards.has(board)) {
      throw new LockBusError('timeout', `board ${board} did not answer`);
    }
    const items = this.itemSensorsFitted ? [...(this.#items.get(board) ?? [])] : undefined;
    return { board, doorsOpen: [...doors], itemsPresent: items };
  }

  async close(): Promise<void> {}
}
