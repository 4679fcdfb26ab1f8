import type { SimulatorControl } from '../../helpers/board-simulator.js';
import { allDemoLocks, lockOf } from './demo-bank.js';

/**
 * The person standing at the locker, played through the board simulator's control API: doors
 * stay open until they close them (instead of swinging shut by themselves after an unlock), and
 * the item sensor sees what they put in or take out.
 */
export class PersonAtLocker {
  readonly #simulator: SimulatorControl;

  constructor(simulator: SimulatorControl) {
    this.#simulator = simulator;
  }

  /** From now on an unlocked door stays open until `close` (the simulator's leftOpen fault). */
  async holdDoorsOpen(): Promise<void> {
    await Promise.all(
      allDemoLocks().map(({ board, channel }) => this.#simulator.setHoldOpen(board, channel, true)),
    );
  }

  /** Doors swing shut by themselves again; every other fault goes too. */
  async letDoorsSwingShut(): Promise<void> {
    await this.#simulator.resetFaults();
  }

  async isOpen(label: string): Promise<boolean> {
    const { board, channel } = lockOf(label);
    return (await this.#simulator.lock(board, channel)).door === 'open';
  }

  /** Puts a parcel in compartment `label` and shuts its door. */
  async depositAndClose(label: string): Promise<void> {
    const { board, channel } = lockOf(label);
    await this.#simulator.setItem(board, channel, true);
    await this.#simulator.closeByHand(board, channel);
  }

  /** Takes everything out of compartment `label` and shuts its door. */
  async emptyAndClose(label: string): Promise<void> {
    const { board, channel } = lockOf(label);
    await this.#simulator.setItem(board, channel, false);
    await this.#simulator.closeByHand(board, channel);
  }

  /** Makes the lock of compartment `label` do nothing when pulsed. */
  async jam(label: string): Promise<void> {
    const { board, channel } = lockOf(label);
    await this.#simulator.setDoorFaults(board, channel, { jammed: true });
  }
}
