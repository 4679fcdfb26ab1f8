import type { SerialLine } from '../../src-main/hardware/serial-line.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardSimOptions } from './board-sim-options.js';
import type { BoardProtocolSimulator } from './board-protocol.js';
import { startControlServer } from './control-server.js';
import { KerongCu16Bank } from './kerong-cu16-bank.js';
import { LineFaultSwitch } from './line-faults.js';
import { ReplyTransmitter } from './reply-transmitter.js';
import { Xor8aBank } from './xor-8a-bank.js';

/** Builds the simulator for a protocol; a new protocol adds a case here. */
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
        unlockReply: options.unlockReply,
      });
    case 'xor-8a':
      return new Xor8aBank({
        boards: options.boards,
        channelsPerBoard: options.channels,
        clock,
        closeAfterMs: options.closeAfterMs,
        feedbackOpenValue: options.feedbackOpenValue,
        unlockReplyDelayMs: options.unlockReplyDelayMs,
      });
  }
}

export interface RunningBoardSimulator {
  simulator: BoardProtocolSimulator;
  /** The line faults in force; the control API switches them too. */
  lineFaults: LineFaultSwitch;
  transmitter: ReplyTransmitter;
  controlUrl: string;
  stop(): Promise<void>;
}

/**
 * Joins a protocol simulator to a serial line (answering every request on it, through the line
 * faults) and serves the control API. `clock` must be the simulator's own, so that the boards'
 * delays and the faults' run on the same time. `onLineError` hears about replies that could
 * not be written.
 */
export async function runBoardSimulator(options: {
  simulator: BoardProtocolSimulator;
  line: SerialLine;
  clock: Clock;
  controlPort: number;
  /** Source of the garbage fault's random bytes; default Math.random. */
  random?: () => number;
  onLineError?: (error: unknown) => void;
}): Promise<RunningBoardSimulator> {
  const { simulator, line } = options;
  const lineFaults = new LineFaultSwitch();
  const transmitter = new ReplyTransmitter({
    clock: options.clock,
    faults: lineFaults,
    write: (bytes) => line.write(bytes),
    ...(options.random ? { random: options.random } : {}),
    ...(options.onLineError ? { onError: options.onLineError } : {}),
  });
  const stopListening = line.onData((chunk) => {
    for (const reply of simulator.receive(chunk)) {
      transmitter.send(reply);
    }
  });
  const control = await startControlServer(
    { simulator, lineFaults, transmitter },
    { port: options.controlPort },
  );
  return {
    simulator,
    lineFaults,
    transmitter,
    controlUrl: control.url,
    stop: async () => {
      stopListening();
      await control.close();
      transmitter.dispose();
      await transmitter.idle();
      simulator.bank.dispose();
      await line.close();
    },
  };
}
