import { defineMessages } from '../define-messages.js';

/** Door alarms (X2) and why a compartment is out of service (G4), for the operator screens. */
export const doorsMessages = defineMessages({
  en: {
    'door.alarm.opened_without_command':
      'The door of compartment {label} opened without a command. Its content can no longer be trusted.',
    'door.alarm.left_open': 'The door of compartment {label} has been left open.',
    'door.alarm.failed_to_open':
      'The door of compartment {label} failed to open several times in a row.',
    'compartment.reason.operator_request': 'Taken out of service by an operator',
    'compartment.reason.door_failed_to_open': 'The door failed to open several times in a row',
    'compartment.reason.door_forced_open': 'The door was opened without a command',
  },
  fr: {
    'door.alarm.opened_without_command':
      'La porte du casier {label} s’est ouverte sans commande. Son contenu n’est plus fiable.',
    'door.alarm.left_open': 'La porte du casier {label} est restée ouverte.',
    'door.alarm.failed_to_open':
      'La porte du casier {label} n’a pas pu s’ouvrir à plusieurs reprises.',
    'compartment.reason.operator_request': 'Mis hors service par un opérateur',
    'compartment.reason.door_failed_to_open': 'La porte n’a pas pu s’ouvrir à plusieurs reprises',
    'compartment.reason.door_forced_open': 'La porte a été ouverte sans commande',
  },
});
