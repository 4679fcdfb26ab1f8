import { failure, type Result } from '../../src-shared/api/result.js';
import { ipcChannels, type KioskTransport } from '../../src-shared/api/transport.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { defaultLocale, isLocale } from '../../src-shared/i18n/locales.js';
import type { SenderFrameLike } from './app-origin.js';
import type { BridgeLogger } from './bridge-logger.js';
import { checkInvokeEnvelope } from './invoke-envelope.js';

/** The part of an `IpcMainInvokeEvent` the bridge reads. */
export interface IpcMainInvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export type InvokeHandler = (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The part of Electron's `ipcMain` the bridge uses. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeHandler): void;
  removeHandler(channel: string): void;
}

/** The part of a window's `webContents` that receives pushed events. */
export interface EventTargetContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface KioskIpcOptions {
  ipcMain: IpcMainLike;
  /** The core's side of the API (the dispatcher). */
  transport: KioskTransport;
  /** Where core events go: the kiosk window's webContents. */
  webContents: EventTargetContentsLike;
  /** Built from the app URL by `createTrustedSenderCheck`. */
  isTrustedSender: (frame: SenderFrameLike | null) => boolean;
  logger: BridgeLogger;
}

/**
 * Transport 1 of architecture.md, main side: one invoke channel and one event channel, both
 * constants. Every call is answered with a Result, never an exception (style.md, "Typed IPC").
 * Returns a function that removes the handler and the event subscription.
 */
export function registerKioskIpc(options: KioskIpcOptions): () => void {
  const { ipcMain, transport, webContents, isTrustedSender, logger } = options;

  async function handleInvoke(
    event: IpcMainInvokeEventLike,
    ...envelope: unknown[]
  ): Promise<Result<unknown>> {
    const [method, args, locale] = envelope;
    const messageLocale = isLocale(locale) ? locale : defaultLocale;
    if (!isTrustedSender(event.senderFrame)) {
      // Someone else's page (or a frame that navigated away) is calling: answer nothing useful.
      logger.warn(
        { senderUrl: event.senderFrame?.url ?? null },
        'kiosk IPC call from an untrusted frame refused',
      );
      return failure('forbidden', translate(messageLocale, 'error.forbidden'));
    }
    const checked = checkInvokeEnvelope(method, args, locale);
    if (!checked.ok) {
      return checked.refusal;
    }
    try {
      return await transport.invoke(checked.call.method, checked.call.args, checked.call.locale);
    } catch (error) {
      // The dispatcher promises not to throw; if it ever does, the renderer still gets a Result.
      logger.error({ method: checked.call.method, err: error }, 'kiosk transport threw');
      return failure('internal_error', translate(messageLocale, 'error.internal_error'));
    }
  }

  function forwardEvent(eventName: string, payload: unknown): void {
    if (webContents.isDestroyed()) {
      return;
    }
    try {
      webContents.send(ipcChannels.event, eventName, payload);
    } catch (error) {
      logger.error({ event: eventName, err: error }, 'kiosk event could not be sent to the window');
    }
  }

  ipcMain.handle(ipcChannels.invoke, handleInvoke);
  const unsubscribe = transport.subscribe(forwardEvent);
  let disposed = false;

  return () => {
    if (disposed) {
      return;
    }
    disposed = true;
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
