import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import { maxScanBytes } from './scan-bytes.js';

export interface ScanLineAssemblerOptions {
  clock: Clock;
  /** Silence that ends a scan sent without CR or LF (default 100 ms). */
  silenceMs?: number;
  /** A complete scan's bytes (without its CR/LF). */
  onLine: (bytes: Uint8Array) => void;
  /** A scan longer than maxScanBytes was dropped whole. */
  onTooLong?: () => void;
}

export const defaultSerialSilenceMs = 100;

/**
 * Cuts a serial scanner's byte stream into scans: a scan ends at CR or LF (so CR LF ends one
 * scan and then an empty line, which is skipped) or after `silenceMs` without a byte, for
 * scanners set up with no suffix. Chunks can split a scan anywhere: USB CDC delivers bytes in
 * packets that have nothing to do with the scan.
 */
export class ScanLineAssembler {
  readonly #clock: Clock;
  readonly #silenceMs: number;
  readonly #onLine: (bytes: Uint8Array) => void;
  readonly #onTooLong: () => void;
  #buffer: number[] = [];
  #tooLong = false;
  #silenceTimer: TimerHandle | undefined;

  constructor(options: ScanLineAssemblerOptions) {
    this.#clock = options.clock;
    this.#silenceMs = options.silenceMs ?? defaultSerialSilenceMs;
    this.#onLine = options.onLine;
    this.#onTooLong = options.onTooLong ?? (() => undefined);
  }

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (byte === 0x0d || byte === 0x0a) {
        this.#end();
      } else if (!this.#tooLong) {
        this.#buffer.push(byte);
        if (this.#buffer.length > maxScanBytes) {
          this.#buffer = [];
          this.#tooLong = true;
        }
      }
    }
    this.#cancelSilenceTimer();
    if (this.#buffer.length > 0 || this.#tooLong) {
      this.#silenceTimer = this.#clock.setTimeout(() => {
        this.#silenceTimer = undefined;
        this.#end();
      }, this.#silenceMs);
    }
  }

  /** Drops a scan in progress (the line closed). */
  dispose(): void {
    this.#cancelSilenceTimer();
    this.#buffer = [];
    this.#tooLong = false;
  }

  #end(): void {
    const bytes = Uint8Array.from(this.#buffer);
    const tooLong = this.#tooLong;
    this.dispose();
    if (tooLong) {
      this.#onTooLong();
    } else if (bytes.length > 0) {
      this.#onLine(bytes);
    }
  }

  #cancelSilenceTimer(): void {
    if (this.#silenceTimer) {
      this.#clock.clearTimeout(this.#silenceTimer);
      this.#silenceTimer = undefined;
    }
  }
}
