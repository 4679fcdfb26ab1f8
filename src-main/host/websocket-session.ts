import { InvokeMessage, maxWireMessageBytes } from '../../src-shared/api/wire.js';
import type { KioskDispatcher } from '../api/dispatcher.js';
import type { Logger } from '../logging/logger.js';

/** The part of a ws WebSocket this session uses (so tests can pass a fake). */
export interface SessionSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: unknown, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  readonly readyState: number;
}

const socketOpen = 1;
/** WebSocket close code for "policy violation": the page sent something no kiosk page sends. */
const policyViolation = 1008;
const internalErrorClose = 1011;

/**
 * Carries the kiosk API over one WebSocket connection: invoke frames in, result frames out, and
 * every core event pushed while the connection lives. Malformed frames close the connection:
 * the only page that talks here is our own, so garbage means something else is talking.
 */
export function serveKioskSession(
  socket: SessionSocket,
  dispatcher: KioskDispatcher,
  logger: Logger,
): void {
  const unsubscribe = dispatcher.subscribe((event, payload) => {
    send({ kind: 'event', event, payload });
  });

  socket.on('message', (data, isBinary) => {
    const text = isBinary ? undefined : messageText(data);
    const parsed = text === undefined ? undefined : parseInvoke(text);
    if (!parsed) {
      logger.warn('kiosk WebSocket sent a malformed frame; closing it');
      socket.close(policyViolation, 'malformed frame');
      return;
    }
    // The dispatcher answers every call with a Result; the catch only guards against a bug there.
    void dispatcher
      .invoke(parsed.method, parsed.args, parsed.locale)
      .then((result) => {
        send({ kind: 'result', id: parsed.id, result });
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'kiosk dispatcher threw; closing the socket');
        socket.close(internalErrorClose, 'internal error');
      });
  });

  socket.on('close', () => {
    unsubscribe();
  });

  function send(message: unknown): void {
    if (socket.readyState === socketOpen) {
      socket.send(JSON.stringify(message));
    }
  }
}

function messageText(data: unknown): string | undefined {
  const text = Buffer.isBuffer(data)
    ? data.toString('utf8')
    : typeof data === 'string'
      ? data
      : undefined;
  return text !== undefined && Buffer.byteLength(text) <= maxWireMessageBytes ? text : undefined;
}

function parseInvoke(text: string): InvokeMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = InvokeMessage.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
