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
});
