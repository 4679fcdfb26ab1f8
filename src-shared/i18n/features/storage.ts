import { defineMessages } from '../define-messages.js';

/**
 * Personal storage in the core (F1–F5, C6, G3): the refusals a person reads at the kiosk (each
 * raised as 'storage_refused' with one of these sentences), the nouns `not_found` names, and the
 * booking notice (F2). Dates come already written in the reader's language ({time}). French
 * spacing is written as escapes so it survives editors (\u00a0 before a colon and inside « »).
 */
export const storageMessages = defineMessages({
  en: {
    'noun.storage_visit': 'storage in progress (it may have ended: start again with your code)',
    'noun.storage_booking': 'storage booking',

    'storage.refused.fixed_hours': 'Storage here always lasts {hours} h.',
    'storage.refused.too_long': 'Choose between 1 and {maxHours} hours.',
    'storage.refused.hours_required':
      'Choose how long to store your things: 1 to {maxHours} hours.',
    'storage.refused.no_end_time': 'Storage here has no end time: do not choose a duration.',
    'storage.refused.unknown_badge':
      'This badge belongs to nobody in the directory. Start without it to receive a code.',
    'storage.refused.not_yet': 'This booking can be used from {time}.',
    'storage.refused.lapsed':
      'This booking lapsed on {time}: it was not used in time. Please book again.',
    'storage.refused.no_extension': 'This locker bank does not allow extending storage.',
    'storage.refused.extend_up_to': 'You can extend up to {time}.',
    'storage.refused.expired':
      'This storage ended on {time}: you can only end it now and take your things.',
    'storage.refused.door_open': 'Close the door first.',
    'storage.refused.not_now': 'This cannot be done at this step.',
    'storage.refused.in_use':
      'This storage is already open on the kiosk. Finish there first, or wait a minute.',
    'storage.refused.ended': 'This storage has ended: the compartment is no longer yours.',
    'storage.refused.door_failed': 'Compartment {label} did not open. Please call the mailroom.',
    'storage.refused.unknown_contact': 'Nobody active in the directory has this id.',
    'storage.refused.starts_in_past': 'A booking cannot start in the past.',
    'storage.refused.external_id_used':
      'The booking id {externalId} is already used for another booking.',
    'storage.refused.preferred_compartment':
      'Compartment {compartmentId} is not a compartment of size {size} in this locker bank.',
    'storage.refused.not_cancellable':
      'This booking is already in use or over: it can no longer be withdrawn.',
    'storage.refused.nothing_to_empty': 'Compartment {label} holds no storage.',

    'notifications.storage_booked.subject': 'Your storage booking: {bank}',
    'notifications.storage_booked.greeting': 'Hello {name},',
    'notifications.storage_booked.intro':
      'A compartment is booked for you to store your things in the locker bank “{bank}”.',
    'notifications.storage_booked.code': 'Storage code',
    'notifications.storage_booked.size': 'Compartment size',
    'notifications.storage_booked.from': 'Arrive from',
    'notifications.storage_booked.until': 'Arrive by',
    'notifications.storage_booked.stay': 'Length of stay',
    'notifications.storage_booked.stay_hours': '{hours} h from your arrival',
    'notifications.storage_booked.stay_open': 'no end time: until you end it',
    'notifications.storage_booked.how':
      'At the kiosk, choose personal storage and type this code: a compartment of this size opens for you. The same code opens it again until you end the storage.',
    'notifications.storage_booked.keep_private':
      'Keep this code to yourself: anyone who has it can open the compartment.',
    'notifications.storage_booked.late':
      'If you do not arrive in time, the booking lapses and the code stops working.',
    'notifications.storage_booked.footer':
      'This message was sent automatically by the locker bank “{bank}”. Please do not reply.',
  },
  fr: {
    'noun.storage_visit':
      'stockage en cours (il a peut-être pris fin\u00a0: recommencez avec votre code)',
    'noun.storage_booking': 'réservation de stockage',

    'storage.refused.fixed_hours': 'Ici, un stockage dure toujours {hours}\u00a0h.',
    'storage.refused.too_long': 'Choisissez entre 1 et {maxHours}\u00a0heures.',
    'storage.refused.hours_required':
      'Choisissez la durée du stockage\u00a0: de 1 à {maxHours}\u00a0heures.',
    'storage.refused.no_end_time':
      'Ici, le stockage n’a pas de fin\u00a0: ne choisissez pas de durée.',
    'storage.refused.unknown_badge':
      'Ce badge n’appartient à personne dans l’annuaire. Commencez sans badge pour recevoir un code.',
    'storage.refused.not_yet': 'Cette réservation peut être utilisée à partir du {time}.',
    'storage.refused.lapsed':
      'Cette réservation a expiré le {time}, faute d’avoir été utilisée à temps. Veuillez réserver à nouveau.',
    'storage.refused.no_extension': 'Cette consigne ne permet pas de prolonger un stockage.',
    'storage.refused.extend_up_to': 'Vous pouvez prolonger jusqu’au {time}.',
    'storage.refused.expired':
      'Ce stockage a pris fin le {time}\u00a0: vous pouvez seulement y mettre fin et reprendre vos affaires.',
    'storage.refused.door_open': 'Fermez d’abord la porte.',
    'storage.refused.not_now': 'Cette action n’est pas possible à cette étape.',
    'storage.refused.in_use':
      'Ce stockage est déjà ouvert sur la borne. Terminez d’abord là-bas, ou patientez une minute.',
    'storage.refused.ended': 'Ce stockage est terminé : le casier n’est plus à vous.',
    'storage.refused.door_failed':
      'Le casier {label} ne s’est pas ouvert. Veuillez appeler le service courrier.',
    'storage.refused.unknown_contact': 'Aucune personne active de l’annuaire n’a cet identifiant.',
    'storage.refused.starts_in_past': 'Une réservation ne peut pas commencer dans le passé.',
    'storage.refused.external_id_used':
      'L’identifiant de réservation {externalId} est déjà utilisé pour une autre réservation.',
    'storage.refused.preferred_compartment':
      'Le casier {compartmentId} n’est pas un casier de taille {size} de cette consigne.',
    'storage.refused.not_cancellable':
      'Cette réservation est déjà utilisée ou terminée\u00a0: elle ne peut plus être annulée.',
    'storage.refused.nothing_to_empty': 'Le casier {label} ne contient aucun stockage.',

    'notifications.storage_booked.subject': 'Votre réservation de stockage\u00a0: {bank}',
    'notifications.storage_booked.greeting': 'Bonjour {name},',
    'notifications.storage_booked.intro':
      'Un casier vous est réservé pour y ranger vos affaires dans la consigne «\u00a0{bank}\u00a0».',
    'notifications.storage_booked.code': 'Code de stockage',
    'notifications.storage_booked.size': 'Taille du casier',
    'notifications.storage_booked.from': 'Arrivée possible dès',
    'notifications.storage_booked.until': 'Arrivée au plus tard le',
    'notifications.storage_booked.stay': 'Durée du stockage',
    'notifications.storage_booked.stay_hours': '{hours}\u00a0h à partir de votre arrivée',
    'notifications.storage_booked.stay_open':
      'sans limite\u00a0: jusqu’à ce que vous y mettiez fin',
    'notifications.storage_booked.how':
      'Sur la borne, choisissez le stockage personnel et saisissez ce code\u00a0: un casier de cette taille s’ouvre pour vous. Le même code le rouvre jusqu’à la fin du stockage.',
    'notifications.storage_booked.keep_private':
      'Gardez ce code pour vous\u00a0: toute personne qui le connaît peut ouvrir le casier.',
    'notifications.storage_booked.late':
      'Si vous n’arrivez pas à temps, la réservation expire et le code ne fonctionne plus.',
    'notifications.storage_booked.footer':
      'Ce message a été envoyé automatiquement par la consigne «\u00a0{bank}\u00a0». Merci de ne pas y répondre.',
  },
});
