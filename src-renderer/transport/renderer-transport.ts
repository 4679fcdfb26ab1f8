import type { KioskTransport } from '../../src-shared/api/transport.js';

/**
 * Whether the page can reach the kiosk core right now.
 * - connecting: the first connection has not opened yet.
 * - connected: calls go through.
 * - disconnected: the connection dropped; the transport is retrying on its own.
 */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/**
 * A KioskTransport plus what the screen needs to say whether it is connected. The Electron
 * preload is always connected (IPC cannot drop); the WebSocket can.
 */
export interface RendererTransport extends KioskTransport {
  readonly connectionState: ConnectionState;
  /** Called on every change of `connectionState`. Returns a function that stops listening. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
