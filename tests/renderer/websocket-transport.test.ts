import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxCoreMessageBytes, maxWireMessageBytes } from '../../src-shared/api/wire.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { reconnectDelayMs } from '../../src-renderer/transport/reconnect-delay.js';
import type { ConnectionState } from '../../src-renderer/transport/renderer-transport.js';
import { kioskSocketUrl } from '../../src-renderer/transport/socket-connection.js';
import {
  createWebSocketTransport,
  type WebSocketTransport,
} from '../../src-renderer/transport/websocket-transport.js';
import { FakeSocketFactory } from './fakes.js';

const url = 'ws://127.0.0.1:4321/api';
const backoff = { firstDelayMs: 500, maxDelayMs: 4_000 };

describe('WebSocket transport', () => {
  let sockets: FakeSocketFactory;
  let transport: WebSocketTransport;
  let states: ConnectionState[];

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = new FakeSocketFactory();
    transport = createWebSocketTransport({ url, openSocket: sockets.open, backoff });
    states = [];
    transport.onConnectionChange((state) => states.push(state));
  });

  afterEach(() => {
    transport.close();
    vi.useRealTimers();
  });

  it('connects at once to the given URL and reports when it is open', () => {
    expect(sockets.sockets).toHaveLength(1);
    expect(sockets.latest.url).toBe(url);
    expect(transport.connectionState).toBe('connecting');
    sockets.latest.open();
    expect(transport.connectionState).toBe('connected');
    expect(states).toEqual(['connected']);
  });

  it('pairs each result with its invoke by id, whatever the order of the answers', async () => {
    const socket = sockets.sockets[0]!;
    socket.open();
    const first = transport.invoke('bank.overview', {}, 'en');
    const second = transport.invoke('compartment.open', { compartmentId: 'c7' }, 'fr');

    const [firstFrame, secondFrame] = socket.invokes();
    expect(firstFrame).toMatchObject({ kind: 'invoke', method: 'bank.overview', locale: 'en' });
    expect(secondFrame).toMatchObject({
      kind: 'invoke',
      method: 'compartment.open',
      args: { compartmentId: 'c7' },
      locale: 'fr',
    });
    expect(firstFrame!.id).not.toBe(secondFrame!.id);

    socket.receive({ kind: 'result', id: secondFrame!.id, result: { ok: true, value: 'two' } });
    socket.receive({
      kind: 'result',
      id: firstFrame!.id,
      result: { ok: false, error: { code: 'hardware_unavailable', message: 'boards down' } },
    });

    await expect(second).resolves.toEqual({ ok: true, value: 'two' });
    await expect(first).resolves.toEqual({
      ok: false,
      error: { code: 'hardware_unavailable', message: 'boards down' },
    });
  });

  it('turns an error code it does not know into internal_error, keeping the message', async () => {
    sockets.latest.open();
    const call = transport.invoke('bank.overview', {}, 'en');
    const id = sockets.latest.invokes()[0]!.id;
    sockets.latest.receive({
      kind: 'result',
      id,
      result: { ok: false, error: { code: 'from_the_future', message: 'newer core' } },
    });
    await expect(call).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: 'newer core' },
    });
  });

  it('keeps the wait a too_many_attempts refusal carries, for the keypad (X3)', async () => {
    sockets.latest.open();
    const call = transport.invoke('pickup.withCode', { code: '123456' }, 'en');
    const id = sockets.latest.invokes()[0]!.id;
    sockets.latest.receive({
      kind: 'result',
      id,
      result: {
        ok: false,
        error: { code: 'too_many_attempts', message: 'wait', retryAfterMs: 29_281 },
      },
    });
    await expect(call).resolves.toEqual({
      ok: false,
      error: { code: 'too_many_attempts', message: 'wait', retryAfterMs: 29_281 },
    });
  });

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    sockets.latest.open();
    const received: unknown[] = [];
    const unsubscribe = transport.subscribe((event, payload) => received.push([event, payload]));

    sockets.latest.receive({ kind: 'event', event: 'door.changed', payload: { door: 'open' } });
    unsubscribe();
    sockets.latest.receive({ kind: 'event', event: 'door.changed', payload: { door: 'closed' } });

    expect(received).toEqual([['door.changed', { door: 'open' }]]);
  });

  it('ignores malformed frames and keeps working', async () => {
    const socket = sockets.latest;
    socket.open();
    const received: unknown[] = [];
    transport.subscribe((event) => received.push(event));
    const call = transport.invoke('bank.overview', {}, 'en');
    const id = socket.invokes()[0]!.id;
    let settled = false;
    void call.then(() => {
      settled = true;
    });

    socket.receive('not json {');
    socket.receive(new Uint8Array([1, 2, 3]));
    socket.receive({ kind: 'gossip', id });
    socket.receive({ kind: 'result', id: 'one', result: { ok: true, value: 1 } });
    socket.receive({ kind: 'result', id, result: { ok: 'maybe' } });
    socket.receive({ kind: 'event', payload: {} });
    socket.receive({ kind: 'result', id: id + 100, result: { ok: true, value: 'stray' } });
    socket.receive(
      JSON.stringify({ kind: 'event', event: 'x', payload: 'y'.repeat(maxCoreMessageBytes) }),
    );
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(received).toEqual([]);

    socket.receive({ kind: 'result', id, result: { ok: true, value: 'good' } });
    await expect(call).resolves.toEqual({ ok: true, value: 'good' });
  });

  it('takes answers far larger than a page may send, such as a label sheet PDF', async () => {
    const socket = sockets.latest;
    socket.open();
    const call = transport.invoke('commissioning.labels', {}, 'en');
    const pdf = 'J'.repeat(maxWireMessageBytes * 8);
    socket.receive({
      kind: 'result',
      id: socket.invokes()[0]!.id,
      result: { ok: true, value: { fileName: 'labels.pdf', contentBase64: pdf } },
    });
    await expect(call).resolves.toEqual({
      ok: true,
      value: { fileName: 'labels.pdf', contentBase64: pdf },
    });
  });

  it('fails a call at once, sending nothing, while not connected', async () => {
    await expect(
      transport.invoke('compartment.open', { compartmentId: 'c1' }, 'fr'),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: translate('fr', 'connection.unavailable') },
    });
    expect(sockets.latest.sent).toEqual([]);
  });

  it('fails calls in flight when the socket drops, in each call’s language', async () => {
    sockets.latest.open();
    const english = transport.invoke('bank.overview', {}, 'en');
    const french = transport.invoke('compartment.open', { compartmentId: 'c1' }, 'fr');

    sockets.latest.drop();

    await expect(english).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: translate('en', 'connection.call_interrupted') },
    });
    await expect(french).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: translate('fr', 'connection.call_interrupted') },
    });
    expect(transport.connectionState).toBe('disconnected');
    expect(states).toEqual(['connected', 'disconnected']);
  });

  it('reconnects with a doubling delay, capped, and starts over after a good connection', () => {
    sockets.latest.open();
    sockets.latest.drop();

    // Each retry that fails to open waits twice as long, up to the cap (500, 1000, 2000, 4000, 4000).
    for (const delay of [500, 1_000, 2_000, 4_000, 4_000]) {
      const before = sockets.sockets.length;
      vi.advanceTimersByTime(delay - 1);
      expect(sockets.sockets, `still waiting before ${delay} ms`).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(sockets.sockets, `retried after ${delay} ms`).toHaveLength(before + 1);
      sockets.latest.drop();
    }
    expect(transport.connectionState).toBe('disconnected');

    vi.advanceTimersByTime(4_000);
    sockets.latest.open();
    expect(transport.connectionState).toBe('connected');

    sockets.latest.drop();
    const before = sockets.sockets.length;
    vi.advanceTimersByTime(500);
    expect(sockets.sockets).toHaveLength(before + 1);
  });

  it('pays no attention to a socket it has replaced', () => {
    const old = sockets.latest;
    old.open();
    old.drop();
    vi.advanceTimersByTime(500);
    const current = sockets.latest;
    expect(current).not.toBe(old);

    const received: unknown[] = [];
    transport.subscribe((event) => received.push(event));
    old.receive({ kind: 'event', event: 'door.changed', payload: {} });
    old.open();
    expect(received).toEqual([]);
    expect(transport.connectionState).toBe('disconnected');
  });

  it('stops for good when closed: pending calls fail and no reconnect follows', async () => {
    sockets.latest.open();
    const call = transport.invoke('bank.overview', {}, 'en');
    transport.close();
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(sockets.latest.closedByClient).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(sockets.sockets).toHaveLength(1);
  });

  it('answers with a Result when the arguments cannot be sent as JSON', async () => {
    sockets.latest.open();
    await expect(transport.invoke('bank.overview', { big: 1n }, 'en')).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: translate('en', 'error.internal_error') },
    });
  });
});

describe('reconnect delay', () => {
  it('doubles from the first delay and never exceeds the cap, even after many attempts', () => {
    const policy = { firstDelayMs: 250, maxDelayMs: 10_000 };
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, policy))).toEqual([
      250, 500, 1_000, 2_000,
    ]);
    expect(reconnectDelayMs(6, policy)).toBe(10_000);
    expect(reconnectDelayMs(10_000, policy)).toBe(10_000);
  });
});

describe('kiosk socket URL', () => {
  it('is /api on the page’s own host, secure when the page is', () => {
    expect(kioskSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/api',
    );
    expect(kioskSocketUrl({ protocol: 'https:', host: 'kiosk.example' })).toBe(
      'wss://kiosk.example/api',
    );
  });
});
