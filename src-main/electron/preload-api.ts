import { failure, type Result } from '../../src-shared/api/result.js';
import {
  ipcChannels,
  kioskGlobalName,
  type KioskTransport,
} from '../../src-shared/api/transport.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { defaultLocale, isLocale, type Locale } from '../../src-shared/i18n/locales.js';

/**
 * The preload's half of transport 1. It runs sandboxed (no Node) and is bundled into one file, so
 * it imports only src-shared. Kept free of `electron` so tests can hand it fakes.
 */

/** The part of Electron's `contextBridge` the preload uses. */
export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export type IpcRendererListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's `ipcRenderer` the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcRendererListener): unknown;
  removeListener(channel: string, listener: IpcRendererListener): unknown;
}

/** What the renderer finds at `window.kiosk`: the KioskTransport shape and nothing else. */
export type KioskPreloadApi = Readonly<KioskTransport>;

/**
 * Builds the object the page sees. Exactly two functions; raw `ipcRenderer` never leaves this
 * file, and the IpcRendererEvent (which carries `sender`, i.e. ipcRenderer) is dropped before a
 * page listener runs (style.md, "Strip the Electron event object").
 */
export function createKioskApi(ipcRenderer: IpcRendererLike): KioskPreloadApi {
  async function invoke(method: string, args: unknown, locale: Locale): Promise<Result<unknown>> {
    try {
      return (await ipcRenderer.invoke(
        ipcChannels.invoke,
        method,
        args,
        locale,
      )) as Result<unknown>;
    } catch {
      // Arguments that cannot be cloned, or no handler yet: the page still gets a Result.
      return failure(
        'internal_error',
        translate(isLocale(locale) ? locale : defaultLocale, 'error.internal_error'),
      );
    }
  }

  function subscribe(listener: (event: string, payload: unknown) => void): () => void {
    const relay: IpcRendererListener = (_electronEvent, eventName, payload) => {
      if (typeof eventName === 'string') {
        listener(eventName, payload);
      }
    };
    ipcRenderer.on(ipcChannels.event, relay);
    let subscribed = true;
    return () => {
      if (subscribed) {
        subscribed = false;
        ipcRenderer.removeListener(ipcChannels.event, relay);
      }
    };
  }

  return Object.freeze({ invoke, subscribe });
}

/** Publishes the kiosk API as `window.kiosk` in the page's (isolated) world. */
export function exposeKioskApi(
  contextBridge: ContextBridgeLike,
  ipcRenderer: IpcRendererLike,
): void {
  contextBridge.exposeInMainWorld(kioskGlobalName, createKioskApi(ipcRenderer));
}
