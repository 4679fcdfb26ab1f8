import { defineMessages } from '../define-messages.js';

export const flowsMessages = defineMessages({
  en: {
    'flows.placeholder': 'flows',
  },
  fr: {
    'flows.placeholder': 'flows',
  },
});
