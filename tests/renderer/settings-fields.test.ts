import { describe, expect, it } from 'vitest';
import { BankSettings, defaultBankSettings } from '../../src-shared/domain/bank-settings.js';
import { isMessageKey } from '../../src-shared/i18n/translate.js';
import { readSetting, withSetting } from '../../src-renderer/settings/settings-draft.js';
import { settingFields } from '../../src-renderer/settings/settings-fields.js';

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return [prefix];
}

describe('settings screen fields', () => {
  it('shows every field of the settings document exactly once', () => {
    const shown = settingFields.map((field) => field.path);
    expect([...shown].sort()).toEqual(leafPaths(defaultBankSettings).sort());
  });

  it('names every text by a key both catalogues have', () => {
    const keys = settingFields.flatMap((field) => [
      field.label,
      field.help,
      ...(field.kind === 'choice' ? field.options.map((option) => option.label) : []),
    ]);
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('gives every field its own test id', () => {
    const ids = settingFields.map((field) => field.testId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('settings-pickup-window');
  });

  it('offers exactly the choices the schema accepts', () => {
    for (const field of settingFields) {
      if (field.kind !== 'choice') {
        continue;
      }
      for (const option of field.options) {
        const settings = withSetting(defaultBankSettings, field.path, option.value);
        expect(BankSettings.safeParse(settings).success, `${field.path}=${option.value}`).toBe(
          true,
        );
      }
      const other = withSetting(defaultBankSettings, field.path, 'something_else');
      expect(BankSettings.safeParse(other).success).toBe(false);
    }
  });

  it('takes the numbers’ bounds from the schema', () => {
    const bounds = Object.fromEntries(
      settingFields.flatMap((field) =>
        field.kind === 'number' ? [[field.path, [field.min, field.max]]] : [],
      ),
    );
    expect(bounds).toEqual({
      'pickup.pickupWindowHours': [1, 24 * 60],
      'timers.reopenGraceSeconds': [0, 600],
      'timers.returnHomeSeconds': [3, 300],
      'timers.inactivitySeconds': [10, 600],
      'timers.operatorIdleMinutes': [1, 240],
      'timers.operatorSessionHours': [1, 24],
    });
    for (const field of settingFields) {
      if (field.kind !== 'number') {
        continue;
      }
      for (const edge of [field.min, field.max]) {
        expect(
          BankSettings.safeParse(withSetting(defaultBankSettings, field.path, edge)).success,
        ).toBe(true);
      }
      for (const outside of [field.min - 1, field.max + 1]) {
        expect(
          BankSettings.safeParse(withSetting(defaultBankSettings, field.path, outside)).success,
        ).toBe(false);
      }
      expect(typeof readSetting(defaultBankSettings, field.path)).toBe('number');
    }
  });
});
