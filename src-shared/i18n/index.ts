export { en, type Catalogue, type MessageKey } from './en.js';
export { fr } from './fr.js';
export { defaultLocale, isLocale, locales, type Locale } from './locales.js';
export { catalogueFor, isMessageKey, translate, type MessageParams } from './translate.js';
