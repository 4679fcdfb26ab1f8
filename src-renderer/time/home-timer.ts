import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

/**
 * When a recipient's screen goes back home by itself (C8): after `inactivitySeconds` nobody
 * touched it, or `returnHomeSeconds` after a finished pickup whatever happens. One timer at a
 * time, on the injected clock. A screen whose door stands open for the person holds it: they
 * are busy at the compartment, not at the screen, and what the screen shows once the door
 * closes (a storage code, F1) must still be there.
 */
export class HomeTimer {
  readonly #clock: Clock;
  readonly #goHome: () => void;
  #handle: TimerHandle | undefined;
  /** Set while watching for inactivity: a touch restarts the wait. */
  #inactivityMs: number | undefined;
  #deadlineMs: number | undefined;
  /** The full wait of the timer now armed: the inactivity time, or a finished screen's delay. */
  #armedDelayMs: number | undefined;
  /** Set while held: the delay to wait in full once released (undefined: nothing to wait). */
  #held: { delayMs: number | undefined } | undefined;

  constructor(clock: Clock, goHome: () => void) {
    this.#clock = clock;
    this.#goHome = goHome;
  }

  /** When the screen will go home, if it will. */
  get deadlineMs(): number | undefined {
    return this.#deadlineMs;
  }

  /** Whether a door the person is using holds the timer. */
  get held(): boolean {
    return this.#held !== undefined;
  }

  /** Home after `delayMs` without a touch. */
  watchInactivity(delayMs: number): void {
    this.#inactivityMs = delayMs;
    this.#armUnlessHeld(delayMs);
  }

  /** Home after `delayMs`, touched or not (a finished screen). */
  returnAfter(delayMs: number): void {
    this.#inactivityMs = undefined;
    this.#armUnlessHeld(delayMs);
  }

  /** Somebody touched the screen. */
  touch(): void {
    if (this.#inactivityMs !== undefined && !this.held) {
      this.#arm(this.#inactivityMs);
    }
  }

  /**
   * A door stands open for the person: the screen stays until `release()`, however long they
   * take. Holding twice is holding once.
   */
  hold(): void {
    if (this.held) {
      return;
    }
    const delayMs = this.#handle === undefined ? undefined : this.#armedDelayMs;
    this.#clear();
    this.#held = { delayMs };
  }

  /**
   * The door closed: the wait starts again in full, as if the person had just touched the
   * screen (they may be reading what it now says). Nothing to do when not held.
   */
  release(): void {
    const held = this.#held;
    if (held === undefined) {
      return;
    }
    this.#held = undefined;
    if (held.delayMs !== undefined) {
      this.#arm(held.delayMs);
    }
  }

  stop(): void {
    this.#clear();
    this.#inactivityMs = undefined;
    this.#held = undefined;
  }

  #armUnlessHeld(delayMs: number): void {
    if (this.#held !== undefined) {
      this.#held = { delayMs };
    } else {
      this.#arm(delayMs);
    }
  }

  #arm(delayMs: number): void {
    this.#clear();
    this.#armedDelayMs = delayMs;
    this.#deadlineMs = this.#clock.now() + delayMs;
    this.#handle = this.#clock.setTimeout(() => {
      this.#handle = undefined;
      this.#deadlineMs = undefined;
      this.#armedDelayMs = undefined;
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
    this.#armedDelayMs = undefined;
  }
}

/** Whole seconds left until `deadlineMs`, rounded up (never shows 0 while time is left). */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}
