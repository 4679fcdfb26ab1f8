import { defineMessages } from '../define-messages.js';

/** Personal storage in the core (F1–F5, C6, G3): refusals, log wording, the booking notice. */
export const storageMessages = defineMessages({
  en: {},
  fr: {},
});
