import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../../src-shared/api/transport.js';
import type { Result } from '../../../src-shared/api/result.js';
import { appUrl, createTrustedSenderCheck } from '../../../src-main/electron/app-origin.js';
import { registerKioskIpc } from '../../../src-main/electron/ipc-bridge.js';
import { FakeIpcMain, FakeTransport, FakeWebContents, RecordingLogger } from './fakes.js';

/** Any well-formed token: these handlers are fakes that do not check it. */
const testSession = 'test-session-token-0123456789';

const trustedFrame = 'app://kiosk/index.html';

function setUp() {
  const ipcMain = new FakeIpcMain();
  const transport = new FakeTransport();
  const webContents = new FakeWebContents();
  const logger = new RecordingLogger();
  const dispose = registerKioskIpc({
    ipcMain,
    transport,
    webContents,
    isTrustedSender: createTrustedSenderCheck(appUrl),
    logger,
  });
  const call = (frameUrl: string | null, ...args: unknown[]) =>
    ipcMain.invokeFrom(frameUrl, ipcChannels.invoke, ...args) as Promise<Result<unknown>>;
  return { ipcMain, transport, webContents, logger, dispose, call };
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) {
    throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  }
  return result.error;
}

describe('registerKioskIpc', () => {
  it('registers exactly one handler, on the constant invoke channel of the casier: prefix', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([ipcChannels.invoke]);
    expect(ipcChannels.invoke.startsWith('casier:')).toBe(true);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a look-alike host', 'app://kiosk.evil/index.html'],
    ['a file page', 'file:///tmp/index.html'],
    ['a destroyed frame', null],
  ])('refuses a call from %s without reaching the core, and logs it', async (_name, frameUrl) => {
    const { call, transport, logger } = setUp();
    const result = await call(
      frameUrl,
      'compartment.open',
      { session: testSession, compartmentId: 'A1' },
      'en',
    );
    expect(errorOf(result).code).toBe('forbidden');
    expect(transport.invoke).not.toHaveBeenCalled();
    expect(logger.at('warn')).toHaveLength(1);
    expect(logger.at('warn')[0]?.details).toEqual({ senderUrl: frameUrl });
  });

  it('answers an unknown method with unknown_method, translated, without reaching the core', async () => {
    const { call, transport } = setUp();
    const error = errorOf(await call(trustedFrame, 'door.forceOpenAll', {}, 'fr'));
    expect(error.code).toBe('unknown_method');
    expect(error.message).toBe('Cette borne ne connaît pas l’action « door.forceOpenAll ».');
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('does not treat inherited object keys as methods', async () => {
    const { call, transport } = setUp();
    expect(errorOf(await call(trustedFrame, 'constructor', {}, 'en')).code).toBe('unknown_method');
    expect(errorOf(await call(trustedFrame, '__proto__', {}, 'en')).code).toBe('unknown_method');
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing field', {}],
    ['a field of the wrong type', { session: testSession, compartmentId: 42 }],
    ['an empty id', { session: testSession, compartmentId: '' }],
    ['an extra field', { session: testSession, compartmentId: 'A1', force: true }],
    ['no object at all', 'A1'],
  ])(
    'answers arguments with %s with invalid_argument, without reaching the core',
    async (_name, args) => {
      const { call, transport } = setUp();
      const error = errorOf(await call(trustedFrame, 'compartment.open', args, 'en'));
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toMatch(/^The request is not valid: /);
      expect(transport.invoke).not.toHaveBeenCalled();
    },
  );

  it('names the wrong field in the caller’s language', async () => {
    const { call } = setUp();
    const error = errorOf(
      await call(
        trustedFrame,
        'compartment.open',
        { session: testSession, compartmentId: 7 },
        'fr',
      ),
    );
    expect(error.message).toBe('La demande n’est pas valide : compartmentId');
  });

  it.each([['de'], [''], [undefined], [{ toString: (): string => 'en' }]])(
    'answers an unknown locale (%s) with invalid_argument in English, without reaching the core',
    async (locale) => {
      const { call, transport } = setUp();
      const error = errorOf(await call(trustedFrame, 'bank.overview', {}, locale));
      expect(error).toEqual({
        code: 'invalid_argument',
        message: 'The request is not valid: locale',
      });
      expect(transport.invoke).not.toHaveBeenCalled();
    },
  );

  it('answers a method name that is not a string with invalid_argument', async () => {
    const { call, transport } = setUp();
    expect(errorOf(await call(trustedFrame, { name: 'bank.overview' }, {}, 'en')).code).toBe(
      'invalid_argument',
    );
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('dispatches a valid call and returns the core’s Result unchanged', async () => {
    const { call, transport } = setUp();
    const answer: Result<unknown> = {
      ok: false,
      error: { code: 'not_found', message: 'Casier introuvable.' },
    };
    transport.invoke.mockResolvedValueOnce(answer);
    const result = await call(
      trustedFrame,
      'compartment.open',
      { session: testSession, compartmentId: 'A1' },
      'fr',
    );
    expect(result).toBe(answer);
    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith(
      'compartment.open',
      { session: testSession, compartmentId: 'A1' },
      'fr',
    );
  });

  it('lets a method without arguments be called with none', async () => {
    const { call, transport } = setUp();
    const result = await call(trustedFrame, 'bank.overview', undefined, 'en');
    expect(result).toEqual({ ok: true, value: { answered: true } });
    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith('bank.overview', {}, 'en');
  });

  it('turns a throwing core into an internal_error Result instead of an exception across IPC', async () => {
    const { call, transport, logger } = setUp();
    transport.invoke.mockRejectedValueOnce(new Error('bug'));
    const error = errorOf(await call(trustedFrame, 'bank.overview', {}, 'en'));
    expect(error.code).toBe('internal_error');
    expect(logger.at('error')).toHaveLength(1);
  });

  it('forwards core events to the window as (eventName, payload) on the event channel', () => {
    const { transport, webContents } = setUp();
    const payload = { compartmentId: 'c1', label: 'A1', door: 'open' };
    transport.emit('door.changed', payload);
    expect(webContents.sent).toEqual([[ipcChannels.event, 'door.changed', payload]]);
  });

  it('stops sending events once the window is destroyed', () => {
    const { transport, webContents } = setUp();
    webContents.destroyed = true;
    transport.emit('door.changed', {});
    expect(webContents.sent).toEqual([]);
  });

  it('disposes: removes the handler and the event subscription, and can be called twice', async () => {
    const { ipcMain, transport, webContents, dispose, call } = setUp();
    dispose();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(transport.listeners.size).toBe(0);
    transport.emit('door.changed', {});
    expect(webContents.sent).toEqual([]);
    await expect(call(trustedFrame, 'bank.overview', {}, 'en')).rejects.toThrow(/No handler/);
  });
});
