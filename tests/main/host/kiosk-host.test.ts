import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type KioskDispatcher } from '../../../src-main/api/dispatcher.js';
import { startKioskHost, type KioskHost } from '../../../src-main/host/kiosk-host.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { methodHandlers } from '../../helpers/method-handlers.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/** Any well-formed token: these handlers are fakes that do not check it. */
const testSession = 'test-session-token-0123456789';

function openSocket(host: KioskHost, origin: string | undefined): WebSocket {
  const url = host.url.replace('http://', 'ws://') + 'api';
  return new WebSocket(url, origin === undefined ? {} : { origin });
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve, reject) => {
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8'))));
    socket.once('error', reject);
  });
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

describe('kiosk host (static UI + kiosk API over WebSocket on loopback)', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let host: KioskHost;
  let dispatcher: KioskDispatcher;
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    folder = makeTempFolder();
    writeFileSync(join(folder.path, 'index.html'), '<!doctype html><title>kiosk</title>');
    dispatcher = createDispatcher(
      methodHandlers({
        'bank.overview': () => ({
          bank: { id: 'b', name: 'Lobby' },
          hardware: 'ok',
          compartments: [],
        }),
        'compartment.open': ({ compartmentId }) => ({
          compartmentId,
          label: '1',
          outcome: 'door_seen_open',
        }),
      }),
      silentLogger(),
    );
    host = await startKioskHost({
      dispatcher,
      rendererFolder: folder.path,
      logger: silentLogger(),
    });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) {
      socket.terminate();
    }
    await host.close();
    folder.remove();
  });

  it('listens on 127.0.0.1 and serves the UI with a strict CSP', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers invokes from the kiosk page and pushes events to it', async () => {
    const socket = openSocket(host, host.url.slice(0, -1));
    sockets.push(socket);
    await opened(socket);
    socket.send(
      JSON.stringify({
        kind: 'invoke',
        id: 7,
        method: 'compartment.open',
        args: { session: testSession, compartmentId: 'c9' },
        locale: 'en',
      }),
    );
    expect(await nextMessage(socket)).toEqual({
      kind: 'result',
      id: 7,
      result: { ok: true, value: { compartmentId: 'c9', label: '1', outcome: 'door_seen_open' } },
    });
    const pushed = nextMessage(socket);
    dispatcher.emit('hardware.changed', { hardware: 'degraded' });
    expect(await pushed).toEqual({
      kind: 'event',
      event: 'hardware.changed',
      payload: { hardware: 'degraded' },
    });
  });

  it('refuses a socket opened by a page from another origin, or with no origin', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', undefined]) {
      const socket = openSocket(host, origin);
      socket.on('error', () => undefined); // the refusal itself surfaces as an error event
      sockets.push(socket);
      const status = await new Promise<number>((resolve) => {
        socket.once('unexpected-response', (_request, response) =>
          resolve(response.statusCode ?? 0),
        );
        socket.once('open', () => resolve(101));
      });
      expect(status, String(origin)).toBe(403);
    }
  });

  it('closes the socket on a malformed frame and keeps serving others', async () => {
    const socket = openSocket(host, host.url.slice(0, -1));
    sockets.push(socket);
    await opened(socket);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{"kind":"invoke","id":"not a number"}');
    expect(await closed).toBe(1008);

    const other = openSocket(host, host.url.slice(0, -1));
    sockets.push(other);
    await opened(other);
    other.send(
      JSON.stringify({ kind: 'invoke', id: 1, method: 'bank.overview', args: {}, locale: 'fr' }),
    );
    expect(await nextMessage(other)).toMatchObject({ kind: 'result', id: 1, result: { ok: true } });
  });
});
