import { performance } from 'node:perf_hooks';
import type { SerialLine } from '../../src-main/hardware/serial-line.js';

/** A SerialLine that remembers when bytes last left and last arrived (performance.now(), ms). */
export interface TimedSerialLine extends SerialLine {
  /** When the last write resolved: the frame written and drained, its last byte on the line. */
  readonly lastWrittenAt: number;
  /** When serialport last delivered received bytes: the earliest moment software can see them. */
  readonly lastReceivedAt: number;
}

/**
 * Wraps `line` so a bench can time the code above it from the line's own edges, without
 * touching the bus adapter. Only the timestamps are added; every call goes straight through.
 */
export function timeSerialLine(line: SerialLine): TimedSerialLine {
  let lastWrittenAt = Number.NaN;
  let lastReceivedAt = Number.NaN;
  // Registered before anyone else's listener, so the stamp is taken before the adapter runs.
  line.onData(() => {
    lastReceivedAt = performance.now();
  });
  return {
    write: (bytes) =>
      line.write(bytes).then(() => {
        lastWrittenAt = performance.now();
      }),
    onData: (listener) => line.onData(listener),
    onClose: (listener) => line.onClose(listener),
    get isOpen() {
      return line.isOpen;
    },
    close: () => line.close(),
    get lastWrittenAt() {
      return lastWrittenAt;
    },
    get lastReceivedAt() {
      return lastReceivedAt;
    },
  };
}
