import { en, type Catalogue, type MessageKey } from './en.js';
import { fr } from './fr.js';
import type { Locale } from './locales.js';

const catalogues: Record<Locale, Catalogue> = { en, fr };

export type MessageParams = Record<string, string | number>;

/**
 * The text for `key` in `locale`, with `{name}` parameters filled in. A missing parameter stays
 * visible as `{name}` rather than vanishing, so a forgotten argument shows up in review and tests.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

export function catalogueFor(locale: Locale): Catalogue {
  return catalogues[locale];
}
