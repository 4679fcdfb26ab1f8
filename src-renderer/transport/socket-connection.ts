/** What the WebSocket transport is told about one socket (so tests can drive a fake one). */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: unknown): void;
  /** Called once, whether the socket closed cleanly, dropped, or never opened. */
  onClose(): void;
}

/** The part of one socket the transport uses. */
export interface SocketConnection {
  send(text: string): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketConnection;

/** The real thing: a browser WebSocket. An `error` event is always followed by `close`. */
export function openBrowserSocket(url: string, handlers: SocketHandlers): SocketConnection {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    handlers.onOpen();
  });
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    handlers.onMessage(event.data);
  });
  socket.addEventListener('close', () => {
    handlers.onClose();
  });
  return {
    send: (text) => {
      socket.send(text);
    },
    close: () => {
      socket.close();
    },
  };
}

/** The kiosk API socket of the page's own host: `ws(s)://<host>/api`. */
export function kioskSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api`;
}
