import { describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/api/result.js';
import type { KioskTransport } from '../../src-shared/api/transport.js';
import { selectTransport } from '../../src-renderer/transport/select-transport.js';
import { FakeSocketFactory } from './fakes.js';

const location = { protocol: 'http:', host: '127.0.0.1:5000' };

describe('choosing the transport', () => {
  it('uses the Electron preload’s window.kiosk when it is there, and opens no socket', async () => {
    const calls: unknown[] = [];
    const preload: KioskTransport = {
      invoke: async (method, args, locale) => {
        calls.push([method, args, locale]);
        return ok('from ipc');
      },
      subscribe: () => () => {},
    };
    const sockets = new FakeSocketFactory();
    const transport = selectTransport({
      globals: { kiosk: preload },
      location,
      openSocket: sockets.open,
    });

    await expect(transport.invoke('bank.overview', {}, 'fr')).resolves.toEqual(ok('from ipc'));
    expect(calls).toEqual([['bank.overview', {}, 'fr']]);
    expect(transport.connectionState).toBe('connected');
    expect(sockets.sockets).toHaveLength(0);
  });

  it('falls back to the WebSocket of the host that served the page', () => {
    const sockets = new FakeSocketFactory();
    const transport = selectTransport({ globals: {}, location, openSocket: sockets.open });
    expect(sockets.latest.url).toBe('ws://127.0.0.1:5000/api');
    expect(transport.connectionState).toBe('connecting');
  });

  it('ignores a window.kiosk that is not a transport', () => {
    const sockets = new FakeSocketFactory();
    selectTransport({ globals: { kiosk: { invoke: 'no' } }, location, openSocket: sockets.open });
    expect(sockets.sockets).toHaveLength(1);
  });
});
