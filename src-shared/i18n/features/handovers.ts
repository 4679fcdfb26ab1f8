import { defineMessages } from '../define-messages.js';

/** Returns and exchanges in the core (D3, D4): refusals and the notices. */
export const handoverMessages = defineMessages({
  en: {},
  fr: {},
});
