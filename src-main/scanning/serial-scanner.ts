import type { Clock } from '../../src-shared/time/clock.js';
import { ReconnectingSerialLine } from '../hardware/reconnecting-serial-line.js';
import { openSerialLine, type SerialLine } from '../hardware/serial-line.js';
import type { Logger } from '../logging/logger.js';
import { scanBytesToText } from './scan-bytes.js';
import { ScanLineAssembler } from './scan-line-assembler.js';
import type { ScannerSource } from './scanner-source.js';

export interface SerialScannerOptions {
  /** The scanner's serial line: serialport in production, a pty or a fake in tests. */
  line: SerialLine;
  clock: Clock;
  logger: Logger;
  /** Silence that ends a scan sent without CR/LF (default 100 ms). */
  silenceMs?: number;
}

/**
 * A scanner in serial mode (USB CDC, or RS-232 through an adapter): it sends each code as a
 * line of bytes. Only reads; a scanner needs no answer.
 */
export function startSerialScanner(options: SerialScannerOptions): ScannerSource {
  const listeners = new Set<(text: string) => void>();
  const assembler = new ScanLineAssembler({
    clock: options.clock,
    ...(options.silenceMs === undefined ? {} : { silenceMs: options.silenceMs }),
    onLine: (bytes) => {
      const text = scanBytesToText(bytes);
      for (const listener of listeners) {
        listener(text);
      }
    },
    onTooLong: () => {
      options.logger.warn({ source: 'serial' }, 'scan dropped: longer than any scan may be');
    },
  });
  const stopData = options.line.onData((chunk) => {
    assembler.push(chunk);
  });
  // A scan cut by the cable going away is dropped: a cut code can read as another valid one.
  const stopClose = options.line.onClose(() => {
    assembler.dispose();
  });
  const stopInterrupted =
    options.line.onInterrupted?.(() => {
      assembler.dispose();
    }) ?? (() => undefined);
  return {
    source: 'serial',
    onText: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      stopData();
      stopClose();
      stopInterrupted();
      assembler.dispose();
      listeners.clear();
      await options.line.close();
    },
  };
}

export interface OpenSerialScannerOptions {
  /** Prefer /dev/serial/by-id/… so the path survives replugging. */
  path: string;
  /** USB CDC ignores it; an RS-232 scanner is usually set to 9600 (the default). */
  baudRate?: number;
  clock: Clock;
  logger: Logger;
  silenceMs?: number;
  /** Pause between attempts to open an absent scanner (default 1000 ms). */
  retryIntervalMs?: number;
}

/**
 * Opens a serial scanner that survives being unplugged: it starts even when the scanner is
 * absent and picks it up when it appears (ReconnectingSerialLine). Never rejects.
 */
export async function openSerialScanner(options: OpenSerialScannerOptions): Promise<ScannerSource> {
  const line = await ReconnectingSerialLine.start({
    device: options.path,
    clock: options.clock,
    open: () => openSerialLine({ path: options.path, baudRate: options.baudRate ?? 9600 }),
    ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
    onProblem: (error) => {
      options.logger.warn(
        { source: 'serial', device: options.path, err: error },
        'serial scanner not available',
      );
    },
  });
  return startSerialScanner({
    line,
    clock: options.clock,
    logger: options.logger,
    ...(options.silenceMs === undefined ? {} : { silenceMs: options.silenceMs }),
  });
}
