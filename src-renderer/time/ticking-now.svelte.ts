import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

/**
 * The time, redrawn once a second, for countdowns (keypad wait, re-open grace, return home).
 * Ticks on the injected clock, and only while a screen that shows a countdown runs it.
 */
export class TickingNow {
  now: number = $state(0);
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
    this.now = clock.now();
  }

  /** Starts ticking; returns a function that stops. */
  start(): () => void {
    let handle: TimerHandle | undefined;
    const tick = (): void => {
      this.now = this.#clock.now();
      // Aligned to whole seconds of the clock, so every countdown on screen turns together.
      handle = this.#clock.setTimeout(tick, 1000 - (this.now % 1000));
    };
    tick();
    return () => {
      if (handle) {
        this.#clock.clearTimeout(handle);
      }
    };
  }
}
