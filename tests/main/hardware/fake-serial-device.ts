import { ReconnectingSerialLine } from '../../../src-main/hardware/reconnecting-serial-line.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeSerialLine } from './fake-serial-line.js';

/**
 * A serial device that can be plugged in and out: `open()` fails while it is absent and gives a
 * fresh FakeSerialLine each time it is present. `answer` is copied onto every line it opens.
 */
export class FakeSerialDevice {
  present = false;
  openAttempts = 0;
  readonly lines: FakeSerialLine[] = [];
  answer: (frame: Uint8Array) => Uint8Array[] = () => [];
  /** When set, open() waits for this before answering (an open still in progress). */
  gate: Promise<void> | undefined;

  readonly open = async (): Promise<FakeSerialLine> => {
    this.openAttempts++;
    await this.gate;
    if (!this.present) {
      throw new Error('ENOENT: no such file or directory, open /dev/ttyUSB0');
    }
    const line = new FakeSerialLine();
    line.answer = (frame) => this.answer(frame);
    this.lines.push(line);
    return line;
  };

  /** The line opened last. */
  get current(): FakeSerialLine | undefined {
    return this.lines[this.lines.length - 1];
  }

  /** Unplugs the adapter: the open line reports its loss and later opens fail. */
  unplug(): void {
    this.present = false;
    this.current?.lose(new Error('EIO: i/o error, read'));
  }
}

export async function startReconnectingLine(
  options: { present?: boolean; retryIntervalMs?: number } = {},
) {
  const clock = new ManualClock();
  const device = new FakeSerialDevice();
  device.present = options.present ?? true;
  const problems: string[] = [];
  const line = await ReconnectingSerialLine.start({
    open: device.open,
    clock,
    device: '/dev/ttyUSB0',
    ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
    onProblem: (error) => problems.push(error.message),
  });
  const connections: boolean[] = [];
  line.onConnectionChanged((connected) => connections.push(connected));
  const interruptions: string[] = [];
  line.onInterrupted((error) => interruptions.push(error.message));
  return { clock, device, line, problems, connections, interruptions };
}
