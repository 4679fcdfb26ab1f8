import { failure, type Result } from '../../src-shared/api/result.js';
import {
  maxCoreMessageBytes,
  ServerMessage,
  type InvokeMessage,
} from '../../src-shared/api/wire.js';
import { isErrorCode } from '../../src-shared/errors.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { defaultBackoff, reconnectDelayMs, type BackoffPolicy } from './reconnect-delay.js';
import type { ConnectionState, RendererTransport } from './renderer-transport.js';
import type { SocketConnection, SocketFactory } from './socket-connection.js';

export interface WebSocketTransportOptions {
  url: string;
  openSocket: SocketFactory;
  backoff?: BackoffPolicy;
}

export interface WebSocketTransport extends RendererTransport {
  /** Closes the socket for good: no more reconnects, pending calls fail. */
  close(): void;
}

interface PendingCall {
  locale: Locale;
  resolve(result: Result<unknown>): void;
}

type EventListener = (event: string, payload: unknown) => void;

/**
 * Transport 2 on the page side: the kiosk API over the host's WebSocket (architecture.md). Connects
 * at once and reconnects with a capped backoff whenever the socket drops.
 *
 * A call made while disconnected fails at once instead of waiting for the socket: a queued
 * "open compartment" sent minutes later would open a door nobody is standing at. A call in flight
 * when the socket drops fails too, telling the person to check the door, because the core may
 * have opened it before the answer was lost (X2: never assume an outcome).
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const backoff = options.backoff ?? defaultBackoff;
  const pendingCalls = new Map<number, PendingCall>();
  const eventListeners = new Set<EventListener>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connectionState: ConnectionState = 'connecting';
  let socket: SocketConnection | undefined;
  let nextCallId = 0;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let closedForGood = false;

  function setConnectionState(state: ConnectionState): void {
    if (state === connectionState) {
      return;
    }
    connectionState = state;
    for (const listener of [...connectionListeners]) {
      listener(state);
    }
  }

  function connect(): void {
    reconnectTimer = undefined;
    // Each socket gets its own handlers, so a late event from a replaced socket changes nothing.
    const connection: SocketConnection = options.openSocket(options.url, {
      onOpen: () => {
        if (socket === connection) {
          failedAttempts = 0;
          setConnectionState('connected');
        }
      },
      onMessage: (data) => {
        if (socket === connection) {
          receive(data);
        }
      },
      onClose: () => {
        if (socket === connection) {
          socket = undefined;
          dropped();
        }
      },
    });
    socket = connection;
  }

  function dropped(): void {
    failPendingCalls();
    if (closedForGood) {
      return;
    }
    setConnectionState('disconnected');
    const delay = reconnectDelayMs(failedAttempts, backoff);
    failedAttempts += 1;
    reconnectTimer = setTimeout(connect, delay);
  }

  function failPendingCalls(): void {
    const calls = [...pendingCalls.values()];
    pendingCalls.clear();
    for (const call of calls) {
      call.resolve(
        failure('internal_error', translate(call.locale, 'connection.call_interrupted')),
      );
    }
  }

  /** Frames that are not valid server messages are ignored: the next good frame still counts. */
  function receive(data: unknown): void {
    if (typeof data !== 'string' || data.length > maxCoreMessageBytes) {
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = ServerMessage.safeParse(json);
    if (!parsed.success) {
      return;
    }
    const message = parsed.data;
    if (message.kind === 'event') {
      for (const listener of [...eventListeners]) {
        listener(message.event, message.payload);
      }
      return;
    }
    const call = pendingCalls.get(message.id);
    if (!call) {
      return;
    }
    pendingCalls.delete(message.id);
    const result = message.result;
    if (result.ok) {
      call.resolve({ ok: true, value: result.value });
    } else {
      // An unknown code from a newer core still reaches the page as a failure it can show.
      const code = isErrorCode(result.error.code) ? result.error.code : 'internal_error';
      // The keypad's wait (X3) rides along: without it the page would guess, and guess short.
      call.resolve(failure(code, result.error.message, result.error.retryAfterMs));
    }
  }

  function invoke(method: string, args: unknown, locale: Locale): Promise<Result<unknown>> {
    const connection = socket;
    if (connectionState !== 'connected' || !connection) {
      return Promise.resolve(
        failure('internal_error', translate(locale, 'connection.unavailable')),
      );
    }
    const id = nextCallId;
    nextCallId += 1;
    const message: InvokeMessage = { kind: 'invoke', id, method, args, locale };
    return new Promise((resolve) => {
      pendingCalls.set(id, { locale, resolve });
      try {
        connection.send(JSON.stringify(message));
      } catch {
        // Arguments JSON cannot carry, or a socket closing under us: still a Result, never a throw.
        pendingCalls.delete(id);
        resolve(failure('internal_error', translate(locale, 'error.internal_error')));
      }
    });
  }

  function subscribe(listener: EventListener): () => void {
    const wrapper: EventListener = (event, payload) => {
      listener(event, payload);
    };
    eventListeners.add(wrapper);
    return () => {
      eventListeners.delete(wrapper);
    };
  }

  function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    const wrapper = (state: ConnectionState): void => {
      listener(state);
    };
    connectionListeners.add(wrapper);
    return () => {
      connectionListeners.delete(wrapper);
    };
  }

  function close(): void {
    closedForGood = true;
    if (reconnectTimer !== undefined) {
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
    }
    const connection = socket;
    socket = undefined;
    connection?.close();
    failPendingCalls();
    setConnectionState('disconnected');
  }

  connect();

  return {
    invoke,
    subscribe,
    onConnectionChange,
    close,
    get connectionState() {
      return connectionState;
    },
  };
}
