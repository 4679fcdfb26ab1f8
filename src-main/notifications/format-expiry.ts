import type { Locale } from '../../src-shared/i18n/locales.js';

/**
 * When a code stops working, the way a reader of `language` writes dates ("Sunday, June 15,
 * 2025 at 5:06 PM", « dimanche 15 juin 2025 à 17:06 »). The bank's time zone is the machine's,
 * so `timeZone` is left undefined in production; tests pass one to be independent of the host.
 */
export function formatExpiry(expiresAtMs: number, language: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(expiresAtMs);
}
