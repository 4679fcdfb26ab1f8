import type { SerialLine } from '../../src-main/hardware/serial-line.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardSimOptions } from './board-sim-options.js';
import type { BoardProtocolSimulator } from './board-protocol.js';
import { startControlServer } from './control-server.js';
import { KerongCu16Bank } from './kerong-cu16-bank.js';

/** Builds the simulator for a protocol; the next protocol (issue 3) adds a case here. */
export function createProtocolSimulator(
  options: BoardSimOptions,
  clock: Clock,
): BoardProtocolSimulator {
  switch (options.protocol) {
    case 'kerong-cu16':
      return new KerongCu16Bank({
        boards: options.boards,
        clock,
        closeAfterMs: options.closeAfterMs,
        lockBitOpenValue: options.lockBitOpenValue,
        replyToUnlock: options.replyToUnlock,
      });
  }
}

export interface RunningBoardSimulator {
  simulator: BoardProtocolSimulator;
  controlUrl: string;
  stop(): Promise<void>;
}

/**
 * Joins a protocol simulator to a serial line (answering every request on it) and serves the
 * control API. `onLineError` hears about replies that could not be written.
 */
export async function runBoardSimulator(options: {
  simulator: BoardProtocolSimulator;
  line: SerialLine;
  controlPort: number;
  onLineError?: (error: unknown) => void;
}): Promise<RunningBoardSimulator> {
  const { simulator, line } = options;
  // Replies go out one after another in the order the requests came.
  let writing: Promise<void> = Promise.resolve();
  const stopListening = line.onData((chunk) => {
    for (const reply of simulator.receive(chunk)) {
      writing = writing
        .then(() => line.write(reply))
        .catch((error: unknown) => options.onLineError?.(error));
    }
  });
  const control = await startControlServer(simulator, { port: options.controlPort });
  return {
    simulator,
    controlUrl: control.url,
    stop: async () => {
      stopListening();
      await control.close();
      await writing;
      simulator.bank.dispose();
      await line.close();
    },
  };
}
