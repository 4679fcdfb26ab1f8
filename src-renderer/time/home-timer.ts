import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

/**
 * When a recipient's screen goes back home by itself (C8): after `inactivitySeconds` nobody
 * touched it, or `returnHomeSeconds` after a finished pickup whatever happens. One timer at a
 * time, on the injected clock.
 */
export class HomeTimer {
  readonly #clock: Clock;
  readonly #goHome: () => void;
  #handle: TimerHandle | undefined;
  /** Set while watching for inactivity: a touch restarts the wait. */
  #inactivityMs: number | undefined;
  #deadlineMs: number | undefined;

  constructor(clock: Clock, goHome: () => void) {
    this.#clock = clock;
    this.#goHome = goHome;
  }

  /** When the screen will go home, if it will. */
  get deadlineMs(): number | undefined {
    return this.#deadlineMs;
  }

  /** Home after `delayMs` without a touch. */
  watchInactivity(delayMs: number): void {
    this.#inactivityMs = delayMs;
    this.#arm(delayMs);
  }

  /** Home after `delayMs`, touched or not (a finished screen). */
  returnAfter(delayMs: number): void {
    this.#inactivityMs = undefined;
    this.#arm(delayMs);
  }

  /** Somebody touched the screen. */
  touch(): void {
    if (this.#inactivityMs !== undefined) {
      this.#arm(this.#inactivityMs);
    }
  }

  stop(): void {
    this.#clear();
    this.#inactivityMs = undefined;
  }

  #arm(delayMs: number): void {
    this.#clear();
    this.#deadlineMs = this.#clock.now() + delayMs;
    this.#handle = this.#clock.setTimeout(() => {
      this.#handle = undefined;
      this.#deadlineMs = undefined;
      this.#inactivityMs = undefined;
      this.#goHome();
    }, delayMs);
  }

  #clear(): void {
    if (this.#handle) {
      this.#clock.clearTimeout(this.#handle);
    }
    this.#handle = undefined;
    this.#deadlineMs = undefined;
  }
}

/** Whole seconds left until `deadlineMs`, rounded up (never shows 0 while time is left). */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}
