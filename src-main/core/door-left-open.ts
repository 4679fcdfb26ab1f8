import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import { lockKey } from './door-expectations.js';

/**
 * One timer per open door (X2 "left open longer than the configured time"): the alarm fires at
 * most once per opening, and closing the door (or stopping) cancels it.
 */
export class LeftOpenTimers {
  readonly #clock: Clock;
  /** 'raised' after the alarm fired, until the door closes: once per opening. */
  readonly #timers = new Map<string, TimerHandle | 'raised'>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** The door is open: `alarm` runs after `afterMs` unless it closes first. */
  doorOpened(lock: LockAddress, afterMs: number, alarm: () => void): void {
    const key = lockKey(lock);
    if (this.#timers.has(key)) {
      return;
    }
    const handle = this.#clock.setTimeout(() => {
      this.#timers.set(key, 'raised');
      alarm();
    }, afterMs);
    this.#timers.set(key, handle);
  }

  doorClosed(lock: LockAddress): void {
    const key = lockKey(lock);
    const handle = this.#timers.get(key);
    if (handle && handle !== 'raised') {
      this.#clock.clearTimeout(handle);
    }
    this.#timers.delete(key);
  }

  stop(): void {
    for (const handle of this.#timers.values()) {
      if (handle !== 'raised') {
        this.#clock.clearTimeout(handle);
      }
    }
    this.#timers.clear();
  }
}
