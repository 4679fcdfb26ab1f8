import { defineMessages } from '../define-messages.js';

/** The personal storage screens (F1, F3–F5) and the status grid's storage words (G1, G3). */
export const storageScreenMessages = defineMessages({
  en: {},
  fr: {},
});
