import {
  defaultBankSettings,
  storageBaseHours,
  type BankSettings,
  type StorageDuration,
} from '../../src-shared/domain/bank-settings.js';

/** What a fixed or chosen time starts from when the storage had no end before. */
const hoursWhenNoneBefore = storageBaseHours(defaultBankSettings.storage.duration) ?? 24;

/**
 * Switching the storage time between fixed, chosen and no end changes the document's shape, not
 * one value: the hours a fixed time had become the maximum of a chosen one (and back), so the
 * operator does not start again from nothing. Storage with no end cannot be extended, so that
 * switch turns extending off as well (the toggle then shows as changed).
 */
export function withStorageDurationKind(settings: BankSettings, kind: string): BankSettings {
  const { storage } = settings;
  if (storage.duration.kind === kind) {
    return settings;
  }
  const hours = storageBaseHours(storage.duration) ?? hoursWhenNoneBefore;
  switch (kind) {
    case 'fixed':
      return withStorage(settings, { duration: { kind, hours } });
    case 'flexible':
      return withStorage(settings, { duration: { kind, maxHours: hours } });
    case 'open_ended':
      return withStorage(settings, {
        duration: { kind },
        extension: { ...storage.extension, allowed: false },
      });
    default: {
      // Not a kind the schema knows: kept as given, so the schema names it.
      const unknown = { ...storage.duration, kind } as unknown as StorageDuration;
      return withStorage(settings, { duration: unknown });
    }
  }
}

function withStorage(
  settings: BankSettings,
  changes: Partial<BankSettings['storage']>,
): BankSettings {
  return { ...settings, storage: { ...settings.storage, ...changes } };
}
