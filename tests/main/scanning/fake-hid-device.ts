import type { HidReportDevice } from '../../../src-main/scanning/hid-report-device.js';

/** A HID device in memory: the test plays the scanner with `send`, or unplugs it with `fail`. */
export class FakeHidDevice implements HidReportDevice {
  closed = false;
  readonly #reportListeners = new Set<(report: Uint8Array) => void>();
  readonly #errorListeners = new Set<(error: Error) => void>();

  send(report: Uint8Array): void {
    for (const listener of this.#reportListeners) {
      listener(report);
    }
  }

  fail(error = new Error('could not read from HID device')): void {
    for (const listener of this.#errorListeners) {
      listener(error);
    }
  }

  onReport(listener: (report: Uint8Array) => void): () => void {
    this.#reportListeners.add(listener);
    return () => this.#reportListeners.delete(listener);
  }

  onError(listener: (error: Error) => void): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
