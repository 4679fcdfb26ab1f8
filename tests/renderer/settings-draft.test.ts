import { describe, expect, it } from 'vitest';
import { defaultBankSettings } from '../../src-shared/domain/bank-settings.js';
import {
  changedSettingPaths,
  readSetting,
  steppedValue,
  typedNumber,
  withSetting,
} from '../../src-renderer/settings/settings-draft.js';

describe('settings draft', () => {
  it('reads and replaces one field without touching the original', () => {
    const before = structuredClone(defaultBankSettings);
    const edited = withSetting(defaultBankSettings, 'pickup.methods.qr', false);
    expect(readSetting(edited, 'pickup.methods.qr')).toBe(false);
    expect(readSetting(edited, 'pickup.methods.code')).toBe(true);
    expect(defaultBankSettings).toEqual(before);
  });

  it('refuses a path that is not a field of the document', () => {
    expect(() => withSetting(defaultBankSettings, 'pickup.nope' as never, 1)).toThrow();
    expect(() => readSetting(defaultBankSettings, 'pickup' as never)).toThrow();
  });

  it('lists the fields that differ from the stored settings, by dotted path', () => {
    expect(changedSettingPaths(defaultBankSettings, defaultBankSettings)).toEqual([]);
    let draft = withSetting(defaultBankSettings, 'pickup.pickupWindowHours', 48);
    draft = withSetting(draft, 'contactlessSignIn', false);
    expect(changedSettingPaths(defaultBankSettings, draft)).toEqual([
      'pickup.pickupWindowHours',
      'contactlessSignIn',
    ]);
    // Put back by hand: no longer a change.
    draft = withSetting(draft, 'contactlessSignIn', true);
    expect(changedSettingPaths(defaultBankSettings, draft)).toEqual(['pickup.pickupWindowHours']);
  });

  it('counts an emptied number field as a change', () => {
    const draft = withSetting(defaultBankSettings, 'timers.returnHomeSeconds', Number.NaN);
    expect(changedSettingPaths(defaultBankSettings, draft)).toEqual(['timers.returnHomeSeconds']);
  });

  it('steps within the bounds', () => {
    expect(steppedValue(72, 24, 1, 1440)).toBe(96);
    expect(steppedValue(72, -1, 1, 1440)).toBe(71);
    expect(steppedValue(1430, 24, 1, 1440)).toBe(1440);
    expect(steppedValue(10, -24, 1, 1440)).toBe(1);
  });

  it('steps from the nearest bound when the field holds no number', () => {
    expect(steppedValue(Number.NaN, 5, 10, 600)).toBe(10);
    expect(steppedValue(Number.NaN, -5, 10, 600)).toBe(600);
  });

  it('reads typed text as a number, and anything else as NaN for the schema to name', () => {
    expect(typedNumber(' 48 ')).toBe(48);
    expect(typedNumber('')).toBeNaN();
    expect(typedNumber('soon')).toBeNaN();
    expect(typedNumber('1.5')).toBe(1.5);
  });
  describe('switching the storage time', () => {
    it('carries the hours over between a fixed and a chosen time', () => {
      const fixed36 = withSetting(defaultBankSettings, 'storage.duration.hours', 36);
      const chosen = withSetting(fixed36, 'storage.duration.kind', 'flexible');
      expect(chosen.storage.duration).toEqual({ kind: 'flexible', maxHours: 36 });
      expect(chosen.storage.extension).toEqual(defaultBankSettings.storage.extension);
      expect(withSetting(chosen, 'storage.duration.kind', 'fixed')).toEqual(fixed36);
      expect(fixed36.storage.duration).toEqual({ kind: 'fixed', hours: 36 });
    });

    it('turns extending off for no end time, and starts again from the default hours after', () => {
      const noEnd = withSetting(defaultBankSettings, 'storage.duration.kind', 'open_ended');
      expect(noEnd.storage.duration).toEqual({ kind: 'open_ended' });
      expect(noEnd.storage.extension).toEqual({ allowed: false, maxTotalHours: 72 });
      const chosen = withSetting(noEnd, 'storage.duration.kind', 'flexible');
      expect(chosen.storage.duration).toEqual({ kind: 'flexible', maxHours: 24 });
      expect(chosen.storage.extension.allowed).toBe(false);
      expect(defaultBankSettings.storage.duration).toEqual({ kind: 'fixed', hours: 24 });
      expect(defaultBankSettings.storage.extension.allowed).toBe(true);
    });

    it('changes nothing when the storage time chosen is the one in force', () => {
      expect(withSetting(defaultBankSettings, 'storage.duration.kind', 'fixed')).toBe(
        defaultBankSettings,
      );
    });

    it('has no hours field of the other kind', () => {
      expect(() => readSetting(defaultBankSettings, 'storage.duration.maxHours')).toThrow();
      expect(() => withSetting(defaultBankSettings, 'storage.duration.maxHours', 5)).toThrow();
    });
  });
});
