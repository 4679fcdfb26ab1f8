import type { ApiError, Result } from '../../src-shared/api/result.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

/** What the code screen shows, replaced whole on every change. */
export interface CodeEntrySnapshot {
  checking: boolean;
  /** The core's message for the last refusal (one message for wrong, expired and unknown). */
  error: string | undefined;
  /** While set, the keypad waits (X3 back-off): the core would refuse unevaluated anyway. */
  lockedUntilMs: number | undefined;
}

/**
 * How long the keypad waits after `too_many_attempts` when the core does not say (an older
 * core): the core's message names the wait, and the keypad waits this little so a person is not
 * locked out longer than the core says.
 */
export const unknownWaitMs = 5000;

/** The wait the core asked for (`retryAfterMs`), when its error carries one. */
export function keypadWaitMs(error: ApiError): number {
  const { retryAfterMs } = error;
  return retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : unknownWaitMs;
}

/** A keypad screen's own words: what the code is for and where the person finds it. */
export interface CodeKeypadTexts {
  heading: MessageKey;
  hint: MessageKey;
  label: MessageKey;
}

/** What a keypad does with a code: one core method (pickup, storage, a hand-over's drop). */
export type SendCode<T> = (code: string) => Promise<Result<T>>;

/**
 * A code keypad (E1, F3, D3, X3): sends the code, shows the refusal, waits out a back-off. The
 * back-off is the kiosk's, whatever the code is for, so every keypad waits the same way.
 */
export class CodeEntry<T> {
  #snapshot: CodeEntrySnapshot = { checking: false, error: undefined, lockedUntilMs: undefined };
  #unlockTimer: TimerHandle | undefined;
  readonly #send: SendCode<T>;
  readonly #clock: Clock;
  readonly #changed: (snapshot: CodeEntrySnapshot) => void;

  constructor(send: SendCode<T>, clock: Clock, changed: (snapshot: CodeEntrySnapshot) => void) {
    this.#send = send;
    this.#clock = clock;
    this.#changed = changed;
  }

  get snapshot(): CodeEntrySnapshot {
    return this.#snapshot;
  }

  /** Resolves with the core's answer when the code was accepted, undefined when refused or ignored. */
  async submit(code: string): Promise<T | undefined> {
    const trimmed = code.trim();
    if (trimmed === '' || this.#snapshot.checking || this.#snapshot.lockedUntilMs !== undefined) {
      return undefined;
    }
    this.#update({ checking: true });
    const result = await this.#send(trimmed);
    if (result.ok) {
      this.#update({ checking: false, error: undefined });
      return result.value;
    }
    this.#update({ checking: false, error: result.error.message });
    if (result.error.code === 'too_many_attempts') {
      this.#lockFor(keypadWaitMs(result.error));
    }
    return undefined;
  }

  /** The screen is leaving: no timer may fire into it. */
  stop(): void {
    if (this.#unlockTimer) {
      this.#clock.clearTimeout(this.#unlockTimer);
      this.#unlockTimer = undefined;
    }
  }

  #lockFor(waitMs: number): void {
    this.stop();
    this.#update({ lockedUntilMs: this.#clock.now() + waitMs });
    this.#unlockTimer = this.#clock.setTimeout(() => {
      this.#unlockTimer = undefined;
      this.#update({ lockedUntilMs: undefined });
    }, waitMs);
  }

  #update(change: Partial<CodeEntrySnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#changed(this.#snapshot);
  }
}
