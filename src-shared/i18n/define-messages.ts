/**
 * One feature's messages in both languages, side by side. The type makes French carry exactly
 * the English keys, so a feature cannot ship half-translated. en.ts and fr.ts merge the features.
 */
export function defineMessages<const English extends Record<string, string>>(messages: {
  en: English;
  fr: Record<keyof English, string>;
}): { en: English; fr: Record<keyof English, string> } {
  return messages;
}
