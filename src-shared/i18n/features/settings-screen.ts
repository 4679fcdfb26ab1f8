import { defineMessages } from '../define-messages.js';

export const settingsScreenMessages = defineMessages({
  en: {
    'settings_screen.placeholder': 'settings_screen',
  },
  fr: {
    'settings_screen.placeholder': 'settings_screen',
  },
});
