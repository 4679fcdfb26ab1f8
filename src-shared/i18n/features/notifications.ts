import { defineMessages } from '../define-messages.js';

export const notificationsMessages = defineMessages({
  en: {
    'notifications.placeholder': 'notifications',
  },
  fr: {
    'notifications.placeholder': 'notifications',
  },
});
