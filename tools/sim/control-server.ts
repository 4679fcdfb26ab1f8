import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bankRoutes } from './bank-routes.js';
import { InvalidControlInput } from './board-protocol.js';
import { HttpError, type ControlRoute, type ControlTarget } from './control-route.js';
import { faultRoutes } from './fault-routes.js';

/**
 * The simulator's control channel (hardware.md "Simulators"): JSON over HTTP on 127.0.0.1, so a
 * test or a person with curl plays the customer at the door and breaks the line or the locks.
 * The routes are in bank-routes.ts and fault-routes.ts; tools/sim/README.md documents them.
 */
export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

const routes: ControlRoute[] = [...bankRoutes, ...faultRoutes];

export async function startControlServer(
  target: ControlTarget,
  options: { port?: number; host?: string } = {},
): Promise<ControlServer> {
  const server = createServer((request, response) => {
    handle(target, request)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        send(response, statusOf(error), {
          error: error instanceof Error ? error.message : String(error),
        });
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

async function handle(target: ControlTarget, request: IncomingMessage): Promise<unknown> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const method = request.method ?? 'GET';
  for (const route of routes) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) {
      return await route.handle(target, match.slice(1), () => readJson(request));
    }
  }
  throw new HttpError(404, `no route ${method} ${path}`);
}

function statusOf(error: unknown): number {
  if (error instanceof HttpError) {
    return error.status;
  }
  return error instanceof InvalidControlInput ? 400 : 500;
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
