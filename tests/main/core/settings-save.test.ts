import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/** settings.save takes the whole document: nothing is reset because a client left it out. */
describe('settings.save', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startCoreHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('refuses a document without the storage policy, naming it, and changes nothing', async () => {
    const current = await harness.call('settings.get', {});
    const changed = {
      ...current,
      storage: { ...current.storage, keptForDeliveries: { S: 5, M: 2, L: 1 } },
    };
    await harness.call('settings.save', { settings: changed });
    const { storage: _left, ...withoutStorage } = changed;

    const refused = await harness.invoke('settings.save', { settings: withoutStorage });

    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(refused.ok === false && refused.error.message).toContain('settings.storage');
    expect((await harness.call('settings.get', {})).storage.keptForDeliveries).toEqual({
      S: 5,
      M: 2,
      L: 1,
    });
  });
});
