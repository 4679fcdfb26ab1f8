import type { Clock } from '../../src-shared/time/clock.js';
import { BackoffCounter, type BackoffPolicy } from './backoff.js';

/**
 * Limits on typed codes, counted per kiosk keypad and per code target, never per network
 * address (security.md, X3).
 *
 * The problem: a bank has one keypad. If failures there locked the keypad, one person typing
 * nonsense would lock every recipient out of their parcels, which is exactly what security.md
 * forbids ("one attacker cannot lock out other recipients' codes"). So nothing here is a lock;
 * everything is a wait, and the wait is built so that it cannot be stretched by the attacker:
 *
 * 1. Anonymous attempts (a code typed with nobody identified; it may match any active code of the
 *    bank) wait for the keypad's back-off. That back-off only grows with *evaluated* failures,
 *    and an attempt made during a wait is refused without being evaluated or counted. So the
 *    wait after the attacker's last failure is at most `maxDelayMs`, however hard they keep
 *    pressing keys; once it has passed, any correct code (another recipient's or their own)
 *    works at once. A correct code typed *during* the wait is refused too: the keypad cannot
 *    tell it from a guess without evaluating it, and evaluating guesses is what the wait limits.
 * 2. Targeted attempts (the target is known before the code is checked: a recipient identified
 *    by badge, a parcel chosen on screen) match only that target's codes, so a guess there has
 *    one chance in 10^6 instead of (active codes) in 10^6. They wait for that target's own
 *    back-off and not for the keypad's: an attacker hammering the keypad cannot hold up an
 *    identified recipient, and an attacker going after parcel A cannot hold up parcel B. Their
 *    failures still count on the keypad too, so spreading guesses over targets raises the
 *    keypad's back-off and its alert.
 * 3. A target's back-off never stops that target's code on the anonymous path (the target is
 *    unknown until the code is checked), so someone who makes parcel A's targeted attempts wait
 *    cannot keep A's own recipient out either: A types the code at the keypad.
 * 4. Success does not clear the keypad's count: otherwise an attacker holding one valid code of
 *    their own (verify does not consume it) could type it every four guesses and never slow
 *    down. The count is forgotten after `forgetAfterMs` without failures instead. A success
 *    clears the count of the target it matched.
 *
 * Guessing rate this leaves (defaults, someone at the keypad all day): after the free failures,
 * one anonymous guess per 15 minutes, each hitting one of the active codes with probability
 * active/10^6. Targeted guesses at all N targets in parallel give at most N guesses per hour at
 * 1/10^6 each, the same order. Every refusal is logged and a back-off is announced (X3 "denied
 * attempts logged and alerted") so the mailroom can go and look.
 *
 * State is in memory: a restarted kiosk forgets the counts (a power cut is noticed and logged).
 */
export const defaultKeypadBackoff: Readonly<BackoffPolicy> = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** Longer than the keypad's: a target is one person's parcel, and they have the keypad too. */
export const defaultTargetBackoff: Readonly<BackoffPolicy> = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

/** Who an attempt is for, when known before checking the code. */
export interface AttemptSubject {
  targetId?: string | undefined;
}

export interface AttemptFailure {
  /** How long the next attempt of the same kind must wait; 0 when it need not. */
  retryAfterMs: number;
  keypadFailures: number;
  targetFailures: number | undefined;
}

export interface AttemptLimiterOptions {
  clock: Clock;
  keypad?: BackoffPolicy;
  target?: BackoffPolicy;
}

const keypadKey = 'keypad';

export class CodeAttemptLimiter {
  readonly #keypad: BackoffCounter;
  readonly #targets: BackoffCounter;

  constructor(options: AttemptLimiterOptions) {
    this.#keypad = new BackoffCounter(options.keypad ?? defaultKeypadBackoff, options.clock);
    this.#targets = new BackoffCounter(options.target ?? defaultTargetBackoff, options.clock);
  }

  /** Milliseconds before this attempt may be evaluated; 0 when it may be now. */
  waitBeforeAttempt(subject: AttemptSubject): number {
    return subject.targetId === undefined
      ? this.#keypad.waitMs(keypadKey)
      : this.#targets.waitMs(subject.targetId);
  }

  recordFailure(subject: AttemptSubject): AttemptFailure {
    const keypadDelayMs = this.#keypad.recordFailure(keypadKey);
    const keypadFailures = this.#keypad.failures(keypadKey);
    if (subject.targetId === undefined) {
      return { retryAfterMs: keypadDelayMs, keypadFailures, targetFailures: undefined };
    }
    const targetDelayMs = this.#targets.recordFailure(subject.targetId);
    return {
      retryAfterMs: targetDelayMs,
      keypadFailures,
      targetFailures: this.#targets.failures(subject.targetId),
    };
  }

  /** A code of `targetId` was accepted: that target's count starts again (the keypad's does not). */
  recordSuccess(targetId: string): void {
    this.#targets.reset(targetId);
  }
}
