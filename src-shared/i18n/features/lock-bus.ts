import { defineMessages } from '../define-messages.js';

export const lockBusMessages = defineMessages({
  en: {},
  fr: {},
});
