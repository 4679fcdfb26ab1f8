import type { RepeatFilter } from './repeat-filter.js';

/** A running camera decoder. */
export interface CameraHandle {
  stop(): void;
}

/**
 * Opens the camera and decodes from it, calling `onText` for every code seen in a frame. When
 * `signal` is aborted before it resolves, it must close whatever it opened.
 */
export type CameraStarter = (
  onText: (text: string) => void,
  signal: AbortSignal,
) => Promise<CameraHandle>;

export type CameraStatus = 'off' | 'starting' | 'on' | 'failed';

export interface CameraControlOptions {
  start: CameraStarter;
  repeats: RepeatFilter;
  /** A new code (repeats of the same code already filtered out). */
  onScan(text: string): void;
  onStatus(status: CameraStatus, error?: unknown): void;
}

/**
 * Switches camera scanning on and off. Plain TypeScript so the tricky part is tested without a
 * camera: a switch-off while the camera is still opening must close it as soon as it opens, or
 * the camera light stays on with nobody scanning.
 */
export class CameraControl {
  readonly #options: CameraControlOptions;
  #status: CameraStatus = 'off';
  #handle: CameraHandle | undefined;
  #opening: AbortController | undefined;
  /** Bumped by every start and stop, so an older start that finishes late knows it is stale. */
  #generation = 0;

  constructor(options: CameraControlOptions) {
    this.#options = options;
  }

  get status(): CameraStatus {
    return this.#status;
  }

  get active(): boolean {
    return this.#status === 'starting' || this.#status === 'on';
  }

  async start(): Promise<void> {
    if (this.active) {
      return;
    }
    this.#generation += 1;
    const generation = this.#generation;
    this.#options.repeats.reset();
    const opening = new AbortController();
    this.#opening = opening;
    this.#setStatus('starting');
    let handle: CameraHandle;
    try {
      handle = await this.#options.start((text) => {
        if (generation === this.#generation && this.#options.repeats.accept(text)) {
          this.#options.onScan(text);
        }
      }, opening.signal);
    } catch (error) {
      if (generation === this.#generation) {
        this.#opening = undefined;
        this.#setStatus('failed', error);
      }
      return;
    }
    if (generation !== this.#generation) {
      // Switched off while opening: the starter should have closed it; make sure.
      handle.stop();
      return;
    }
    this.#opening = undefined;
    this.#handle = handle;
    this.#setStatus('on');
  }

  stop(): void {
    this.#generation += 1;
    this.#opening?.abort();
    this.#opening = undefined;
    const handle = this.#handle;
    this.#handle = undefined;
    handle?.stop();
    if (this.#status !== 'off') {
      this.#setStatus('off');
    }
  }

  async toggle(): Promise<void> {
    if (this.active) {
      this.stop();
    } else {
      await this.start();
    }
  }

  #setStatus(status: CameraStatus, error?: unknown): void {
    this.#status = status;
    this.#options.onStatus(status, error);
  }
}
