import { describe, expect, it } from 'vitest';
import { failure } from '../../src-shared/api/result.js';
import type { KioskTransport } from '../../src-shared/api/transport.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { FakeTransport, sampleOverview, settle } from './fakes.js';

const session = 'session-token-0123456789';

describe('kiosk client', () => {
  it('sends the method, its arguments and the current locale', async () => {
    const transport = new FakeTransport();
    let locale: Locale = 'en';
    const client = createKioskClient(transport, () => locale);

    void client.call('bank.overview', {});
    locale = 'fr';
    void client.call('compartment.open', { session, compartmentId: 'c1' });
    await settle();

    expect(transport.invokes.map(({ method, args, locale }) => ({ method, args, locale }))).toEqual(
      [
        { method: 'bank.overview', args: {}, locale: 'en' },
        { method: 'compartment.open', args: { session, compartmentId: 'c1' }, locale: 'fr' },
      ],
    );
  });

  it('returns a result that matches the contract', async () => {
    const transport = new FakeTransport();
    const client = createKioskClient(transport, () => 'en');
    const call = client.call('compartment.open', { session, compartmentId: 'c1' });
    await settle();
    transport.call(0).answer({
      ok: true,
      value: { compartmentId: 'c1', label: '1', outcome: 'door_seen_open' },
    });
    await expect(call).resolves.toEqual({
      ok: true,
      value: { compartmentId: 'c1', label: '1', outcome: 'door_seen_open' },
    });
  });

  it('turns a result that breaks the contract into a translated internal_error', async () => {
    const transport = new FakeTransport();
    const client = createKioskClient(transport, () => 'fr');
    const call = client.call('compartment.open', { session, compartmentId: 'c1' });
    await settle();
    transport.call(0).answer({
      ok: true,
      value: { compartmentId: 'c1', label: '1', outcome: 'door_probably_open' },
    });
    await expect(call).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: translate('fr', 'error.internal_error') },
    });
  });

  it('passes a refusal from the core on unchanged', async () => {
    const transport = new FakeTransport();
    const client = createKioskClient(transport, () => 'en');
    const call = client.call('compartment.open', { session, compartmentId: 'c2' });
    await settle();
    const refusal = failure('compartment_out_of_service', 'Compartment 2 is out of service.');
    transport.call(0).answer(refusal);
    await expect(call).resolves.toEqual(refusal);
  });

  it('answers with a Result even when the transport throws', async () => {
    const throwing: KioskTransport = {
      invoke: () => Promise.reject(new Error('cannot clone')),
      subscribe: () => () => {},
    };
    const client = createKioskClient(throwing, () => 'en');
    await expect(client.call('bank.overview', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal_error', message: translate('en', 'error.internal_error') },
    });
  });

  it('hands a handler only its own event, only with a valid payload, until it stops', () => {
    const transport = new FakeTransport();
    const client = createKioskClient(transport, () => 'en');
    const doors: unknown[] = [];
    const stop = client.on('door.changed', (payload) => doors.push(payload));

    transport.push('hardware.changed', { hardware: 'degraded' });
    transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'ajar' });
    transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'open' });
    stop();
    transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'closed' });

    expect(doors).toEqual([{ compartmentId: 'c1', label: '1', door: 'open' }]);
    expect(transport.listenerCount).toBe(0);
  });

  it('checks the overview too: a compartment with an unknown size is refused', async () => {
    const transport = new FakeTransport();
    const client = createKioskClient(transport, () => 'en');
    const call = client.call('bank.overview', {});
    await settle();
    const overview = sampleOverview();
    transport.call(0).answer({
      ok: true,
      value: { ...overview, compartments: [{ ...overview.compartments[0], size: 'XL' }] },
    });
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal_error' } });
  });
});
