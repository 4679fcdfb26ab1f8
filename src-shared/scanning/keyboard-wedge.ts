import { defaultKeyboardWedgeSettings } from '../domain/hardware-profile.js';
import { maxScanLength } from '../domain/scan.js';
import type { Clock, TimerHandle } from '../time/clock.js';

export interface KeyboardWedgeOptions {
  /** Time of each key, and the timer that ends a scan on silence. */
  clock: Clock;
  onScan: (text: string) => void;
  /**
   * A burst ended that was not a scan (a person's quick keys): `claimed` is the text of the keys
   * the wedge had claimed, so the caller can give them back to the field they were meant for.
   */
  onNotScan?: (claimed: string) => void;
  /**
   * Longest gap between two keys of one scan. Scanners type a key every 1–20 ms, some every
   * 80–100 ms (raise this for those); people rarely type two keys within 50 ms.
   */
  maxInterKeyMs?: number;
  /** Silence that ends a scan sent without CR or Tab: 40–200 ms, at least `maxInterKeyMs`. */
  endSilenceMs?: number;
  /** Fewest characters a scan has; shorter bursts are a person's quick keys (default 5). */
  minLength?: number;
}

/**
 * A keyboard-wedge scanner tells itself apart from a person only by speed: it types a whole
 * code in a burst and usually ends it with Enter (CR) or Tab. The wedge is fed every key and
 * says which keys belong to a scan, so the caller can keep them out of a focused text field.
 *
 * The first key of a burst cannot be told from a person's key and is let through; from the
 * second fast key on, keys are claimed. A burst of `minLength - 1` keys or fewer is not a scan:
 * its claimed keys are handed back through `onNotScan`, for the caller to put where the person
 * meant them. A burst longer than maxScanLength is refused whole, not truncated.
 */
export class KeyboardWedge {
  readonly #clock: Clock;
  readonly #onScan: (text: string) => void;
  readonly #onNotScan: (claimed: string) => void;
  readonly #maxInterKeyMs: number;
  readonly #endSilenceMs: number;
  readonly #minLength: number;
  #burst = '';
  #tooLong = false;
  #lastKeyAt: number | undefined;
  #silenceTimer: TimerHandle | undefined;

  constructor(options: KeyboardWedgeOptions) {
    this.#clock = options.clock;
    this.#onScan = options.onScan;
    this.#onNotScan = options.onNotScan ?? (() => undefined);
    this.#maxInterKeyMs = options.maxInterKeyMs ?? defaultKeyboardWedgeSettings.maxInterKeyMs;
    this.#endSilenceMs = options.endSilenceMs ?? defaultKeyboardWedgeSettings.endSilenceMs;
    this.#minLength = options.minLength ?? defaultKeyboardWedgeSettings.minLength;
    checkTiming(this.#maxInterKeyMs, this.#endSilenceMs, this.#minLength);
  }

  /**
   * One `keydown` (its `key` value: a character, `Enter`, `Tab`, `Shift`…). Returns true when
   * the key belongs to a scan and must not reach the page.
   */
  key(key: string): boolean {
    const now = this.#clock.now();
    if (key === 'Enter' || key === 'Tab') {
      return this.#terminator(now);
    }
    if (!isCharacter(key)) {
      // Shift before a capital, Caps Lock, dead keys: part of typing, not of the text.
      return false;
    }
    const continues = this.#lastKeyAt !== undefined && now - this.#lastKeyAt <= this.#maxInterKeyMs;
    if (!continues) {
      this.#finish();
    }
    this.#append(key);
    this.#lastKeyAt = now;
    this.#armSilenceTimer();
    return continues;
  }

  /** Forgets a scan in progress without reporting it (the page is leaving). */
  reset(): void {
    this.#cancelSilenceTimer();
    this.#burst = '';
    this.#tooLong = false;
    this.#lastKeyAt = undefined;
  }

  /**
   * Enter or Tab ends the burst it follows, as long as the burst has not already ended on
   * silence; the scanner's terminator is claimed, a person's Enter after a quick pair is not.
   */
  #terminator(now: number): boolean {
    const pending = this.#lastKeyAt !== undefined && now - this.#lastKeyAt <= this.#endSilenceMs;
    const claim = pending && this.#isScan();
    this.#finish();
    return claim;
  }

  #append(key: string): void {
    if (this.#tooLong) {
      return;
    }
    if (this.#burst.length + key.length > maxScanLength) {
      this.#burst = '';
      this.#tooLong = true;
      return;
    }
    this.#burst += key;
  }

  #isScan(): boolean {
    return this.#tooLong || this.#burst.length >= this.#minLength;
  }

  /** Ends the current burst: reports it when it is a scan that fits. */
  #finish(): void {
    const text = this.#burst;
    const tooLong = this.#tooLong;
    const report = !tooLong && text.length >= this.#minLength;
    this.reset();
    if (report) {
      this.#onScan(text);
      return;
    }
    // Every key after the first was claimed; a person's quick keys get them back.
    const claimed = [...text].slice(1).join('');
    if (!tooLong && claimed !== '') {
      this.#onNotScan(claimed);
    }
  }

  #armSilenceTimer(): void {
    this.#cancelSilenceTimer();
    this.#silenceTimer = this.#clock.setTimeout(() => {
      this.#silenceTimer = undefined;
      this.#finish();
    }, this.#endSilenceMs);
  }

  #cancelSilenceTimer(): void {
    if (this.#silenceTimer) {
      this.#clock.clearTimeout(this.#silenceTimer);
      this.#silenceTimer = undefined;
    }
  }
}

/** One printed character (a code point, so a character outside the BMP counts once). */
function isCharacter(key: string): boolean {
  const codePoint = key.codePointAt(0);
  return codePoint !== undefined && codePoint >= 0x20 && [...key].length === 1;
}

function checkTiming(maxInterKeyMs: number, endSilenceMs: number, minLength: number): void {
  if (!(maxInterKeyMs > 0) || !(endSilenceMs >= maxInterKeyMs)) {
    throw new RangeError(
      `keyboard wedge timing: need 0 < maxInterKeyMs (${maxInterKeyMs}) <= endSilenceMs (${endSilenceMs})`,
    );
  }
  if (!Number.isInteger(minLength) || minLength < 1) {
    throw new RangeError(`keyboard wedge minLength must be a whole number >= 1, got ${minLength}`);
  }
}
