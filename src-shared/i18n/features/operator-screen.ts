import { defineMessages } from '../define-messages.js';

/** The operator's screens: door alarms, service changes, item sensors (X2, G4). */
export const operatorScreenMessages = defineMessages({
  en: {
    'alarm.heading': 'Door alarms',
    'alarm.received_at': 'at {time}',
    'alarm.dismiss': 'Dismiss',
    'operator.take_out_of_service': 'Take {label} out of service',
    'operator.put_back_in_service': 'Put {label} back in service',
    'operator.changing_service': 'Changing {label}…',
    'compartment.items.present': 'Something inside',
    'compartment.items.empty': 'Empty',
  },
  fr: {
    'alarm.heading': 'Alarmes de porte',
    'alarm.received_at': 'à {time}',
    'alarm.dismiss': 'Effacer',
    'operator.take_out_of_service': 'Mettre {label} hors service',
    'operator.put_back_in_service': 'Remettre {label} en service',
    'operator.changing_service': 'Modification de {label}…',
    'compartment.items.present': 'Quelque chose à l’intérieur',
    'compartment.items.empty': 'Vide',
  },
});
