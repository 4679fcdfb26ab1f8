import { defineMessages } from '../define-messages.js';

export const dropOffScreenMessages = defineMessages({
  en: {
    'drop_off_screen.placeholder': 'drop_off_screen',
  },
  fr: {
    'drop_off_screen.placeholder': 'drop_off_screen',
  },
});
