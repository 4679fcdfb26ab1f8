import { defineMessages } from '../define-messages.js';

/** The operator's screens: door alarms, service changes, item sensors (X2, G4). */
export const operatorScreenMessages = defineMessages({
  en: {
    'alarm.heading': 'Door alarms',
    'alarm.received_at': 'at {time}',
    'alarm.dismiss': 'Dismiss',
  },
  fr: {
    'alarm.heading': 'Alarmes de porte',
    'alarm.received_at': 'à {time}',
    'alarm.dismiss': 'Effacer',
  },
});
