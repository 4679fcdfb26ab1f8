import { defineMessages } from '../define-messages.js';

/**
 * The bank's drop-off, pickup and storage settings screen (C2, C3, C5, C6, C7, C8): one label and one short
 * explanation per setting, the words of its choices, and what is wrong with a value.
 */
export const settingsScreenMessages = defineMessages({
  en: {
    'settings_screen.heading': 'Locker settings',
    'settings_screen.intro': 'These settings apply to this locker bank as soon as you save them.',
    'settings_screen.loading': 'Loading the settings…',
    'settings_screen.save': 'Save the settings',
    'settings_screen.saving': 'Saving…',
    'settings_screen.saved': 'Settings saved. They apply from now on.',
    'settings_screen.unchanged': 'No changes to save.',
    'settings_screen.changes': '{count} unsaved changes',
    'settings_screen.change': '1 unsaved change',
    'settings_screen.changed': 'Changed',
    'settings_screen.fix_first': 'Correct the settings marked below before saving.',
    'settings_screen.undo': 'Undo the changes',
    'settings_screen.exit': 'Close the settings',
    'settings_screen.discard_question': 'Close without saving your changes?',
    'settings_screen.discard': 'Close without saving',
    'settings_screen.keep_editing': 'Keep editing',
    'settings_screen.retry': 'Try again',
    'settings_screen.on': 'On',
    'settings_screen.off': 'Off',
    'settings_screen.unit.hours': 'hours',
    'settings_screen.unit.minutes': 'minutes',
    'settings_screen.unit.seconds': 'seconds',
    'settings_screen.unit.compartments': 'compartments',
    'settings_screen.range': 'From {min} to {max}',
    'settings_screen.decrease': 'Decrease by {step}',
    'settings_screen.increase': 'Increase by {step}',

    'settings_screen.section.drop_off': 'Drop-off',
    'settings_screen.section.pickup_methods': 'Ways of picking up',
    'settings_screen.section.pickup': 'Pickup',
    'settings_screen.section.screens': 'Screens',
    'settings_screen.section.staff': 'Staff sign-in',
    'settings_screen.section.storage': 'Personal storage',
    'settings_screen.section.kept_for_deliveries': 'Kept for deliveries',

    'settings_screen.label_scan.label': 'Parcel label',
    'settings_screen.label_scan.help':
      'Whether a drop-off needs a scanned label or a typed tracking number.',
    'settings_screen.label_scan.required': 'Required',
    'settings_screen.label_scan.optional': 'Optional',
    'settings_screen.size_choice.label': 'Compartment size',
    'settings_screen.size_choice.help':
      'Who picks the size: the locker takes the smallest that fits, or the operator chooses.',
    'settings_screen.size_choice.engine': 'Locker chooses',
    'settings_screen.size_choice.operator': 'Operator chooses',
    'settings_screen.hand_choice.label': 'Choose a compartment by hand',
    'settings_screen.hand_choice.help':
      'Lets an operator pick a particular compartment instead of the locker’s choice.',
    'settings_screen.one_parcel.label': 'One parcel per compartment',
    'settings_screen.one_parcel.help':
      'When on, parcels for the same recipient are never put together in one compartment.',
    'settings_screen.pickup_code.label': 'Pickup code',
    'settings_screen.pickup_code.help': 'Recipients type the code they received.',
    'settings_screen.pickup_qr.label': 'QR code',
    'settings_screen.pickup_qr.help': 'Recipients show the QR code they received.',
    'settings_screen.pickup_badge.label': 'Badge',
    'settings_screen.pickup_badge.help': 'Recipients scan their badge.',
    'settings_screen.open_mode.label': 'Several parcels',
    'settings_screen.open_mode.help':
      'A recipient with several parcels opens their doors one at a time, or all at once.',
    'settings_screen.open_mode.one_at_a_time': 'One door at a time',
    'settings_screen.open_mode.all_at_once': 'All doors at once',
    'settings_screen.pickup_window.label': 'Pickup window',
    'settings_screen.pickup_window.help':
      'How long a pickup code keeps working after the parcel is dropped off.',
    'settings_screen.reopen_grace.label': 'Open again',
    'settings_screen.reopen_grace.help':
      'After closing a door, a recipient may open it again for this long.',
    'settings_screen.return_home.label': 'Back to the start when done',
    'settings_screen.return_home.help':
      'A finished screen goes back to the start screen after this long.',
    'settings_screen.inactivity.label': 'Back to the start when left alone',
    'settings_screen.inactivity.help':
      'A recipient’s screen nobody touches goes back to the start screen after this long.',
    'settings_screen.contactless_sign_in.label': 'Badge sign-in',
    'settings_screen.contactless_sign_in.help': 'Operators may sign in by scanning their badge.',
    'settings_screen.operator_idle.label': 'Sign out when idle',
    'settings_screen.operator_idle.help':
      'An operator or carrier who touches nothing for this long is signed out.',
    'settings_screen.operator_session.label': 'Longest session',
    'settings_screen.operator_session.help':
      'An operator or carrier is signed out after this long, whatever they are doing.',
    'settings_screen.storage_duration.label': 'Storage time',
    'settings_screen.storage_duration.help':
      'How long people may leave their own items in a compartment.',
    'settings_screen.storage_duration.fixed': 'Fixed time',
    'settings_screen.storage_duration.flexible': 'Chosen by the person',
    'settings_screen.storage_duration.open_ended': 'No end time',
    'settings_screen.storage_hours.label': 'Time for each storage',
    'settings_screen.storage_hours.help':
      'Every storage lasts this long; after that it is overdue and staff may empty the compartment.',
    'settings_screen.storage_max_hours.label': 'Longest time to choose',
    'settings_screen.storage_max_hours.help':
      'People choose how long to store their items, up to this.',
    'settings_screen.storage_extension.label': 'Extending storage',
    'settings_screen.storage_extension.help':
      'People may sign in and add time before their storage ends.',
    'settings_screen.storage_extension_max.label': 'Longest storage with extensions',
    'settings_screen.storage_extension_max.help':
      'No storage lasts longer than this in all, extensions included. Used only when extending is on.',
    'settings_screen.kept_small.label': 'Small compartments',
    'settings_screen.kept_small.help':
      'Storage never takes the last small compartments: this many stay free for parcels.',
    'settings_screen.kept_medium.label': 'Medium compartments',
    'settings_screen.kept_medium.help':
      'Storage never takes the last medium compartments: this many stay free for parcels.',
    'settings_screen.kept_large.label': 'Large compartments',
    'settings_screen.kept_large.help':
      'Storage never takes the last large compartments: this many stay free for parcels.',

    'settings_screen.issue.at_least_one_pickup_method':
      'Keep at least one way of picking up turned on.',
    'settings_screen.issue.extension_without_end_time':
      'Storage with no end time cannot be extended: turn extending off, or choose a fixed or chosen time.',
    'settings_screen.issue.extension_shorter_than_stay':
      'With extensions, storage must last at least as long as without: {hours} hours or more.',
    'settings_screen.issue.too_small': 'The lowest value allowed is {min}.',
    'settings_screen.issue.too_big': 'The highest value allowed is {max}.',
    'settings_screen.issue.whole_number': 'Enter a whole number.',
    'settings_screen.issue.not_allowed': 'This value is not allowed.',
  },
  fr: {
    'settings_screen.heading': 'Réglages de la consigne',
    'settings_screen.intro':
      'Ces réglages s’appliquent à cette consigne dès que vous les enregistrez.',
    'settings_screen.loading': 'Chargement des réglages…',
    'settings_screen.save': 'Enregistrer les réglages',
    'settings_screen.saving': 'Enregistrement…',
    'settings_screen.saved': 'Réglages enregistrés. Ils s’appliquent dès maintenant.',
    'settings_screen.unchanged': 'Aucune modification à enregistrer.',
    'settings_screen.changes': '{count} modifications non enregistrées',
    'settings_screen.change': '1 modification non enregistrée',
    'settings_screen.changed': 'Modifié',
    'settings_screen.fix_first': 'Corrigez les réglages signalés ci-dessous avant d’enregistrer.',
    'settings_screen.undo': 'Annuler les modifications',
    'settings_screen.exit': 'Fermer les réglages',
    'settings_screen.discard_question': 'Fermer sans enregistrer vos modifications ?',
    'settings_screen.discard': 'Fermer sans enregistrer',
    'settings_screen.keep_editing': 'Continuer à modifier',
    'settings_screen.retry': 'Réessayer',
    'settings_screen.on': 'Activé',
    'settings_screen.off': 'Désactivé',
    'settings_screen.unit.hours': 'heures',
    'settings_screen.unit.minutes': 'minutes',
    'settings_screen.unit.seconds': 'secondes',
    'settings_screen.unit.compartments': 'casiers',
    'settings_screen.range': 'De {min} à {max}',
    'settings_screen.decrease': 'Diminuer de {step}',
    'settings_screen.increase': 'Augmenter de {step}',

    'settings_screen.section.drop_off': 'Dépôt',
    'settings_screen.section.pickup_methods': 'Moyens de retrait',
    'settings_screen.section.pickup': 'Retrait',
    'settings_screen.section.screens': 'Écrans',
    'settings_screen.section.staff': 'Connexion du personnel',
    'settings_screen.section.storage': 'Stockage personnel',
    'settings_screen.section.kept_for_deliveries': 'Réservés aux livraisons',

    'settings_screen.label_scan.label': 'Étiquette du colis',
    'settings_screen.label_scan.help':
      'Indique si un dépôt exige une étiquette scannée ou un numéro de suivi saisi.',
    'settings_screen.label_scan.required': 'Obligatoire',
    'settings_screen.label_scan.optional': 'Facultative',
    'settings_screen.size_choice.label': 'Taille du casier',
    'settings_screen.size_choice.help':
      'Qui choisit la taille : la consigne prend la plus petite qui convient, ou l’opérateur choisit.',
    'settings_screen.size_choice.engine': 'La consigne choisit',
    'settings_screen.size_choice.operator': 'L’opérateur choisit',
    'settings_screen.hand_choice.label': 'Choisir un casier à la main',
    'settings_screen.hand_choice.help':
      'Permet à un opérateur de choisir un casier précis plutôt que celui proposé par la consigne.',
    'settings_screen.one_parcel.label': 'Un colis par casier',
    'settings_screen.one_parcel.help':
      'Activé, les colis d’un même destinataire ne sont jamais regroupés dans un casier.',
    'settings_screen.pickup_code.label': 'Code de retrait',
    'settings_screen.pickup_code.help': 'Les destinataires saisissent le code reçu.',
    'settings_screen.pickup_qr.label': 'Code QR',
    'settings_screen.pickup_qr.help': 'Les destinataires présentent le code QR reçu.',
    'settings_screen.pickup_badge.label': 'Badge',
    'settings_screen.pickup_badge.help': 'Les destinataires scannent leur badge.',
    'settings_screen.open_mode.label': 'Plusieurs colis',
    'settings_screen.open_mode.help':
      'Un destinataire qui a plusieurs colis ouvre ses portes une à une, ou toutes à la fois.',
    'settings_screen.open_mode.one_at_a_time': 'Une porte à la fois',
    'settings_screen.open_mode.all_at_once': 'Toutes les portes à la fois',
    'settings_screen.pickup_window.label': 'Délai de retrait',
    'settings_screen.pickup_window.help':
      'Durée pendant laquelle un code de retrait reste valable après le dépôt du colis.',
    'settings_screen.reopen_grace.label': 'Réouverture',
    'settings_screen.reopen_grace.help':
      'Après avoir fermé une porte, le destinataire peut la rouvrir pendant cette durée.',
    'settings_screen.return_home.label': 'Retour à l’accueil en fin d’opération',
    'settings_screen.return_home.help':
      'Un écran terminé revient à l’écran d’accueil après cette durée.',
    'settings_screen.inactivity.label': 'Retour à l’accueil sans activité',
    'settings_screen.inactivity.help':
      'L’écran d’un destinataire que personne ne touche revient à l’accueil après cette durée.',
    'settings_screen.contactless_sign_in.label': 'Connexion par badge',
    'settings_screen.contactless_sign_in.help':
      'Les opérateurs peuvent se connecter en scannant leur badge.',
    'settings_screen.operator_idle.label': 'Déconnexion après inactivité',
    'settings_screen.operator_idle.help':
      'Un opérateur ou un transporteur qui ne touche à rien pendant cette durée est déconnecté.',
    'settings_screen.operator_session.label': 'Durée maximale de connexion',
    'settings_screen.operator_session.help':
      'Un opérateur ou un transporteur est déconnecté après cette durée, quoi qu’il fasse.',
    'settings_screen.storage_duration.label': 'Durée de stockage',
    'settings_screen.storage_duration.help':
      'Combien de temps chacun peut laisser ses propres affaires dans un casier.',
    'settings_screen.storage_duration.fixed': 'Durée fixe',
    'settings_screen.storage_duration.flexible': 'Choisie par la personne',
    'settings_screen.storage_duration.open_ended': 'Sans limite',
    'settings_screen.storage_hours.label': 'Durée de chaque stockage',
    'settings_screen.storage_hours.help':
      'Chaque stockage dure ce temps ; passé ce délai, il est dépassé et le personnel peut vider le casier.',
    'settings_screen.storage_max_hours.label': 'Durée maximale au choix',
    'settings_screen.storage_max_hours.help':
      'Chacun choisit combien de temps stocker ses affaires, jusqu’à cette limite.',
    'settings_screen.storage_extension.label': 'Prolongation du stockage',
    'settings_screen.storage_extension.help':
      'Chacun peut se connecter et ajouter du temps avant la fin de son stockage.',
    'settings_screen.storage_extension_max.label': 'Durée maximale avec prolongations',
    'settings_screen.storage_extension_max.help':
      'Aucun stockage ne dure plus longtemps au total, prolongations comprises. Utilisé seulement si la prolongation est activée.',
    'settings_screen.kept_small.label': 'Petits casiers',
    'settings_screen.kept_small.help':
      'Le stockage ne prend jamais les derniers petits casiers : ce nombre reste libre pour les colis.',
    'settings_screen.kept_medium.label': 'Casiers moyens',
    'settings_screen.kept_medium.help':
      'Le stockage ne prend jamais les derniers casiers moyens : ce nombre reste libre pour les colis.',
    'settings_screen.kept_large.label': 'Grands casiers',
    'settings_screen.kept_large.help':
      'Le stockage ne prend jamais les derniers grands casiers : ce nombre reste libre pour les colis.',

    'settings_screen.issue.at_least_one_pickup_method':
      'Gardez au moins un moyen de retrait activé.',
    'settings_screen.issue.extension_without_end_time':
      'Un stockage sans limite de durée ne peut pas être prolongé : désactivez la prolongation, ou choisissez une durée fixe ou au choix.',
    'settings_screen.issue.extension_shorter_than_stay':
      'Avec les prolongations, un stockage doit durer au moins autant que sans : {hours} heures ou plus.',
    'settings_screen.issue.too_small': 'La plus petite valeur permise est {min}.',
    'settings_screen.issue.too_big': 'La plus grande valeur permise est {max}.',
    'settings_screen.issue.whole_number': 'Saisissez un nombre entier.',
    'settings_screen.issue.not_allowed': 'Cette valeur n’est pas permise.',
  },
});
