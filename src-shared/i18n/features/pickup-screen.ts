import { defineMessages } from '../define-messages.js';

export const pickupScreenMessages = defineMessages({
  en: {
    'pickup_screen.placeholder': 'pickup_screen',
  },
  fr: {
    'pickup_screen.placeholder': 'pickup_screen',
  },
});
