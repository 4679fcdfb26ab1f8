import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, kioskGlobalName } from '../../../src-shared/api/transport.js';
import {
  createKioskApi,
  exposeKioskApi,
  type ContextBridgeLike,
  type IpcRendererLike,
} from '../../../src-main/electron/preload-api.js';

/** Like Electron's ipcRenderer: an EventEmitter whose listeners get (IpcRendererEvent, ...args). */
class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(async () => ({
    ok: true,
    value: 'from main',
  }));

  /** What Electron does when main calls `webContents.send(channel, ...args)`. */
  deliver(channel: string, ...args: unknown[]): void {
    const ipcRendererEvent = { sender: this, ports: [] };
    this.emit(channel, ipcRendererEvent, ...args);
  }
}

class FakeContextBridge implements ContextBridgeLike {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: unknown): void {
    this.exposed.set(apiKey, api);
  }
}

describe('exposeKioskApi', () => {
  it('exposes window.kiosk with exactly invoke and subscribe, and never ipcRenderer itself', () => {
    const contextBridge = new FakeContextBridge();
    const ipcRenderer = new FakeIpcRenderer();
    exposeKioskApi(contextBridge, ipcRenderer);

    expect([...contextBridge.exposed.keys()]).toEqual([kioskGlobalName]);
    const api = contextBridge.exposed.get(kioskGlobalName) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof api['invoke']).toBe('function');
    expect(typeof api['subscribe']).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('createKioskApi', () => {
  it('invokes on the constant channel with (method, args, locale) and returns main’s Result', async () => {
    const ipcRenderer = new FakeIpcRenderer();
    const api = createKioskApi(ipcRenderer);
    const result = await api.invoke('compartment.open', { compartmentId: 'A1' }, 'fr');
    expect(result).toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      ipcChannels.invoke,
      'compartment.open',
      { compartmentId: 'A1' },
      'fr',
    );
  });

  it('turns a failed invoke (uncloneable arguments, no handler) into a translated Result', async () => {
    const ipcRenderer = new FakeIpcRenderer();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const result = await createKioskApi(ipcRenderer).invoke('bank.overview', {}, 'fr');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal_error',
        message:
          'Un problème est survenu sur la borne. Veuillez réessayer ou appeler le service courrier.',
      },
    });
  });

  it('hands a page listener (eventName, payload) only: the IpcRendererEvent is stripped', () => {
    const ipcRenderer = new FakeIpcRenderer();
    const listener = vi.fn();
    createKioskApi(ipcRenderer).subscribe(listener);
    const payload = { compartmentId: 'c1', label: 'A1', door: 'open' };

    ipcRenderer.deliver(ipcChannels.event, 'door.changed', payload);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['door.changed', payload]);
    for (const argument of listener.mock.calls[0] ?? []) {
      expect(argument).not.toHaveProperty('sender');
    }
  });

  it('listens only on the event channel and ignores malformed event names', () => {
    const ipcRenderer = new FakeIpcRenderer();
    const listener = vi.fn();
    createKioskApi(ipcRenderer).subscribe(listener);
    ipcRenderer.deliver('casier:other', 'door.changed', {});
    ipcRenderer.deliver(ipcChannels.event, { not: 'a name' }, {});
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.eventNames()).toEqual([ipcChannels.event]);
  });

  it('unsubscribes only the listener it was given, once', () => {
    const ipcRenderer = new FakeIpcRenderer();
    const api = createKioskApi(ipcRenderer);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.subscribe(first);
    api.subscribe(second);
    expect(ipcRenderer.listenerCount(ipcChannels.event)).toBe(2);

    stopFirst();
    stopFirst();
    ipcRenderer.deliver(ipcChannels.event, 'hardware.changed', { hardware: 'ok' });

    expect(ipcRenderer.listenerCount(ipcChannels.event)).toBe(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith('hardware.changed', { hardware: 'ok' });
  });
});
