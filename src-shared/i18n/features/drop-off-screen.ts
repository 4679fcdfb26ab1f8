import { defineMessages } from '../define-messages.js';

/** The drop-off screens (D1–D10, X5): label, recipient, compartment, open door. */
export const dropOffScreenMessages = defineMessages({
  en: {
    'drop_off_screen.heading': 'Drop off parcels',
    'drop_off_screen.exit': 'Leave drop-off',
    'drop_off_screen.loading': 'Loading the drop-off settings…',
    'drop_off_screen.retry': 'Try again',
    'drop_off_screen.steps': 'Drop-off steps',
    'drop_off_screen.step.label': 'Label',
    'drop_off_screen.step.recipient': 'Recipient',
    'drop_off_screen.step.placement': 'Compartment',
    'drop_off_screen.step.deposit': 'Door',
    'drop_off_screen.start_over': 'Start this parcel again',
    'drop_off_screen.reservations.heading': 'Reserved for you',
    'drop_off_screen.reservations.until': 'Until {time}',
    'drop_off_screen.reservations.designated': 'To be delivered by {name}',
    'drop_off_screen.reservations.tracking': 'Tracking number {number}',
    'drop_off_screen.label.heading': "Scan the parcel's label",
    'drop_off_screen.label.help':
      'Hold the label under the kiosk scanner, or scan it with your handheld scanner.',
    'drop_off_screen.label.reservation_chosen':
      'Reservation for {name} chosen: now scan the label of this parcel.',
    'drop_off_screen.label.type': 'Type the tracking number',
    'drop_off_screen.label.input': 'Tracking number',
    'drop_off_screen.label.submit': 'Use this tracking number',
    'drop_off_screen.label.back_to_scan': 'Back to scanning',
    'drop_off_screen.label.none': 'No label',
    'drop_off_screen.label.identifying': 'Reading the label…',
    'drop_off_screen.summary.for': 'For {name}',
    'drop_off_screen.summary.tracking': 'Tracking number {number}',
    'drop_off_screen.summary.no_label': 'No label',
    'drop_off_screen.recipient.heading': 'Who is the parcel for?',
    'drop_off_screen.recipient.search': 'Name, email, Personnel ID or department',
    'drop_off_screen.recipient.searching': 'Searching…',
    'drop_off_screen.recipient.type_to_search':
      'Type a name, an email, a Personnel ID or a department.',
    'drop_off_screen.recipient.no_results':
      'Nobody matches “{query}”. Check the spelling, or search by email or Personnel ID.',
    'drop_off_screen.recipient.results': 'People and departments',
    'drop_off_screen.recipient.personnel_id': 'Personnel ID {id}',
    'drop_off_screen.recipient.department_badge': 'Department',
    'drop_off_screen.recipient.key_contact': 'Key contact: {name}',
    'drop_off_screen.recipient.accessible': 'Needs an accessible door',
    'drop_off_screen.recipient.change': 'Change recipient',
    'drop_off_screen.placement.heading': 'Compartment for {name}',
    'drop_off_screen.placement.proposing': 'Finding a compartment…',
    'drop_off_screen.placement.why': 'Why this compartment',
    'drop_off_screen.placement.refusal_why': 'Why',
    'drop_off_screen.placement.size_required':
      'This bank asks you for the parcel size: choose the smallest size it fits in.',
    'drop_off_screen.placement.size_optional': 'Or choose the size yourself:',
    'drop_off_screen.placement.use_engine': 'Let the kiosk choose',
    'drop_off_screen.placement.hand_choice': 'Choose a compartment by hand',
    'drop_off_screen.placement.hand_choice_heading': 'Free compartments',
    'drop_off_screen.placement.hand_choice_loading': 'Loading the free compartments…',
    'drop_off_screen.placement.hand_choice_none': 'No compartment is free right now.',
    'drop_off_screen.placement.hand_choice_hide': 'Hide the list',
    'drop_off_screen.placement.place': '{size}, {height}',
    'drop_off_screen.open': 'Open compartment {label}',
    'drop_off_screen.opening': 'Opening compartment {label}…',
    'drop_off_screen.skipped': 'Compartment {label} did not open: use compartment {next} instead.',
    'drop_off_screen.door.instruction':
      'Put the parcel in compartment {label} ({size}, {height}) and close the door.',
    'drop_off_screen.door.bigger': 'Needs a bigger door',
    'drop_off_screen.door.bigger_busy': 'Opening a bigger door…',
    'drop_off_screen.door.left_empty':
      'You can close compartment {previous} empty: use {label} instead.',
    'drop_off_screen.door.waiting': 'The kiosk records the parcel as soon as the door is closed.',
    'drop_off_screen.cancel': 'Cancel',
    'drop_off_screen.cancelling': 'Cancelling…',
    'drop_off_screen.check_empty.heading': 'The door closed but the compartment looks empty',
    'drop_off_screen.check_empty.help':
      'If the parcel is not in compartment {label}, open it again and put it in. If you took it back, cancel.',
    'drop_off_screen.check_empty.reopen': 'Open again',
    'drop_off_screen.check_empty.reopening': 'Opening compartment {label} again…',
    'drop_off_screen.completed.heading':
      'The parcel for {name} is in {label}. Their pickup code has been sent.',
    'drop_off_screen.completed.next': 'Next parcel',
    'drop_off_screen.completed.same_recipient': 'Another parcel for {name}',
    'drop_off_screen.completed.scan_next': 'Scan the next label to carry on.',
    'drop_off_screen.cancelled.heading': 'Cancelled: nothing was deposited in {label}.',
    'drop_off_screen.cancelled.help':
      'If the parcel is still inside, take it back, then close the door.',
    'drop_off_screen.cancelled.retry': 'Try this parcel again',
    'drop_off_screen.done': 'Done',
    'drop_off_screen.hint.load': 'Tap “Try again”. If it keeps failing, call the mailroom.',
    'drop_off_screen.hint.reservations':
      'You can still drop parcels off: scan the label of the next one.',
    'drop_off_screen.hint.identify': 'Scan the label again, or type the tracking number.',
    'drop_off_screen.hint.scan_not_label':
      "That scan is not a parcel label. Scan the parcel's label, or type the tracking number.",
    'drop_off_screen.hint.search':
      'Type the name again in a moment, or search by email or Personnel ID.',
    'drop_off_screen.hint.propose': 'Choose another size or compartment, or try again in a moment.',
    'drop_off_screen.hint.refusal':
      'Choose another size or compartment, or keep the parcel in the mailroom for now.',
    'drop_off_screen.hint.hand_choice': 'Use the proposed compartment, or try again in a moment.',
    'drop_off_screen.hint.start':
      'Check that no door stands open, then open the compartment shown now or choose another one.',
    'drop_off_screen.hint.bigger_door':
      'If the parcel fits after all, put it in and close the door. Otherwise take it back out and tap “Cancel”.',
    'drop_off_screen.hint.reopen':
      'Try again. If the door still does not open, tap “Cancel” and try this parcel again.',
    'drop_off_screen.hint.cancel':
      'Close the door and try again. If it keeps failing, call the mailroom.',
  },
  fr: {
    'drop_off_screen.heading': 'Déposer des colis',
    'drop_off_screen.exit': 'Quitter le dépôt',
    'drop_off_screen.loading': 'Chargement des réglages de dépôt…',
    'drop_off_screen.retry': 'Réessayer',
    'drop_off_screen.steps': 'Étapes du dépôt',
    'drop_off_screen.step.label': 'Étiquette',
    'drop_off_screen.step.recipient': 'Destinataire',
    'drop_off_screen.step.placement': 'Casier',
    'drop_off_screen.step.deposit': 'Porte',
    'drop_off_screen.start_over': 'Recommencer ce colis',
    'drop_off_screen.reservations.heading': 'Réservé pour vous',
    'drop_off_screen.reservations.until': 'Jusqu’à {time}',
    'drop_off_screen.reservations.designated': 'À déposer par {name}',
    'drop_off_screen.reservations.tracking': 'Numéro de suivi {number}',
    'drop_off_screen.label.heading': 'Scannez l’étiquette du colis',
    'drop_off_screen.label.help':
      'Présentez l’étiquette sous le lecteur de la consigne, ou scannez-la avec votre lecteur portable.',
    'drop_off_screen.label.reservation_chosen':
      'Réservation pour {name} choisie : scannez maintenant l’étiquette de ce colis.',
    'drop_off_screen.label.type': 'Saisir le numéro de suivi',
    'drop_off_screen.label.input': 'Numéro de suivi',
    'drop_off_screen.label.submit': 'Utiliser ce numéro de suivi',
    'drop_off_screen.label.back_to_scan': 'Revenir au scan',
    'drop_off_screen.label.none': 'Pas d’étiquette',
    'drop_off_screen.label.identifying': 'Lecture de l’étiquette…',
    'drop_off_screen.summary.for': 'Pour {name}',
    'drop_off_screen.summary.tracking': 'Numéro de suivi {number}',
    'drop_off_screen.summary.no_label': 'Sans étiquette',
    'drop_off_screen.recipient.heading': 'À qui est destiné ce colis ?',
    'drop_off_screen.recipient.search': 'Nom, e-mail, matricule ou service',
    'drop_off_screen.recipient.searching': 'Recherche…',
    'drop_off_screen.recipient.type_to_search':
      'Saisissez un nom, un e-mail, un matricule ou un service.',
    'drop_off_screen.recipient.no_results':
      'Personne ne correspond à « {query} ». Vérifiez l’orthographe, ou cherchez par e-mail ou par matricule.',
    'drop_off_screen.recipient.results': 'Personnes et services',
    'drop_off_screen.recipient.personnel_id': 'Matricule {id}',
    'drop_off_screen.recipient.department_badge': 'Service',
    'drop_off_screen.recipient.key_contact': 'Contact référent : {name}',
    'drop_off_screen.recipient.accessible': 'Porte accessible nécessaire',
    'drop_off_screen.recipient.change': 'Changer de destinataire',
    'drop_off_screen.placement.heading': 'Casier pour {name}',
    'drop_off_screen.placement.proposing': 'Recherche d’un casier…',
    'drop_off_screen.placement.why': 'Pourquoi ce casier',
    'drop_off_screen.placement.refusal_why': 'Pourquoi',
    'drop_off_screen.placement.size_required':
      'Cette consigne vous demande la taille du colis : choisissez la plus petite taille dans laquelle il entre.',
    'drop_off_screen.placement.size_optional': 'Ou choisissez vous-même la taille :',
    'drop_off_screen.placement.use_engine': 'Laisser la consigne choisir',
    'drop_off_screen.placement.hand_choice': 'Choisir un casier moi-même',
    'drop_off_screen.placement.hand_choice_heading': 'Casiers libres',
    'drop_off_screen.placement.hand_choice_loading': 'Chargement des casiers libres…',
    'drop_off_screen.placement.hand_choice_none': 'Aucun casier n’est libre pour le moment.',
    'drop_off_screen.placement.hand_choice_hide': 'Masquer la liste',
    'drop_off_screen.placement.place': '{size}, {height}',
    'drop_off_screen.open': 'Ouvrir le casier {label}',
    'drop_off_screen.opening': 'Ouverture du casier {label}…',
    'drop_off_screen.skipped':
      'Le casier {label} ne s’est pas ouvert : utilisez le casier {next} à la place.',
    'drop_off_screen.door.instruction':
      'Mettez le colis dans le casier {label} ({size}, {height}) et fermez la porte.',
    'drop_off_screen.door.bigger': 'Il faut une porte plus grande',
    'drop_off_screen.door.bigger_busy': 'Ouverture d’une porte plus grande…',
    'drop_off_screen.door.left_empty':
      'Vous pouvez refermer le casier {previous} vide : utilisez {label} à la place.',
    'drop_off_screen.door.waiting': 'La consigne enregistre le colis dès que la porte est fermée.',
    'drop_off_screen.cancel': 'Annuler',
    'drop_off_screen.cancelling': 'Annulation…',
    'drop_off_screen.check_empty.heading': 'La porte s’est fermée, mais le casier semble vide',
    'drop_off_screen.check_empty.help':
      'Si le colis n’est pas dans le casier {label}, ouvrez-le de nouveau et mettez-le dedans. Si vous l’avez repris, annulez.',
    'drop_off_screen.check_empty.reopen': 'Ouvrir de nouveau',
    'drop_off_screen.check_empty.reopening': 'Nouvelle ouverture du casier {label}…',
    'drop_off_screen.completed.heading':
      'Le colis pour {name} est dans le casier {label}. Son code de retrait a été envoyé.',
    'drop_off_screen.completed.next': 'Colis suivant',
    'drop_off_screen.completed.same_recipient': 'Autre colis pour {name}',
    'drop_off_screen.completed.scan_next': 'Scannez l’étiquette suivante pour continuer.',
    'drop_off_screen.cancelled.heading': 'Annulé : rien n’a été déposé dans le casier {label}.',
    'drop_off_screen.cancelled.help':
      'Si le colis est encore à l’intérieur, reprenez-le, puis fermez la porte.',
    'drop_off_screen.cancelled.retry': 'Recommencer ce colis',
    'drop_off_screen.done': 'Terminé',
    'drop_off_screen.hint.load':
      'Touchez « Réessayer ». Si l’erreur persiste, appelez le service courrier.',
    'drop_off_screen.hint.reservations':
      'Vous pouvez quand même déposer des colis : scannez l’étiquette du suivant.',
    'drop_off_screen.hint.identify':
      'Scannez de nouveau l’étiquette, ou saisissez le numéro de suivi.',
    'drop_off_screen.hint.scan_not_label':
      'Ce code n’est pas une étiquette de colis. Scannez l’étiquette du colis, ou saisissez le numéro de suivi.',
    'drop_off_screen.hint.search':
      'Saisissez de nouveau le nom dans un instant, ou cherchez par e-mail ou par matricule.',
    'drop_off_screen.hint.propose':
      'Choisissez une autre taille ou un autre casier, ou réessayez dans un instant.',
    'drop_off_screen.hint.refusal':
      'Choisissez une autre taille ou un autre casier, ou gardez le colis au service courrier pour le moment.',
    'drop_off_screen.hint.hand_choice': 'Utilisez le casier proposé, ou réessayez dans un instant.',
    'drop_off_screen.hint.start':
      'Vérifiez qu’aucune porte n’est restée ouverte, puis ouvrez le casier affiché maintenant ou choisissez-en un autre.',
    'drop_off_screen.hint.bigger_door':
      'Si le colis entre finalement, mettez-le dedans et fermez la porte. Sinon, reprenez-le et touchez « Annuler ».',
    'drop_off_screen.hint.reopen':
      'Réessayez. Si la porte ne s’ouvre toujours pas, touchez « Annuler » et recommencez ce colis.',
    'drop_off_screen.hint.cancel':
      'Fermez la porte et réessayez. Si l’erreur persiste, appelez le service courrier.',
  },
});
