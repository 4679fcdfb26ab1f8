import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { startKioskCore } from '../../src-main/core/start-kiosk-core.js';
import { startKioskHost } from '../../src-main/host/kiosk-host.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { figure, microsecondsPerOperation, type BenchFigure } from './harness.js';

/** Sends `message` and resolves with the next message (one request in flight at a time). */
function requester(socket: WebSocket): (message: string) => Promise<void> {
  return (message) =>
    new Promise((resolve) => {
      socket.once('message', () => resolve());
      socket.send(message);
    });
}

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * One kiosk API call over the WebSocket host (`bank.overview`, the 24-compartment demo bank
 * read from SQLite, validated both ways) against a bare ws echo of the same request on loopback.
 */
export async function benchWebSocketInvoke(): Promise<BenchFigure> {
  const folder = makeTempFolder('casier-bench-');
  writeFileSync(join(folder.path, 'index.html'), '<!doctype html>');
  const core = await startKioskCore({
    dataDir: folder.path,
    demo: true,
    hardware: new FakeHardware(),
    logger: silentLogger(),
  });
  const host = await startKioskHost({
    dispatcher: core.transport,
    rendererFolder: folder.path,
    logger: silentLogger(),
  });
  const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  echo.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  await new Promise<void>((resolve) => echo.once('listening', () => resolve()));
  const echoPort = (echo.address() as { port: number }).port;
  const request = JSON.stringify({
    kind: 'invoke',
    id: 1,
    method: 'bank.overview',
    args: {},
    locale: 'en',
  });
  try {
    const kioskSocket = await connect(
      `${host.url.replace('http', 'ws')}api`,
      host.url.slice(0, -1),
    );
    const echoSocket = await connect(`ws://127.0.0.1:${echoPort}`);
    const baseline = await microsecondsPerOperation(() => requester(echoSocket)(request));
    const value = await microsecondsPerOperation(() => requester(kioskSocket)(request));
    kioskSocket.close();
    echoSocket.close();
    return figure(
      value,
      baseline,
      'µs/call',
      'bank.overview (24 compartments) over the kiosk WebSocket vs a bare ws echo of the same request',
    );
  } finally {
    echo.close();
    await host.close();
    await core.stop();
    folder.remove();
  }
}
