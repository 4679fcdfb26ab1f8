import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { withDeadline } from './harness.js';

// hardware.md A, "known-good" frames, written out rather than encoded by the codec under test.
const unlockBoard0Lock16 = Buffer.from([0x02, 0x0f, 0x31, 0x03, 0x45]);
const statusRequestBoard0 = Buffer.from([0x02, 0x00, 0x30, 0x03, 0x35]);
const statusReplyLength = 9;
const replyDeadlineMs = 2000;

/** Baselines in microseconds, one sample of each per round. */
export interface BareSerialSamples {
  /** The unlock frame written and drained, as SerialLine.write does it, with no bus above. */
  unlockWrites: number[];
  /** A status request written until the 9th byte of the board's reply arrives. */
  statusRoundTrips: number[];
}

/**
 * The lock-bus bench's traffic with `serialport` alone (no SerialLine, bus or framer): an
 * unlock frame written and drained, `pauseMs` of quiet (the bus's settle pause, and the
 * monitor's poll interval), then a status request until its reply is in, and again at once.
 * Same bytes, pauses and drains, because this line's cost depends on them: the port listens all
 * the time as the kiosk's does (a reading port writes slower), and a request after a quiet
 * spell takes several times longer than one straight after a reply (socat and the simulator
 * process have gone to sleep). Reply bytes are counted, not checked: this times the line and
 * the board, which kiosk code cannot make faster.
 */
export async function bareSerialSamples(
  path: string,
  options: { samples: number; warmUp: number; pauseMs: number },
): Promise<BareSerialSamples> {
  const port = new SerialPort({
    path,
    baudRate: 19200,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(error) : resolve())),
  );
  let received = 0;
  let onReply: ((at: number) => void) | undefined;
  port.on('data', (chunk: Buffer) => {
    const at = performance.now();
    received += chunk.length;
    if (received >= statusReplyLength && onReply) {
      onReply(at);
      onReply = undefined;
    }
  });
  const result: BareSerialSamples = { unlockWrites: [], statusRoundTrips: [] };
  try {
    for (let round = -options.warmUp; round < options.samples; round++) {
      const writeStartedAt = performance.now();
      await writeAndDrain(port, unlockBoard0Lock16);
      const writtenAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));

      received = 0;
      const replied = new Promise<number>((resolve) => {
        onReply = resolve;
      });
      const sentAt = performance.now();
      const [repliedAt] = await Promise.all([
        withDeadline(replied, replyDeadlineMs, 'status reply (bare)'),
        writeAndDrain(port, statusRequestBoard0),
      ]);
      if (round >= 0) {
        result.unlockWrites.push((writtenAt - writeStartedAt) * 1000);
        result.statusRoundTrips.push((repliedAt - sentAt) * 1000);
      }
    }
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
  return result;
}

function writeAndDrain(port: SerialPort, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(bytes, (writeError) => {
      if (writeError) {
        reject(writeError);
        return;
      }
      port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
    });
  });
}
