import { defaultLocale, isLocale, type Locale } from '../../src-shared/i18n/locales.js';

/**
 * The page's language: `?lang=` when it names one we have, else the first of the browser's
 * Accept-Language preferences (by weight) that we have, else English.
 */
export function pageLanguage(query: unknown, acceptLanguage: string | undefined): Locale {
  const asked =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>).lang : null;
  if (isLocale(asked)) {
    return asked;
  }
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const weight = parameters
        .map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1])
        .find((value) => value !== undefined);
      return { language: tag.split('-')[0]!.toLowerCase(), weight: Number(weight ?? 1), order };
    })
    .filter((preference) => preference.weight > 0)
    .sort((left, right) => right.weight - left.weight || left.order - right.order);
  return preferences.map((preference) => preference.language).find(isLocale) ?? defaultLocale;
}
