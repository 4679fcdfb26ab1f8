import { defineMessages } from '../define-messages.js';

/**
 * The operator's management screen (G1–G5): every compartment with its use and parcels, and
 * the actions on one compartment with what the door sensor saw.
 */
export const managementScreenMessages = defineMessages({
  en: {
    'management_screen.heading': 'Compartments',
    'management_screen.loading': 'Loading the compartments…',
    'management_screen.empty': 'This locker bank has no compartments yet.',
    'management_screen.no_match': 'No compartment matches this filter.',
    'management_screen.exit': 'Done',
    'management_screen.filters': 'Show compartments',
    'management_screen.filter.all': 'All',
    'management_screen.filter.available': 'Available',
    'management_screen.filter.occupied': 'Occupied',
    'management_screen.filter.expired': 'Expired',
    'management_screen.filter.out_of_service': 'Out of service',

    'management_screen.use.available': 'Available',
    'management_screen.use.reserved': 'Reserved',
    'management_screen.use.occupied': 'Occupied',
    'management_screen.use.expired': 'Expired parcels',
    'management_screen.use.out_of_service': 'Out of service',
    'management_screen.tile': 'Compartment',
    'management_screen.held_for': 'Held for {name}',
    'management_screen.items.present': 'Sensor: something inside',
    'management_screen.items.empty': 'Sensor: empty',
    'management_screen.more_parcels': 'and {count} more',

    'management_screen.parcels': 'Parcels',
    'management_screen.parcel.tracking': 'Tracking number {number}',
    'management_screen.parcel.no_tracking': 'No tracking number',
    'management_screen.parcel.recipient': 'For {name}',
    'management_screen.parcel.deposited': 'Dropped off {time}',
    'management_screen.parcel.deadline': 'Pickup deadline {time}',
    'management_screen.parcel.no_deadline': 'No pickup deadline',

    'management_screen.detail': 'Compartment {label}',
    'management_screen.close': 'Close',
    'management_screen.no_actions': 'You may look at this compartment, but not act on it.',
    'management_screen.open': 'Open the door',
    'management_screen.open_question':
      'Open the door of compartment {label}? Whoever is at the locker can then take what is inside.',
    'management_screen.open_confirm': 'Yes, open the door',
    'management_screen.cancel': 'Cancel',
    'management_screen.opening': 'Opening…',
    'management_screen.take_out_of_service': 'Take out of service',
    'management_screen.put_back_in_service': 'Put back in service',
    'management_screen.changing_service': 'Changing…',
    'management_screen.remove_expired': 'Remove expired parcels',
    'management_screen.removing': 'Opening the door…',

    'management_screen.outcome.door_seen_open': 'The door of compartment {label} is open.',
    'management_screen.outcome.door_already_open':
      'The door of compartment {label} was already open.',
    'management_screen.outcome.jammed':
      'The door of compartment {label} did not open. It may be jammed: check it.',
    'management_screen.outcome.outcome_unknown':
      'The lock of compartment {label} did not answer, so nobody knows whether the door opened. Check the door before trying again.',
    'management_screen.service_outcome.out_of_service':
      'Compartment {label} is out of service: nothing new will be put in it.',
    'management_screen.service_outcome.in_service': 'Compartment {label} is back in service.',
    'management_screen.remove_outcome.open':
      'The door of compartment {label} is open. Take the expired parcels out, then close the door.',
    'management_screen.remove_outcome.not_seen_open':
      'The door of compartment {label} has not been seen open. Check the door: the parcels count as removed only once it has been opened and closed again.',
    'management_screen.use.expired_storage': 'Storage overdue',
    'management_screen.use.storage': 'Storage',
    'management_screen.storage.owner': 'Storage of {name}',
    'management_screen.storage.walk_up': 'Walk-up storage (code)',
    'management_screen.storage.started': 'Started {time}',
    'management_screen.storage.ends': 'Ends {time}',
    'management_screen.storage.ended': 'Ended {time}, not emptied',
    'management_screen.storage.no_end': 'No end time',
    'management_screen.storage.heading': 'Personal storage',
    'management_screen.parcel.return': 'Return from {name}',
    'management_screen.parcel.exchange': 'Exchange for {name}',
    'management_screen.empty_storage': 'Empty this compartment',
    'management_screen.empty_storage.running': 'End this storage and empty it',
    'management_screen.empty_storage.question': 'Why are you emptying compartment {label}?',
    'management_screen.empty_storage.question_running':
      'The storage in compartment {label} has not ended: emptying it ends it now, and its code stops working. Why are you emptying it?',
    'management_screen.empty_storage.reason': 'Reason',
    'management_screen.empty_storage.reason_hint':
      'The reason is kept in the log with your name ({min} to {max} characters), for example “overstayed” or “owner lost their code”.',
    'management_screen.empty_storage.confirm': 'Open and empty',
    'management_screen.emptying': 'Opening the door…',
    'management_screen.empty_outcome.open':
      'The door of compartment {label} is open. Take the things out, keep them for their owner, then close the door.',
    'management_screen.empty_outcome.not_seen_open':
      'The door of compartment {label} has not been seen open. Check the door: the storage counts as emptied only once it has been opened and closed again.',
  },
  fr: {
    'management_screen.heading': 'Casiers',
    'management_screen.loading': 'Chargement des casiers…',
    'management_screen.empty': 'Cette consigne n’a encore aucun casier.',
    'management_screen.no_match': 'Aucun casier ne correspond à ce filtre.',
    'management_screen.exit': 'Terminé',
    'management_screen.filters': 'Afficher les casiers',
    'management_screen.filter.all': 'Tous',
    'management_screen.filter.available': 'Libres',
    'management_screen.filter.occupied': 'Occupés',
    'management_screen.filter.expired': 'Expirés',
    'management_screen.filter.out_of_service': 'Hors service',

    'management_screen.use.available': 'Libre',
    'management_screen.use.reserved': 'Réservé',
    'management_screen.use.occupied': 'Occupé',
    'management_screen.use.expired': 'Colis expirés',
    'management_screen.use.out_of_service': 'Hors service',
    'management_screen.tile': 'Casier',
    'management_screen.held_for': 'Réservé pour {name}',
    'management_screen.items.present': 'Capteur : quelque chose à l’intérieur',
    'management_screen.items.empty': 'Capteur : vide',
    'management_screen.more_parcels': 'et {count} de plus',

    'management_screen.parcels': 'Colis',
    'management_screen.parcel.tracking': 'Numéro de suivi {number}',
    'management_screen.parcel.no_tracking': 'Sans numéro de suivi',
    'management_screen.parcel.recipient': 'Pour {name}',
    'management_screen.parcel.deposited': 'Déposé le {time}',
    'management_screen.parcel.deadline': 'À retirer avant le {time}',
    'management_screen.parcel.no_deadline': 'Sans date limite de retrait',

    'management_screen.detail': 'Casier {label}',
    'management_screen.close': 'Fermer',
    'management_screen.no_actions': 'Vous pouvez consulter ce casier, mais pas agir dessus.',
    'management_screen.open': 'Ouvrir la porte',
    'management_screen.open_question':
      'Ouvrir la porte du casier {label} ? La personne présente devant la consigne pourra alors prendre ce qu’il contient.',
    'management_screen.open_confirm': 'Oui, ouvrir la porte',
    'management_screen.cancel': 'Annuler',
    'management_screen.opening': 'Ouverture…',
    'management_screen.take_out_of_service': 'Mettre hors service',
    'management_screen.put_back_in_service': 'Remettre en service',
    'management_screen.changing_service': 'Modification…',
    'management_screen.remove_expired': 'Retirer les colis expirés',
    'management_screen.removing': 'Ouverture de la porte…',

    'management_screen.outcome.door_seen_open': 'La porte du casier {label} est ouverte.',
    'management_screen.outcome.door_already_open': 'La porte du casier {label} était déjà ouverte.',
    'management_screen.outcome.jammed':
      'La porte du casier {label} ne s’est pas ouverte. Elle est peut-être bloquée : vérifiez-la.',
    'management_screen.outcome.outcome_unknown':
      'La serrure du casier {label} n’a pas répondu : on ne sait pas si la porte s’est ouverte. Vérifiez la porte avant de réessayer.',
    'management_screen.service_outcome.out_of_service':
      'Le casier {label} est hors service : plus rien n’y sera déposé.',
    'management_screen.service_outcome.in_service': 'Le casier {label} est remis en service.',
    'management_screen.remove_outcome.open':
      'La porte du casier {label} est ouverte. Retirez les colis expirés, puis refermez la porte.',
    'management_screen.remove_outcome.not_seen_open':
      'La porte du casier {label} n’a pas été vue ouverte. Vérifiez la porte : les colis ne comptent comme retirés qu’une fois la porte ouverte puis refermée.',
    'management_screen.use.expired_storage': 'Stockage dépassé',
    'management_screen.use.storage': 'Stockage',
    'management_screen.storage.owner': 'Stockage de {name}',
    'management_screen.storage.walk_up': 'Stockage sans compte (code)',
    'management_screen.storage.started': 'Commencé le {time}',
    'management_screen.storage.ends': 'Fin\u00a0: {time}',
    'management_screen.storage.ended': 'Terminé le {time}, non vidé',
    'management_screen.storage.no_end': 'Sans limite de durée',
    'management_screen.storage.heading': 'Stockage personnel',
    'management_screen.parcel.return': 'Retour de {name}',
    'management_screen.parcel.exchange': 'Échange pour {name}',
    'management_screen.empty_storage': 'Vider ce casier',
    'management_screen.empty_storage.running': 'Mettre fin à ce stockage et le vider',
    'management_screen.empty_storage.question': 'Pourquoi videz-vous le casier {label}\u00a0?',
    'management_screen.empty_storage.question_running':
      'Le stockage du casier {label} n’a pas pris fin\u00a0: le vider y met fin maintenant, et son code cesse de fonctionner. Pourquoi le videz-vous\u00a0?',
    'management_screen.empty_storage.reason': 'Motif',
    'management_screen.empty_storage.reason_hint':
      'Le motif est conservé dans le journal avec votre nom (de {min} à {max}\u00a0caractères), par exemple «\u00a0durée dépassée\u00a0» ou «\u00a0code perdu par son propriétaire\u00a0».',
    'management_screen.empty_storage.confirm': 'Ouvrir et vider',
    'management_screen.emptying': 'Ouverture de la porte…',
    'management_screen.empty_outcome.open':
      'La porte du casier {label} est ouverte. Retirez les affaires, gardez-les pour leur propriétaire, puis refermez la porte.',
    'management_screen.empty_outcome.not_seen_open':
      'La porte du casier {label} n’a pas été vue ouverte. Vérifiez la porte\u00a0: le stockage ne compte comme vidé qu’une fois la porte ouverte puis refermée.',
  },
});
