import type { SerialLine } from '../../src-main/hardware/serial-line.js';
import { sleep, type Clock } from '../../src-shared/time/clock.js';
import { scanSuffixes, type ScanSuffix } from './scanner-sim-options.js';

export interface ScanRequest {
  /** The code's content, AIM identifier first if the scanner should send one (`]C1…`). */
  text: string;
  /** Defaults to the simulator's suffix. */
  suffix?: ScanSuffix;
}

export interface SimulatedScanner {
  /** Writes one scan to the line; resolves once its bytes are written. */
  scan(request: ScanRequest): Promise<{ bytes: number }>;
  readonly scans: number;
}

/**
 * A serial-mode bar code scanner: each scan is the code's bytes (UTF-8) and a suffix. Scans go
 * out one after another, never interleaved, even when asked for at the same time.
 */
export function createSimulatedScanner(options: {
  line: SerialLine;
  clock: Clock;
  suffix: ScanSuffix;
  charDelayMs: number;
}): SimulatedScanner {
  let queue: Promise<unknown> = Promise.resolve();
  let scans = 0;

  async function write(bytes: Uint8Array): Promise<void> {
    if (options.charDelayMs === 0) {
      await options.line.write(bytes);
      return;
    }
    for (const byte of bytes) {
      await options.line.write(Uint8Array.of(byte));
      await sleep(options.clock, options.charDelayMs);
    }
  }

  return {
    scan(request) {
      const bytes = new TextEncoder().encode(
        request.text + scanSuffixes[request.suffix ?? options.suffix],
      );
      const written = queue.then(() => write(bytes));
      queue = written.catch(() => undefined);
      return written.then(() => {
        scans++;
        return { bytes: bytes.length };
      });
    },
    get scans() {
      return scans;
    },
  };
}
