import { defineMessages } from '../define-messages.js';

export const kioskShellMessages = defineMessages({
  en: {
    'kiosk_shell.placeholder': 'kiosk_shell',
  },
  fr: {
    'kiosk_shell.placeholder': 'kiosk_shell',
  },
});
