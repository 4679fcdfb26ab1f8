import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBankSettingsService } from '../../../../src-main/core/bank-settings-service.js';
import { silentLogger } from '../../../../src-main/logging/logger.js';
import { defaultBankSettings } from '../../../../src-shared/domain/bank-settings.js';
import { ManualClock } from '../../../../src-shared/time/manual-clock.js';
import { del, openApplyBench, put, startMs, type ApplyBench } from './apply-kit.js';

/**
 * Flows read the bank settings from memory (bank-settings-service.ts): settings a pull wrote
 * reach it through `reload`, called by the sync client once the page has committed.
 */
describe('bank settings from the cloud reach the running kiosk', () => {
  let bench: ApplyBench;

  beforeEach(() => {
    bench = openApplyBench();
  });
  afterEach(() => {
    bench.close();
  });

  it('reload picks up the pulled document and tells the listeners once', () => {
    const service = createBankSettingsService({
      db: bench.database.db,
      clock: new ManualClock(startMs),
      bankId: bench.bankId,
      logger: silentLogger(),
    });
    const heard: boolean[] = [];
    service.onChange((settings) => heard.push(settings.oneParcelPerCompartment));
    expect(service.current().oneParcelPerCompartment).toBe(false);

    const applied = bench.apply([
      put('bank_settings', 'bank', { ...defaultBankSettings, oneParcelPerCompartment: true }),
    ]);
    // Not before the reload: memory is what flows read.
    expect(service.current().oneParcelPerCompartment).toBe(false);
    expect(applied.settingsChanged).toBe(true);
    expect(service.reload().oneParcelPerCompartment).toBe(true);
    expect(service.current().oneParcelPerCompartment).toBe(true);
    // Nothing new: no second notice.
    service.reload();
    expect(heard).toEqual([true]);

    bench.apply([del('bank_settings', 'bank')]);
    service.reload();
    expect(service.current()).toEqual(defaultBankSettings);
    expect(heard).toEqual([true, false]);
  });
});
