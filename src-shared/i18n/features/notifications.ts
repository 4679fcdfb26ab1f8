import { defineMessages } from '../define-messages.js';

/**
 * The "ready for pickup" email (A10, X4), composed at the kiosk in the recipient's language.
 * French spacing is written as escapes so it survives editors: \u00a0 (no-break space) before a
 * colon and inside « », so a line never breaks between them and their words.
 */
export const notificationsMessages = defineMessages({
  en: {
    'notifications.ready.subject': 'Your parcel is ready for pickup: {bank}',
    'notifications.ready.greeting': 'Hello {name},',
    'notifications.ready.intro': 'A parcel for you is waiting in the locker bank “{bank}”.',
    'notifications.ready.intro_department':
      'A parcel for {department} is waiting in the locker bank “{bank}”. As a contact of the department, you can pick it up.',
    /** One "label: value" line; French puts a no-break space before the colon. */
    'notifications.ready.field': '{label}: {value}',
    'notifications.ready.code': 'Pickup code',
    'notifications.ready.compartment': 'Compartment',
    'notifications.ready.door_height': 'Door height',
    'notifications.ready.door_height_value': 'between {bottom} and {top} cm above the floor',
    'notifications.ready.tracking_number': 'Tracking number',
    'notifications.ready.department': 'Department',
    'notifications.ready.valid_until': 'Code valid until',
    'notifications.ready.how_code': 'At the kiosk, type this code to open the compartment.',
    'notifications.ready.how_qr': 'You can also hold this QR code up to the kiosk’s scanner:',
    'notifications.ready.qr_alt': 'QR code to pick up your parcel',
    'notifications.ready.keep_private':
      'Keep this code to yourself: anyone who has it can open the compartment.',
    'notifications.ready.late':
      'If you cannot come before the code expires, please contact the mailroom.',
    'notifications.ready.footer':
      'This message was sent automatically by the locker bank “{bank}”. Please do not reply.',
  },
  fr: {
    'notifications.ready.subject': 'Votre colis est prêt à être retiré\u00a0: {bank}',
    'notifications.ready.greeting': 'Bonjour {name},',
    'notifications.ready.intro': 'Un colis vous attend dans la consigne «\u00a0{bank}\u00a0».',
    'notifications.ready.intro_department':
      'Un colis pour {department} attend dans la consigne «\u00a0{bank}\u00a0». En tant que contact de ce service, vous pouvez le retirer.',
    'notifications.ready.field': '{label}\u00a0: {value}',
    'notifications.ready.code': 'Code de retrait',
    'notifications.ready.compartment': 'Casier',
    'notifications.ready.door_height': 'Hauteur de la porte',
    'notifications.ready.door_height_value': 'entre {bottom} et {top}\u00a0cm du sol',
    'notifications.ready.tracking_number': 'Numéro de suivi',
    'notifications.ready.department': 'Service',
    'notifications.ready.valid_until': 'Fin de validité du code',
    'notifications.ready.how_code': 'Sur la borne, saisissez ce code pour ouvrir le casier.',
    'notifications.ready.how_qr':
      'Vous pouvez aussi présenter ce code QR au lecteur de la borne\u00a0:',
    'notifications.ready.qr_alt': 'Code QR pour retirer votre colis',
    'notifications.ready.keep_private':
      'Gardez ce code pour vous\u00a0: toute personne qui le connaît peut ouvrir le casier.',
    'notifications.ready.late':
      'Si vous ne pouvez pas venir avant l’expiration du code, veuillez contacter le service courrier.',
    'notifications.ready.footer':
      'Ce message a été envoyé automatiquement par la consigne «\u00a0{bank}\u00a0». Merci de ne pas y répondre.',
  },
});
