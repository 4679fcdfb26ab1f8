import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import type { Clock } from '../../src-shared/time/clock.js';

/** Ends one commanded unlock; `outcome` is undefined when the unlock itself threw. */
export type SettleOpening = (outcome: UnlockOutcome | undefined) => void;

/**
 * Which locks the kiosk has just told to open (X2: commanded vs uncommanded openings).
 * A lock expects an opening from just before its pulse until the unlock's outcome is known, and
 * then for `lateOpeningGraceMs` more when the door was not seen open (jammed, unknown): a latch
 * that gives way a moment late, or a board that stopped answering while the door opened, is
 * still the opening the kiosk asked for. The first opening seen in that window uses it up.
 */
export class DoorExpectations {
  readonly #clock: Clock;
  readonly #lateOpeningGraceMs: () => number;
  readonly #inFlight = new Map<string, number>();
  readonly #graceUntil = new Map<string, number>();

  /** `lateOpeningGraceMs` is read at each settle, so a changed profile applies at once. */
  constructor(clock: Clock, lateOpeningGraceMs: () => number) {
    this.#clock = clock;
    this.#lateOpeningGraceMs = lateOpeningGraceMs;
  }

  /** Call before the pulse; call the returned function once with the outcome. */
  expectOpening(lock: LockAddress): SettleOpening {
    const key = lockKey(lock);
    this.#inFlight.set(key, (this.#inFlight.get(key) ?? 0) + 1);
    let settled = false;
    return (outcome) => {
      if (settled) {
        return;
      }
      settled = true;
      const remaining = (this.#inFlight.get(key) ?? 1) - 1;
      if (remaining > 0) {
        this.#inFlight.set(key, remaining);
      } else {
        this.#inFlight.delete(key);
      }
      if (outcome === 'door_seen_open' || outcome === 'door_already_open') {
        // The opening asked for has happened (or was not needed): nothing more is expected.
        this.#graceUntil.delete(key);
      } else {
        this.#graceUntil.set(key, this.#clock.now() + this.#lateOpeningGraceMs());
      }
    };
  }

  /**
   * A door was just seen opening: true when the kiosk had asked for it (and uses the
   * expectation up), false when nobody had: an opening without a command.
   */
  claimOpening(lock: LockAddress): boolean {
    const key = lockKey(lock);
    if ((this.#inFlight.get(key) ?? 0) > 0) {
      return true;
    }
    const until = this.#graceUntil.get(key);
    this.#graceUntil.delete(key);
    return until !== undefined && this.#clock.now() <= until;
  }
}

export function lockKey(lock: LockAddress): string {
  return `${lock.board}:${lock.channel}`;
}
