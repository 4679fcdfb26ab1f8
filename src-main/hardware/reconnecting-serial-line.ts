import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import { LockBusError } from './lock-bus.js';
import type { SerialLine } from './serial-line.js';

export interface ReconnectingSerialLineOptions {
  /** Opens the device once; rejects when it is not there (unplugged, wrong path). */
  open: () => Promise<SerialLine>;
  clock: Clock;
  /** The device path, for messages. */
  device: string;
  /** Pause between two attempts to open the device; default 1000 ms. */
  retryIntervalMs?: number;
  /**
   * Hears each loss of the device and the first failed attempt to open it after a start or a
   * loss (the logger in production). Later failed attempts of the same absence are counted, not
   * reported: an adapter left unplugged must not write a log line a second for days.
   */
  onProblem?: (error: Error) => void;
}

type ConnectionListener = (connected: boolean) => void;

/**
 * A serial line that survives its device going away: a USB RS-485 adapter unplugged and
 * plugged back, or in tests the socat pty pair stopped and started again on the same paths.
 * While the device is absent every write fails at once with LockBusError('port_closed'), so
 * door commands fail clearly instead of hanging and the door monitor's failed polls turn the
 * bank degraded; meanwhile it retries opening every `retryIntervalMs` (on the injected Clock)
 * and carries on with the new device when it appears. It starts even when the device is absent.
 */
export class ReconnectingSerialLine implements SerialLine {
  readonly device: string;
  readonly #open: () => Promise<SerialLine>;
  readonly #clock: Clock;
  readonly #retryIntervalMs: number;
  readonly #onProblem: (error: Error) => void;
  readonly #dataListeners = new Set<(chunk: Uint8Array) => void>();
  readonly #closeListeners = new Set<(error?: Error) => void>();
  readonly #interruptedListeners = new Set<(error: Error) => void>();
  readonly #connectionListeners = new Set<ConnectionListener>();
  #current: SerialLine | undefined;
  #detach: (() => void)[] = [];
  #retryTimer: TimerHandle | undefined;
  #attempt: Promise<void> | undefined;
  #closed = false;
  /** Times the device came back after being lost (not counting the first opening). */
  reconnections = 0;
  /** Attempts to open the device that failed, since the line started. */
  failedAttempts = 0;
  #absenceReported = false;
  #everConnected = false;

  private constructor(options: ReconnectingSerialLineOptions) {
    this.device = options.device;
    this.#open = options.open;
    this.#clock = options.clock;
    this.#retryIntervalMs = options.retryIntervalMs ?? 1000;
    this.#onProblem = options.onProblem ?? (() => undefined);
  }

  /**
   * Makes one attempt to open the device and returns the line either way: connected, or
   * disconnected and retrying. Never rejects.
   */
  static async start(options: ReconnectingSerialLineOptions): Promise<ReconnectingSerialLine> {
    const line = new ReconnectingSerialLine(options);
    await line.#tryOpen();
    return line;
  }

  get connected(): boolean {
    return this.#current !== undefined;
  }

  get isOpen(): boolean {
    return this.#current?.isOpen ?? false;
  }

  write(bytes: Uint8Array): Promise<void> {
    const current = this.#current;
    if (!current) {
      return Promise.reject(
        new LockBusError(
          'port_closed',
          this.#closed
            ? `serial line ${this.device} is closed`
            : `serial device ${this.device} is not connected`,
        ),
      );
    }
    return current.write(bytes);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.#dataListeners.add(listener);
    return () => this.#dataListeners.delete(listener);
  }

  /** Called once, when `close()` ends the line for good (never for a lost device). */
  onClose(listener: (error?: Error) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  onInterrupted(listener: (error: Error) => void): () => void {
    this.#interruptedListeners.add(listener);
    return () => this.#interruptedListeners.delete(listener);
  }

  /** Hears every change: false when the device is lost, true when it is (re)opened. */
  onConnectionChanged(listener: ConnectionListener): () => void {
    this.#connectionListeners.add(listener);
    return () => this.#connectionListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    this.#cancelRetry();
    await this.#attempt;
    const current = this.#current;
    this.#release();
    await current?.close();
    if (current) {
      this.#emitConnection(false);
    }
    for (const listener of this.#closeListeners) {
      listener();
    }
    this.#closeListeners.clear();
  }

  #tryOpen(): Promise<void> {
    this.#retryTimer = undefined;
    this.#attempt = this.#openOnce().finally(() => {
      this.#attempt = undefined;
    });
    return this.#attempt;
  }

  async #openOnce(): Promise<void> {
    let line: SerialLine;
    try {
      line = await this.#open();
    } catch (error) {
      this.failedAttempts++;
      if (!this.#absenceReported) {
        this.#absenceReported = true;
        this.#onProblem(asError(error));
      }
      this.#scheduleRetry();
      return;
    }
    if (this.#closed) {
      await line.close();
      return;
    }
    this.#current = line;
    this.#detach = [
      line.onData((chunk) => {
        for (const listener of this.#dataListeners) {
          listener(chunk);
        }
      }),
      line.onClose((error) => this.#lost(error ?? new Error(`${this.device} closed`))),
    ];
    if (this.#everConnected) {
      this.reconnections++;
    }
    this.#everConnected = true;
    this.#absenceReported = false;
    this.#emitConnection(true);
  }

  #lost(error: Error): void {
    if (this.#closed || !this.#current) {
      return;
    }
    this.#release();
    // The loss is reported here; the first failed reopen after it is not news.
    this.#absenceReported = true;
    this.#onProblem(error);
    for (const listener of this.#interruptedListeners) {
      listener(error);
    }
    this.#emitConnection(false);
    this.#scheduleRetry();
  }

  #release(): void {
    for (const detach of this.#detach.splice(0)) {
      detach();
    }
    this.#current = undefined;
  }

  #scheduleRetry(): void {
    if (this.#closed || this.#retryTimer) {
      return;
    }
    this.#retryTimer = this.#clock.setTimeout(() => {
      void this.#tryOpen();
    }, this.#retryIntervalMs);
  }

  #cancelRetry(): void {
    if (this.#retryTimer) {
      this.#clock.clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
    }
  }

  #emitConnection(connected: boolean): void {
    for (const listener of this.#connectionListeners) {
      listener(connected);
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
