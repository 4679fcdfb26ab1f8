import type { MessageKey } from '../../../src-shared/i18n/en.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../../src-shared/i18n/translate.js';
import type { ExtensionCheck, StayHoursCheck } from '../../../src-shared/domain/storage-stay.js';
import { LocalizedKioskError, type KioskError } from '../../core/kiosk-error.js';
import { formatExpiry } from '../../notifications/format-expiry.js';

/**
 * The storage refusals a person reads (F1–F5, G3): one 'storage_refused' error whose text is a
 * whole sentence of src-shared/i18n/features/storage.ts, dates written in the reader's language.
 */
export type StorageRefusalKey = Extract<MessageKey, `storage.refused.${string}`>;

/** Parameters that are times are written per language when the message is read. */
export type RefusalParams = Record<string, string | number | { atMs: number }>;

export function storageRefused(key: StorageRefusalKey, params: RefusalParams = {}): KioskError {
  return new LocalizedKioskError('storage_refused', (locale) => ({
    message: translate(locale, key, written(locale, params)),
  }));
}

function written(locale: Locale, params: RefusalParams): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'object' ? formatExpiry(value.atMs, locale) : value,
    ]),
  );
}

/** C6: the hours asked for do not fit the policy. */
export function stayHoursRefusal(check: Extract<StayHoursCheck, { ok: false }>): KioskError {
  switch (check.problem) {
    case 'fixed_hours':
      return storageRefused('storage.refused.fixed_hours', { hours: check.hours });
    case 'too_long':
      return storageRefused('storage.refused.too_long', { maxHours: check.maxHours });
    case 'hours_required':
      return storageRefused('storage.refused.hours_required', { maxHours: check.maxHours });
    case 'no_end_time':
      return storageRefused('storage.refused.no_end_time');
  }
}

/** F5: why this extension cannot be made. */
export function extensionRefusal(
  check: Extract<ExtensionCheck, { ok: false }>,
  endsAtMs: number | null,
): KioskError {
  switch (check.problem) {
    case 'not_allowed':
      return storageRefused('storage.refused.no_extension');
    case 'expired':
      return expiredRefusal(endsAtMs ?? 0);
    case 'beyond_latest':
      return storageRefused('storage.refused.extend_up_to', { time: { atMs: check.latestEndMs } });
  }
}

/** Past its end: the owner may only end it (F4). */
export function expiredRefusal(endsAtMs: number): KioskError {
  return storageRefused('storage.refused.expired', { time: { atMs: endsAtMs } });
}
