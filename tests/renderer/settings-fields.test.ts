import { describe, expect, it } from 'vitest';
import {
  BankSettings,
  defaultBankSettings,
  storageDurationKinds,
} from '../../src-shared/domain/bank-settings.js';
import { isMessageKey } from '../../src-shared/i18n/translate.js';
import { readSetting, withSetting } from '../../src-renderer/settings/settings-draft.js';
import {
  changedFieldPaths,
  isFieldShown,
  sectionsShownFor,
  settingFields,
  type NumberField,
} from '../../src-renderer/settings/settings-fields.js';

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return [prefix];
}

/** The defaults with each storage time in turn: each has its own fields. */
const eachStorageTime = storageDurationKinds.map((kind) =>
  withSetting(defaultBankSettings, 'storage.duration.kind', kind),
);

/**
 * A valid document that shows this number field, with extending off so the rule between the
 * storage time and the longest extension does not mix into a test of one field's bounds.
 */
function documentShowing(field: NumberField): BankSettings {
  const document = eachStorageTime.find((settings) => isFieldShown(field, settings))!;
  return withSetting(document, 'storage.extension.allowed', false);
}

describe('settings screen fields', () => {
  it('shows every field of the settings document exactly once, whatever its storage time', () => {
    expect(eachStorageTime.map((settings) => settings.storage.duration.kind)).toEqual([
      'fixed',
      'flexible',
      'open_ended',
    ]);
    for (const settings of eachStorageTime) {
      const shown = sectionsShownFor(settings).flatMap((section) =>
        section.fields.map((field) => field.path),
      );
      expect([...shown].sort()).toEqual(leafPaths(settings).sort());
    }
    // Together they cover every field the screen knows.
    const everShown = new Set(
      eachStorageTime.flatMap((settings) =>
        settingFields.filter((field) => isFieldShown(field, settings)).map((field) => field.path),
      ),
    );
    expect(everShown.size).toBe(settingFields.length);
  });

  it('counts a change of storage time once, not once per hours field it brings or drops', () => {
    const chosen = withSetting(defaultBankSettings, 'storage.duration.kind', 'flexible');
    expect(changedFieldPaths(defaultBankSettings, chosen)).toEqual([
      'storage.duration.kind',
      'storage.duration.maxHours',
    ]);
    const noEnd = withSetting(defaultBankSettings, 'storage.duration.kind', 'open_ended');
    expect(changedFieldPaths(defaultBankSettings, noEnd)).toEqual([
      'storage.duration.kind',
      'storage.extension.allowed',
    ]);
    expect(changedFieldPaths(defaultBankSettings, defaultBankSettings)).toEqual([]);
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
      'storage.duration.hours': [1, 720],
      'storage.duration.maxHours': [1, 720],
      'storage.extension.maxTotalHours': [1, 720],
      'storage.keptForDeliveries.S': [0, 500],
      'storage.keptForDeliveries.M': [0, 500],
      'storage.keptForDeliveries.L': [0, 500],
    });
    for (const field of settingFields) {
      if (field.kind !== 'number') {
        continue;
      }
      const document = documentShowing(field);
      expect(BankSettings.safeParse(document).success, field.path).toBe(true);
      for (const edge of [field.min, field.max]) {
        expect(
          BankSettings.safeParse(withSetting(document, field.path, edge)).success,
          `${field.path}=${edge}`,
        ).toBe(true);
      }
      for (const outside of [field.min - 1, field.max + 1]) {
        expect(
          BankSettings.safeParse(withSetting(document, field.path, outside)).success,
          `${field.path}=${outside}`,
        ).toBe(false);
      }
      expect(typeof readSetting(document, field.path)).toBe('number');
    }
  });
});
