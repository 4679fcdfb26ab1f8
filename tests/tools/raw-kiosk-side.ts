import { fromHex, toHex } from '../../src-main/hardware/hex.js';
import type { SerialLine } from '../../src-main/hardware/serial-line.js';
import { waitForCondition } from '../helpers/board-simulator.js';

/**
 * The kiosk end of a pty, byte by byte, for tests that check the simulator's exact bytes:
 * raw requests out, every received byte and read collected.
 */
export class RawKioskSide {
  readonly received: number[] = [];
  /** How many reads delivered bytes (a split reply arrives in several). */
  reads = 0;

  constructor(readonly line: SerialLine) {
    line.onData((chunk) => {
      this.reads++;
      this.received.push(...chunk);
    });
  }

  /** Writes `hex` and waits (bounded) until `replyBytes` more bytes have come back. */
  async exchange(hex: string, replyBytes: number, timeoutMs?: number): Promise<string> {
    const start = this.received.length;
    await this.line.write(fromHex(hex));
    await waitForCondition(() => this.received.length >= start + replyBytes, {
      description: `${replyBytes} reply bytes to ${hex}`,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    return toHex(this.received.slice(start, start + replyBytes));
  }

  /** Everything received since byte `start`, in hex. */
  since(start: number): string {
    return toHex(this.received.slice(start));
  }
}
