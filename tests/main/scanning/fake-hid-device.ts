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

/**
 * The USB side of HID scanners, for the node-hid lister and opener (hid-scanner-opener.ts): the
 * test plugs and unplugs scanners by path; each successful open hands out a new FakeHidDevice.
 */
export class FakeHidBus {
  readonly attached = new Set<string>();
  /** Every device opened, in order. */
  readonly opened: { path: string; device: FakeHidDevice }[] = [];
  listCalls = 0;
  openCalls = 0;

  readonly access = {
    list: async (): Promise<{ path: string }[]> => {
      this.listCalls++;
      return [...this.attached].map((path) => ({ path }));
    },
    open: async (path: string): Promise<FakeHidDevice> => {
      this.openCalls++;
      if (!this.attached.has(path)) {
        throw new Error(`could not open HID device ${path}`);
      }
      const device = new FakeHidDevice();
      this.opened.push({ path, device });
      return device;
    },
  };

  plug(path: string): void {
    this.attached.add(path);
  }

  /** Pulls the cable: the open device, if any, reports an error, as node-hid does. */
  unplug(path: string): void {
    this.attached.delete(path);
    for (const { path: openedPath, device } of this.opened) {
      if (openedPath === path && !device.closed) {
        device.fail();
      }
    }
  }

  get latest(): FakeHidDevice | undefined {
    return this.opened.at(-1)?.device;
  }
}
