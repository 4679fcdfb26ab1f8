import { defineMessages } from '../../../src-shared/i18n/define-messages.js';

/**
 * The reminder sent before a parcel's code expires. It cannot repeat the code: once the first
 * notice is sent, the cloud keeps no clear copy (docs/decisions/0009). French spacing uses
 * \u00a0 (no-break space) before a colon and inside « ».
 */
export const reminderMessages = defineMessages({
  en: {
    subject: 'Reminder: your parcel is waiting at “{bank}”',
    greeting: 'Hello {name},',
    waiting: 'A parcel for you is still waiting in the locker bank “{bank}”.',
    until: 'You can pick it up until {until}.',
    code: 'Use the pickup code from the earlier message “Your parcel is ready for pickup”. For your safety, this reminder does not repeat it.',
    late: 'If you cannot come before then, please contact the mailroom.',
    footer:
      'This message was sent automatically for the locker bank “{bank}”. Please do not reply.',
  },
  fr: {
    subject: 'Rappel\u00a0: votre colis vous attend à la consigne «\u00a0{bank}\u00a0»',
    greeting: 'Bonjour {name},',
    waiting: 'Un colis vous attend toujours dans la consigne «\u00a0{bank}\u00a0».',
    until: 'Vous pouvez le retirer jusqu’au {until}.',
    code: 'Utilisez le code de retrait du message précédent «\u00a0Votre colis est prêt à être retiré\u00a0». Pour votre sécurité, ce rappel ne le répète pas.',
    late: 'Si vous ne pouvez pas venir d’ici là, veuillez contacter le service courrier.',
    footer:
      'Ce message a été envoyé automatiquement pour la consigne «\u00a0{bank}\u00a0». Merci de ne pas y répondre.',
  },
});

export type ReminderMessageKey = keyof typeof reminderMessages.en;
