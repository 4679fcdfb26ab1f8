import type { Clock } from '../../src-shared/time/clock.js';

/** How long a code must be out of sight before the camera reports it again. */
export const defaultRepeatQuietMs = 3000;

/**
 * A camera sees the same code in frame after frame for as long as it is held up. Each text is
 * let through once; it is let through again only after it has not been seen for `quietMs`, so a
 * parcel held still is one scan, and the same parcel shown again later is a second scan.
 */
export class RepeatFilter {
  readonly #clock: Pick<Clock, 'now'>;
  readonly #quietMs: number;
  /** When each text was last seen, accepted or not. */
  readonly #lastSeen = new Map<string, number>();

  constructor(clock: Pick<Clock, 'now'>, quietMs = defaultRepeatQuietMs) {
    this.#clock = clock;
    this.#quietMs = quietMs;
  }

  /** True when `text` is a new scan; false when it is the same code still in view. */
  accept(text: string): boolean {
    const now = this.#clock.now();
    this.#forgetOlderThan(now - this.#quietMs);
    const seenRecently = this.#lastSeen.has(text);
    this.#lastSeen.set(text, now);
    return !seenRecently;
  }

  /** Forgets everything (the camera was switched off). */
  reset(): void {
    this.#lastSeen.clear();
  }

  #forgetOlderThan(cutoff: number): void {
    for (const [text, seenAt] of this.#lastSeen) {
      if (seenAt < cutoff) {
        this.#lastSeen.delete(text);
      }
    }
  }
}
