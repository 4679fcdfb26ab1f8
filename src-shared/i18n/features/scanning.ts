import { defineMessages } from '../define-messages.js';

export const scanningMessages = defineMessages({
  en: {},
  fr: {},
});
