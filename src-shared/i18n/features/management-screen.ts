import { defineMessages } from '../define-messages.js';

export const managementScreenMessages = defineMessages({
  en: {
    'management_screen.placeholder': 'management_screen',
  },
  fr: {
    'management_screen.placeholder': 'management_screen',
  },
});
