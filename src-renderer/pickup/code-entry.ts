import type { ApiError } from '../../src-shared/api/result.js';
import type { PickupView } from '../../src-shared/api/pickup-methods.js';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { KioskClient } from '../kiosk-client.js';

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

/** The pickup code keypad (E1, X3): sends the code, shows the refusal, waits out a back-off. */
export class CodeEntry {
  #snapshot: CodeEntrySnapshot = { checking: false, error: undefined, lockedUntilMs: undefined };
  #unlockTimer: TimerHandle | undefined;
  readonly #client: KioskClient;
  readonly #clock: Clock;
  readonly #changed: (snapshot: CodeEntrySnapshot) => void;

  constructor(client: KioskClient, clock: Clock, changed: (snapshot: CodeEntrySnapshot) => void) {
    this.#client = client;
    this.#clock = clock;
    this.#changed = changed;
  }

  get snapshot(): CodeEntrySnapshot {
    return this.#snapshot;
  }

  /** Resolves with the pickup when the code opened one, undefined when refused or ignored. */
  async submit(code: string): Promise<PickupView | undefined> {
    const trimmed = code.trim();
    if (trimmed === '' || this.#snapshot.checking || this.#snapshot.lockedUntilMs !== undefined) {
      return undefined;
    }
    this.#update({ checking: true });
    const result = await this.#client.call('pickup.withCode', { code: trimmed });
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
