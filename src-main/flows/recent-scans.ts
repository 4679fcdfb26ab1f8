import { randomUUID } from 'node:crypto';
import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import type { Clock } from '../../src-shared/time/clock.js';

/**
 * Scans the core keeps for a little while, by id. A credential's text never reaches the pages
 * (scan-event.ts), so a page that wants to act on a badge or a pickup QR names the scan by its
 * id and the core looks the text up here. Short-lived and bounded: a scan is acted on at once
 * or never, and the map must not grow with a scanner left in a loop.
 */
export const recentScanLifetimeMs = 2 * 60_000;
const maxRecentScans = 50;

interface HeldScan {
  scan: ClassifiedScan;
  atMs: number;
}

export class RecentScans {
  readonly #clock: Clock;
  readonly #held = new Map<string, HeldScan>();
  readonly #ids = new WeakMap<ClassifiedScan, string>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Keeps the scan and returns the id the pages will know it by; the same scan object (the one
   * every listener of the pipeline receives) always gets the same id.
   */
  remember(scan: ClassifiedScan): string {
    const known = this.#ids.get(scan);
    if (known) {
      return known;
    }
    const scanId = randomUUID();
    this.#ids.set(scan, scanId);
    this.#held.set(scanId, { scan, atMs: this.#clock.now() });
    // Map keeps insertion order: the first keys are the oldest.
    for (const oldest of this.#held.keys()) {
      if (this.#held.size <= maxRecentScans) {
        break;
      }
      this.#held.delete(oldest);
    }
    return scanId;
  }

  /** The scan, used up: a badge scanned once signs in once. */
  take(scanId: string): ClassifiedScan | undefined {
    const held = this.#held.get(scanId);
    this.#held.delete(scanId);
    if (!held || this.#clock.now() - held.atMs > recentScanLifetimeMs) {
      return undefined;
    }
    return held.scan;
  }

  /** The scan, kept: reading a tracking number twice is harmless. */
  peek(scanId: string): ClassifiedScan | undefined {
    const held = this.#held.get(scanId);
    if (!held || this.#clock.now() - held.atMs > recentScanLifetimeMs) {
      return undefined;
    }
    return held.scan;
  }
}
