import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BoardProtocolSimulator } from './board-protocol.js';

/**
 * The simulator's control channel (hardware.md "Simulators"): JSON over HTTP on 127.0.0.1, so a
 * test or a person with curl plays the customer at the door.
 *
 *   GET  /doors                               every board's doors and item sensors
 *   POST /doors/:board/:channel/open          open by hand (stays open until closed)
 *   POST /doors/:board/:channel/close         close by hand
 *   POST /doors/:board/:channel/hold-open     {"hold":true|false}: stay open after an unlock
 *   POST /items/:board/:channel               {"present":true|false}
 *   GET  /log                                 frames received, valid / ignored counts
 */
export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function startControlServer(
  simulator: BoardProtocolSimulator,
  options: { port?: number; host?: string } = {},
): Promise<ControlServer> {
  const server = createServer((request, response) => {
    handle(simulator, request)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        send(response, status, { error: error instanceof Error ? error.message : String(error) });
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, close: () => closeServer(server) };
}

async function handle(
  simulator: BoardProtocolSimulator,
  request: IncomingMessage,
): Promise<unknown> {
  const bank = simulator.bank;
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const method = request.method ?? 'GET';
  if (method === 'GET' && path === '/doors') {
    return { protocol: simulator.protocol, boards: bank.snapshot() };
  }
  if (method === 'GET' && path === '/log') {
    return simulator.log();
  }
  const doorRoute = /^\/doors\/(\d+)\/(\d+)\/(open|close|hold-open)$/.exec(path);
  if (method === 'POST' && doorRoute) {
    const [, boardText, channelText, action] = doorRoute;
    const board = Number(boardText);
    const channel = Number(channelText);
    requireLock(simulator, board, channel);
    if (action === 'open') {
      bank.openByHand(board, channel);
    } else if (action === 'close') {
      bank.closeByHand(board, channel);
    } else {
      const body = await readJson(request);
      bank.setHoldOpen(board, channel, requireBoolean(body, 'hold'));
    }
    return lockView(simulator, board, channel);
  }
  const itemRoute = /^\/items\/(\d+)\/(\d+)$/.exec(path);
  if (method === 'POST' && itemRoute) {
    const board = Number(itemRoute[1]);
    const channel = Number(itemRoute[2]);
    requireLock(simulator, board, channel);
    const body = await readJson(request);
    bank.setItem(board, channel, requireBoolean(body, 'present'));
    return lockView(simulator, board, channel);
  }
  throw new HttpError(404, `no route ${method} ${path}`);
}

function requireLock(simulator: BoardProtocolSimulator, board: number, channel: number): void {
  if (!simulator.bank.hasLock(board, channel)) {
    throw new HttpError(404, `no lock ${channel} on board ${board}`);
  }
}

function lockView(simulator: BoardProtocolSimulator, board: number, channel: number): unknown {
  const lock = simulator.bank.snapshot()[board]?.locks[channel - 1];
  return { board, ...lock };
}

function requireBoolean(body: unknown, field: string): boolean {
  const value = (body as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'boolean') {
    throw new HttpError(400, `expected a JSON body with "${field}": true or false`);
  }
  return value;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections from test clients would otherwise hold close() open.
    server.closeAllConnections();
  });
}
