import type { SerialLine } from '../../../src-main/hardware/serial-line.js';
import { toHex } from '../../../src-main/hardware/kerong-cu16/codec.js';

/**
 * An in-memory serial line with a scripted far end: `answer` decides what the "board" sends
 * back for each frame written (synchronously, as if instantly), `deliver` injects bytes later.
 */
export class FakeSerialLine implements SerialLine {
  readonly written: string[] = [];
  answer: (frame: Uint8Array) => Uint8Array[] = () => [];
  failWrites = false;
  #open = true;
  #dataListeners = new Set<(chunk: Uint8Array) => void>();
  #closeListeners = new Set<(error?: Error) => void>();

  write(bytes: Uint8Array): Promise<void> {
    if (!this.#open) {
      return Promise.reject(new Error('closed'));
    }
    if (this.failWrites) {
      return Promise.reject(new Error('EIO: the adapter went away'));
    }
    this.written.push(toHex(bytes));
    const replies = this.answer(bytes);
    for (const reply of replies) {
      this.deliver(reply);
    }
    return Promise.resolve();
  }

  deliver(bytes: Uint8Array): void {
    for (const listener of this.#dataListeners) {
      listener(bytes);
    }
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.#dataListeners.add(listener);
    return () => this.#dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** The device disappears (USB adapter unplugged). */
  lose(error = new Error('device disconnected')): void {
    this.#open = false;
    for (const listener of this.#closeListeners) {
      listener(error);
    }
  }

  close(): Promise<void> {
    if (this.#open) {
      this.#open = false;
      for (const listener of this.#closeListeners) {
        listener();
      }
    }
    return Promise.resolve();
  }
}
