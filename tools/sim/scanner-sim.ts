/**
 * A serial-mode bar code scanner as its own process, on one end of a socat pty pair (the kiosk
 * opens the other end as it would /dev/ttyACM0):
 *   npm run sim:scanner -- --device <path> [--suffix cr] [--char-delay-ms 0]
 * When ready it prints one JSON line: {"ready":true,"controlUrl":"http://127.0.0.1:PORT"}.
 * Scan with `POST /scan {"text":"1Z…"}` on the control URL, or type a line on stdin.
 * SIGTERM / SIGINT stop it; so does the line closing (socat gone).
 */
import { createInterface } from 'node:readline';
import { openSerialLine } from '../../src-main/hardware/serial-line.js';
import { systemClock } from '../../src-main/time/system-clock.js';
import { startScannerControlServer, type ScannerControlServer } from './scanner-sim-control.js';
import {
  parseScannerSimArguments,
  scannerSimUsage,
  unescapeScanText,
  type ScannerSimOptions,
} from './scanner-sim-options.js';
import { createSimulatedScanner } from './scanner-sim-runtime.js';

async function main(): Promise<void> {
  let options: ScannerSimOptions;
  try {
    options = parseScannerSimArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${scannerSimUsage}`);
    process.exitCode = 2;
    return;
  }
  const line = await openSerialLine({ path: options.device, baudRate: options.baudRate });
  const scanner = createSimulatedScanner({
    line,
    clock: systemClock,
    suffix: options.suffix,
    charDelayMs: options.charDelayMs,
  });
  let control: ScannerControlServer;
  try {
    control = await startScannerControlServer(scanner, { port: options.controlPort });
  } catch (error) {
    // The open serial line would keep the process alive (and the pty busy) with nothing to drive
    // it: close it so the process ends and the caller sees the failure.
    await line.close();
    const reason = error instanceof Error ? error.message : String(error);
    const where = `127.0.0.1:${options.controlPort}`;
    throw new Error(`could not start the control server on ${where}: ${reason}`, { cause: error });
  }

  const typed = createInterface({ input: process.stdin });
  typed.on('line', (text) => {
    if (text === '') {
      return;
    }
    let unescaped: string;
    try {
      unescaped = unescapeScanText(text);
    } catch (error) {
      // A typing mistake (e.g. \xE9) is reported; it must not end the simulator.
      console.error('scanner-sim:', error instanceof Error ? error.message : error);
      return;
    }
    scanner.scan({ text: unescaped }).catch((error: unknown) => {
      console.error('scanner-sim: could not write the scan:', error);
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      typed.close();
      // A terminal's stdin would keep the process alive after everything else is closed.
      process.stdin.destroy();
      await control.close();
      await line.close();
      console.error(`scanner-sim: stopped (${reason})`);
      process.exitCode = exitCode;
    })();
    return stopping;
  };
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  process.once('SIGINT', () => void stop('SIGINT', 0));
  line.onClose((error) => void stop(`serial line closed${error ? `: ${error.message}` : ''}`, 1));

  console.log(JSON.stringify({ ready: true, controlUrl: control.url }));
}

main().catch((error: unknown) => {
  console.error('scanner-sim:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
