import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { vi } from 'vitest';
import type { Result } from '../../../src-shared/api/result.js';
import type { KioskTransport } from '../../../src-shared/api/transport.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { BridgeLogger } from '../../../src-main/electron/bridge-logger.js';
import type {
  DownloadDoneState,
  DownloadItemLike,
} from '../../../src-main/electron/download-policy.js';
import type {
  IpcMainInvokeEventLike,
  IpcMainLike,
  InvokeHandler,
} from '../../../src-main/electron/ipc-bridge.js';
import type {
  KioskWebContentsLike,
  KioskWindowLike,
  SessionLike,
} from '../../../src-main/electron/kiosk-window.js';

/** Fakes of the Electron objects the kiosk's Electron layer talks to (the binary cannot run here). */

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  details: Record<string, unknown>;
  message: string;
}

export class RecordingLogger implements BridgeLogger {
  readonly entries: LogEntry[] = [];
  info(details: Record<string, unknown>, message: string): void {
    this.entries.push({ level: 'info', details, message });
  }
  warn(details: Record<string, unknown>, message: string): void {
    this.entries.push({ level: 'warn', details, message });
  }
  error(details: Record<string, unknown>, message: string): void {
    this.entries.push({ level: 'error', details, message });
  }
  at(level: LogEntry['level']): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level);
  }
}

/** Like Electron's ipcMain: one handler per channel, a second `handle` on the same channel throws. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What Electron does when a renderer calls `ipcRenderer.invoke(channel, ...args)`. */
  async invokeFrom(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) {
      throw new Error(`No handler registered for '${channel}'`);
    }
    const event: IpcMainInvokeEventLike = {
      senderFrame: frameUrl === null ? null : { url: frameUrl },
    };
    return handler(event, ...args);
  }
}

type Listener = (event: string, payload: unknown) => void;

/** The core side of the API, recording what reaches it. */
export class FakeTransport implements KioskTransport {
  readonly listeners = new Set<Listener>();
  readonly invoke = vi.fn<
    (method: string, args: unknown, locale: Locale) => Promise<Result<unknown>>
  >(async () => ({
    ok: true,
    value: { answered: true },
  }));

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners) {
      listener(event, payload);
    }
  }
}

export function preventableEvent(extra: Record<string, unknown> = {}): {
  preventDefault: ReturnType<typeof vi.fn>;
} {
  return { preventDefault: vi.fn(), ...extra };
}

type RequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];
type DownloadHandler = Parameters<SessionLike['on']>[1];

/**
 * A download as Electron hands it to `will-download`. Like Electron, `cancel()` ends it with a
 * 'done' event in the 'cancelled' state; `complete` writes the bytes where the handler said.
 */
export class FakeDownloadItem extends EventEmitter implements DownloadItemLike {
  savePath: string | undefined;
  cancelled = false;
  constructor(private readonly fileName: string) {
    super();
  }
  getFilename(): string {
    return this.fileName;
  }
  setSavePath(savePath: string): void {
    this.savePath = savePath;
  }
  cancel(): void {
    this.cancelled = true;
    this.emit('done', {}, 'cancelled');
  }
  async complete(bytes: Uint8Array): Promise<void> {
    if (this.savePath === undefined) {
      // Where Electron would ask the user with a native Save dialog.
      throw new Error('no save path set: Electron would open a Save dialog');
    }
    await writeFile(this.savePath, bytes);
    this.emit('done', {}, 'completed');
  }
  fail(state: Exclude<DownloadDoneState, 'completed'> = 'interrupted'): void {
    this.emit('done', {}, state);
  }
}

export class FakeSession implements SessionLike {
  requestHandler: RequestHandler | undefined;
  checkHandler: CheckHandler | undefined;
  downloadHandler: DownloadHandler | undefined;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }
  on(_event: 'will-download', handler: DownloadHandler): this {
    this.downloadHandler = handler;
    return this;
  }
  /** What Electron does when the page starts a download: the handler decides, synchronously. */
  download(fileName: string): FakeDownloadItem {
    if (!this.downloadHandler) {
      throw new Error('no will-download handler installed');
    }
    const item = new FakeDownloadItem(fileName);
    this.downloadHandler({ preventDefault: vi.fn<() => void>() }, item);
    return item;
  }
}

/** A webContents: an event emitter plus the methods the kiosk calls, each recorded. */
export class FakeWebContents extends EventEmitter implements KioskWebContentsLike {
  readonly session = new FakeSession();
  readonly sent: unknown[][] = [];
  readonly calls: string[] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  reload(): void {
    this.calls.push('reload');
  }
  forcefullyCrashRenderer(): void {
    this.calls.push('forcefullyCrashRenderer');
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeWindow extends EventEmitter implements KioskWindowLike {
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  readonly loadedUrls: string[] = [];
  destroyed = false;
  minimized = false;
  loadResult: Promise<void> = Promise.resolve();

  removeMenu(): void {
    this.calls.push('removeMenu');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  restore(): void {
    this.calls.push('restore');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return this.loadResult;
  }
}

/** Lets every pending promise callback run (no timers, no real waiting). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}
