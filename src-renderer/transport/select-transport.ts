import { kioskGlobalName, type KioskTransport } from '../../src-shared/api/transport.js';
import type { RendererTransport } from './renderer-transport.js';
import { kioskSocketUrl, openBrowserSocket, type SocketFactory } from './socket-connection.js';
import { createWebSocketTransport } from './websocket-transport.js';

/** Where the page runs: its globals (the preload's object, if any) and its address. */
export interface PageEnvironment {
  globals: object;
  location: Pick<Location, 'protocol' | 'host'>;
  openSocket?: SocketFactory;
}

/**
 * One UI, two transports (architecture.md): in Electron the preload has put the kiosk API at
 * `window.kiosk`; in a plain browser the page talks to the host that served it over a WebSocket.
 */
export function selectTransport(environment: PageEnvironment): RendererTransport {
  const preloadApi = (environment.globals as Record<string, unknown>)[kioskGlobalName];
  if (isKioskTransport(preloadApi)) {
    return alwaysConnected(preloadApi);
  }
  return createWebSocketTransport({
    url: kioskSocketUrl(environment.location),
    openSocket: environment.openSocket ?? openBrowserSocket,
  });
}

function isKioskTransport(value: unknown): value is KioskTransport {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof KioskTransport, unknown>>;
  return typeof candidate.invoke === 'function' && typeof candidate.subscribe === 'function';
}

/** IPC to the main process cannot drop: if the main process dies, so does this window. */
function alwaysConnected(preloadApi: KioskTransport): RendererTransport {
  return {
    invoke: (method, args, locale) => preloadApi.invoke(method, args, locale),
    subscribe: (listener) => preloadApi.subscribe(listener),
    connectionState: 'connected',
    onConnectionChange: () => () => {},
  };
}
