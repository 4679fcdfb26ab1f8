import type { Clock } from '../../src-shared/time/clock.js';

/**
 * Waiting on a serial bus, shared by the board adapters: Clock-driven pauses that a shutdown
 * or a lost device can cut short, and the "wait for silence, then flush" recovery of
 * hardware.md ("after a timeout or checksum error wait for silence and flush input").
 */
export class LineQuiet {
  readonly #clock: Clock;
  /** True once the bus is shut down: every pause then ends at once. */
  readonly #stopped: () => boolean;
  #lastDataAt = Number.NEGATIVE_INFINITY;
  #cancelPause: (() => void) | undefined;

  constructor(clock: Clock, stopped: () => boolean) {
    this.#clock = clock;
    this.#stopped = stopped;
  }

  /** Call on every byte received: silence is counted from the last one. */
  heard(): void {
    this.#lastDataAt = this.#clock.now();
  }

  /** A pause of `delayMs` on the clock; ends early on `interrupt()` or once stopped. */
  pause(delayMs: number): Promise<void> {
    if (this.#stopped() || delayMs <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = this.#clock.setTimeout(() => {
        this.#cancelPause = undefined;
        resolve();
      }, delayMs);
      this.#cancelPause = () => {
        this.#clock.clearTimeout(timer);
        this.#cancelPause = undefined;
        resolve();
      };
    });
  }

  /** Ends the pause in progress, if any (shutdown, device gone). */
  interrupt(): void {
    this.#cancelPause?.();
  }

  /**
   * Waits until the line has been quiet for `silenceMs` counted from now (a slow board's late
   * reply lands in that window), never longer than `maxWaitMs` (a line that never goes quiet).
   * The caller then drops what it had buffered.
   */
  async awaitSilence(silenceMs: number, maxWaitMs: number): Promise<void> {
    const failedAt = this.#clock.now();
    const giveUpAt = failedAt + maxWaitMs;
    for (;;) {
      const now = this.#clock.now();
      const quietFor = now - Math.max(this.#lastDataAt, failedAt);
      if (quietFor >= silenceMs || now >= giveUpAt || this.#stopped()) {
        return;
      }
      await this.pause(Math.min(silenceMs - quietFor, giveUpAt - now));
    }
  }
}

/** The codecs throw RangeError for addresses a protocol cannot carry; callers get a rejection. */
export function encodeOrError(encode: () => Uint8Array): Uint8Array | Error {
  try {
    return encode();
  } catch (error) {
    return error instanceof Error ? error : new RangeError(String(error));
  }
}
