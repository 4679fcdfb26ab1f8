import { defineMessages } from '../../src-shared/i18n/define-messages.js';
import type { Locale } from '../../src-shared/i18n/locales.js';

/** The local mail catcher's pages (a development and demo aid, served by the cloud at /mail). */
export const mailPageMessages = defineMessages({
  en: {
    title: 'Caught emails',
    intro:
      'Emails the cloud sent in this demo, caught by the local mail catcher instead of being delivered. Newest first.',
    empty: 'No email yet.',
    received: 'Received',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    envelope: 'Envelope',
    attachments: 'Attachments',
    none: 'none',
    open: 'Open',
    raw: 'Raw message (.eml)',
    json: 'All messages as JSON',
    back: 'Back to the list',
    html_part: 'HTML part',
    text_part: 'Text part',
    no_html: 'This message has no HTML part.',
    not_found: 'There is no caught email with this id. The catcher keeps the latest ones only.',
    frame_title: 'The message as a mail client shows it',
  },
  fr: {
    title: 'E-mails interceptés',
    intro:
      'Les e-mails envoyés par le cloud pendant cette démonstration, interceptés par le collecteur local au lieu d’être distribués. Les plus récents d’abord.',
    empty: 'Aucun e-mail pour l’instant.',
    received: 'Reçu',
    from: 'De',
    to: 'À',
    subject: 'Objet',
    envelope: 'Enveloppe',
    attachments: 'Pièces jointes',
    none: 'aucune',
    open: 'Ouvrir',
    raw: 'Message brut (.eml)',
    json: 'Tous les messages en JSON',
    back: 'Retour à la liste',
    html_part: 'Partie HTML',
    text_part: 'Partie texte',
    no_html: 'Ce message n’a pas de partie HTML.',
    not_found:
      'Aucun e-mail intercepté ne porte cet identifiant. Le collecteur ne garde que les plus récents.',
    frame_title: 'Le message tel qu’un logiciel de messagerie l’affiche',
  },
});

export type MailPageText = Record<keyof (typeof mailPageMessages)['en'], string>;

export function mailPageText(language: Locale): MailPageText {
  return mailPageMessages[language];
}
