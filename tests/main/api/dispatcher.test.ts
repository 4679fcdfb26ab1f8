import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type MethodHandlers } from '../../../src-main/api/dispatcher.js';
import { KioskError } from '../../../src-main/core/kiosk-error.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { methodHandlers } from '../../helpers/method-handlers.js';

/** Any well-formed token: these handlers are fakes that do not check it. */
const testSession = 'test-session-token-0123456789';

function handlers(overrides: Partial<MethodHandlers> = {}): MethodHandlers {
  return methodHandlers({
    'bank.overview': () => ({ bank: { id: 'b', name: 'Lobby' }, hardware: 'ok', compartments: [] }),
    'compartment.open': ({ compartmentId }) => ({
      compartmentId,
      label: '7',
      outcome: 'door_seen_open',
    }),
    ...overrides,
  });
}

describe('kiosk dispatcher', () => {
  it('runs a valid call and returns its value', async () => {
    const dispatcher = createDispatcher(handlers(), silentLogger());
    await expect(
      dispatcher.invoke('compartment.open', { session: testSession, compartmentId: 'c1' }, 'en'),
    ).resolves.toEqual({
      ok: true,
      value: { compartmentId: 'c1', label: '7', outcome: 'door_seen_open' },
    });
  });

  it('refuses an unknown method in the caller language', async () => {
    const dispatcher = createDispatcher(handlers(), silentLogger());
    await expect(dispatcher.invoke('door.forceAll', {}, 'fr')).resolves.toEqual({
      ok: false,
      error: {
        code: 'unknown_method',
        message: 'Cette borne ne connaît pas l’action « door.forceAll ».',
      },
    });
  });

  it('refuses bad arguments without calling the handler and names the field, not its value', async () => {
    const open = vi.fn();
    const dispatcher = createDispatcher(handlers({ 'compartment.open': open }), silentLogger());
    const result = await dispatcher.invoke(
      'compartment.open',
      { compartmentId: 42, secret: '123456' },
      'en',
    );
    expect(open).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_argument');
      expect(result.error.message).toContain('compartmentId');
      expect(result.error.message).toContain('secret');
      expect(result.error.message).not.toContain('123456');
    }
  });

  it('turns a KioskError into a translated refusal with translated parameters', async () => {
    const dispatcher = createDispatcher(
      handlers({
        'compartment.open': () => {
          throw new KioskError('not_found', { what: 'noun.compartment' });
        },
      }),
      silentLogger(),
    );
    const result = await dispatcher.invoke(
      'compartment.open',
      { session: testSession, compartmentId: 'zz' },
      'fr',
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Introuvable : casier.' },
    });
  });

  it('hides a bug behind internal_error instead of throwing across the transport', async () => {
    const dispatcher = createDispatcher(
      handlers({
        'bank.overview': () => {
          throw new TypeError('undefined is not a function');
        },
      }),
      silentLogger(),
    );
    const result = await dispatcher.invoke('bank.overview', {}, 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal_error');
    expect(JSON.stringify(result)).not.toContain('undefined is not a function');
  });

  it('refuses a handler result that breaks the contract', async () => {
    const dispatcher = createDispatcher(
      handlers({ 'bank.overview': () => ({ bank: 'wrong' }) as never }),
      silentLogger(),
    );
    const result = await dispatcher.invoke('bank.overview', {}, 'en');
    expect(!result.ok && result.error.code).toBe('internal_error');
  });

  it('delivers valid events to every subscriber until it unsubscribes, and drops invalid ones', () => {
    const dispatcher = createDispatcher(handlers(), silentLogger());
    const first = vi.fn();
    const second = vi.fn(() => {
      throw new Error('a broken listener must not stop the others');
    });
    const unsubscribe = dispatcher.subscribe(first);
    dispatcher.subscribe(second);
    dispatcher.emit('door.changed', { compartmentId: 'c1', label: '1', door: 'open' });
    dispatcher.emit('door.changed', { compartmentId: 'c1', label: '1', door: 'ajar' } as never);
    unsubscribe();
    dispatcher.emit('door.changed', { compartmentId: 'c1', label: '1', door: 'closed' });
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith('door.changed', {
      compartmentId: 'c1',
      label: '1',
      door: 'open',
    });
    expect(second).toHaveBeenCalledTimes(2);
  });
});
