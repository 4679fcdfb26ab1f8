import { SerialPort, type SerialPortMock } from 'serialport';
import { LockBusError } from './lock-bus.js';

/**
 * A byte pipe to a serial device: all a board adapter needs, so tests can give it a real pty,
 * serialport's SerialPortMock, or an in-memory fake.
 */
export interface SerialLine {
  /** Resolves once the bytes have been handed to the device (written and drained). */
  write(bytes: Uint8Array): Promise<void>;
  /** Returns a function that removes the listener. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the line closes, with the error when it was lost (unplugged adapter). */
  onClose(listener: (error?: Error) => void): () => void;
  readonly isOpen: boolean;
  close(): Promise<void>;
  /**
   * Only on lines that outlive their device (ReconnectingSerialLine): called each time the
   * device goes away while the line keeps trying to get it back, so a bus can fail the
   * transaction in flight at once. Such a line calls `onClose` only when closed for good.
   */
  onInterrupted?(listener: (error: Error) => void): () => void;
}

export interface SerialLineOptions {
  /** Prefer /dev/serial/by-id/... on a real bank. */
  path: string;
  baudRate: number;
}

/** Opens a serial device at `baudRate`, 8 data bits, no parity, 1 stop bit. */
export async function openSerialLine(options: SerialLineOptions): Promise<SerialLine> {
  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (error) {
        reject(
          new Error(`could not open serial device ${options.path}: ${error.message}`, {
            cause: error,
          }),
        );
      } else {
        resolve();
      }
    });
  });
  return serialLineFromPort(port);
}

/**
 * Wraps a serialport stream that is open or opening (a SerialPort, or a SerialPortMock in
 * tests) as a SerialLine.
 */
export function serialLineFromPort(port: SerialPort | SerialPortMock): SerialLine {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(error?: Error) => void>();
  let closed = false;
  let lastError: Error | undefined;

  port.on('data', (chunk: Buffer) => {
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (const listener of dataListeners) {
      listener(bytes);
    }
  });
  // Without a listener an 'error' event would crash the process; the close that follows reports it.
  port.on('error', (error: Error) => {
    lastError = error;
  });
  port.on('close', (error?: Error | null) => {
    closed = true;
    const reason = error ?? lastError;
    for (const listener of closeListeners) {
      listener(reason ?? undefined);
    }
    closeListeners.clear();
  });

  return {
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (closed) {
          reject(new Error('the serial line is closed'));
          return;
        }
        port.write(Buffer.from(bytes), (writeError) => {
          if (writeError) {
            reject(writeError);
            return;
          }
          port.drain((drainError) => {
            if (drainError) {
              reject(drainError);
            } else {
              resolve();
            }
          });
        });
      }),
    onData: (listener) => {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    get isOpen() {
      return !closed && port.isOpen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed || !port.isOpen) {
          closed = true;
          resolve();
          return;
        }
        port.close(() => {
          // A close error leaves nothing to do: the device is gone either way.
          closed = true;
          resolve();
        });
      }),
  };
}

/** What a bus adapter does with its line's events. */
export interface BusLineHandlers {
  data(chunk: Uint8Array): void;
  /** The line closed for good: every queued and later transaction must fail with this. */
  closed(error: LockBusError): void;
  /** A reconnecting line lost its device for now: the transaction in flight must end. */
  interrupted(): void;
}

/**
 * Subscribes a bus adapter to its line the same way for every board protocol. Returns the
 * functions that unsubscribe.
 */
export function listenToBusLine(line: SerialLine, handlers: BusLineHandlers): (() => void)[] {
  const stops = [
    line.onData((chunk) => handlers.data(chunk)),
    line.onClose((error) => {
      handlers.closed(
        new LockBusError('port_closed', 'the serial line closed', error ? { cause: error } : {}),
      );
    }),
  ];
  if (line.onInterrupted) {
    stops.push(line.onInterrupted(() => handlers.interrupted()));
  }
  return stops;
}
