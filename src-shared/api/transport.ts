import type { Locale } from '../i18n/locales.js';
import type { Result } from './result.js';

/**
 * What a transport must offer the renderer: invoke a method by name, listen to pushed events.
 * Both the Electron preload (`window.kiosk`) and the WebSocket client implement exactly this,
 * so the renderer never knows which one it runs on.
 */
export interface KioskTransport {
  invoke(method: string, args: unknown, locale: Locale): Promise<Result<unknown>>;
  /** Returns a function that stops the subscription. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** Electron IPC channel names: one prefix, constants only (never built from input). */
export const ipcChannels = {
  invoke: 'casier:invoke',
  event: 'casier:event',
} as const;

/** The global name the Electron preload exposes the transport under. */
export const kioskGlobalName = 'kiosk';
