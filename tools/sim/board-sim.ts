/**
 * A lock-board simulator as its own process (hardware.md "Simulators"), on one end of a socat
 * pty pair: `npm run sim:board -- --protocol kerong-cu16|xor-8a --device <path> --boards <n>`.
 * When ready it prints one JSON line: {"ready":true,"controlUrl":"http://127.0.0.1:PORT"}.
 * SIGTERM / SIGINT stop it cleanly; so does the line closing (socat gone).
 */
import { openSerialLine } from '../../src-main/hardware/serial-line.js';
import { systemClock } from '../../src-main/time/system-clock.js';
import {
  boardSimUsage,
  parseBoardSimArguments,
  type BoardSimOptions,
} from './board-sim-options.js';
import { createProtocolSimulator, runBoardSimulator } from './board-simulator-runtime.js';

async function main(): Promise<void> {
  let options: BoardSimOptions;
  try {
    options = parseBoardSimArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${boardSimUsage}`);
    process.exitCode = 2;
    return;
  }
  const simulator = createProtocolSimulator(options, systemClock);
  const line = await openSerialLine({ path: options.device, baudRate: simulator.baudRate });
  const running = await runBoardSimulator({
    simulator,
    line,
    clock: systemClock,
    controlPort: options.controlPort,
    onLineError: (error) => console.error('board-sim: could not write a reply:', error),
  });

  let stopping: Promise<void> | undefined;
  const stop = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= running.stop().then(() => {
      console.error(`board-sim: stopped (${reason})`);
      process.exitCode = exitCode;
    });
    return stopping;
  };
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  process.once('SIGINT', () => void stop('SIGINT', 0));
  line.onClose((error) => void stop(`serial line closed${error ? `: ${error.message}` : ''}`, 1));

  console.log(JSON.stringify({ ready: true, controlUrl: running.controlUrl }));
}

main().catch((error: unknown) => {
  console.error('board-sim:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
