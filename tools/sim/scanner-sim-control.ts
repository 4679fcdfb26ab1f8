import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isScanSuffix } from './scanner-sim-options.js';
import type { ScanRequest, SimulatedScanner } from './scanner-sim-runtime.js';

/**
 * The scanner simulator's control API, JSON over HTTP on 127.0.0.1 only:
 *   POST /scan  {"text": "1Z…", "suffix"?: "cr"|"lf"|"crlf"|"tab"|"none"} → {"bytes": n}
 *   GET  /status → {"scans": n}
 */
export interface ScannerControlServer {
  url: string;
  close(): Promise<void>;
}

/** A scan request body is small; anything bigger is refused before it is read whole. */
const maxBodyBytes = 64 * 1024;

export async function startScannerControlServer(
  scanner: SimulatedScanner,
  options: { port?: number } = {},
): Promise<ScannerControlServer> {
  const server = createServer((request, response) => {
    handle(scanner, request)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        const status = error instanceof RequestError ? error.status : 500;
        send(response, status, { error: error instanceof Error ? error.message : String(error) });
      });
  });
  const host = '127.0.0.1';
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

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function handle(scanner: SimulatedScanner, request: IncomingMessage): Promise<unknown> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method === 'GET' && path === '/status') {
    return { scans: scanner.scans };
  }
  if (request.method === 'POST' && path === '/scan') {
    return scanner.scan(scanRequest(await readJson(request)));
  }
  throw new RequestError(404, `no route ${request.method ?? '?'} ${path}`);
}

function scanRequest(body: unknown): ScanRequest {
  if (typeof body !== 'object' || body === null) {
    throw new RequestError(400, 'the body must be a JSON object');
  }
  const { text, suffix } = body as { text?: unknown; suffix?: unknown };
  if (typeof text !== 'string' || text === '') {
    throw new RequestError(400, '"text" must be a non-empty string');
  }
  if (suffix !== undefined && !isScanSuffix(suffix)) {
    throw new RequestError(400, '"suffix" must be cr, lf, crlf, tab or none');
  }
  return suffix === undefined ? { text } : { text, suffix };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) {
      throw new RequestError(413, `the body is over ${maxBodyBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new RequestError(400, 'the body is not JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
