import { defineMessages } from '../define-messages.js';

/** The personal storage screens (F1, F3–F5) and the status grid's storage words (G1, G3). */
export const storageScreenMessages = defineMessages({
  en: {
    'storage_screen.heading': 'Personal storage',
    'storage_screen.loading': 'Loading…',
    'storage_screen.retry': 'Try again',
    'storage_screen.checking_badge': 'Checking your badge…',
    'storage_screen.hours.one': '1 hour',
    'storage_screen.hours.many': '{hours} hours',
    'storage_screen.ends': 'Ends {time}',
    'storage_screen.no_end': 'No end time: it lasts until you end it',
    'storage_screen.place': '{size}, {height}',

    'storage_screen.start.hint': 'Keep your things in a compartment for a while.',
    'storage_screen.start.new': 'Store something new',
    'storage_screen.start.new_hint':
      'Choose a size, put your things in, and receive a code to come back with.',
    'storage_screen.start.none_free': 'No compartment is free for storage right now.',
    'storage_screen.start.existing': 'I already have a storage',
    'storage_screen.start.existing_hint': 'Type your code, or scan your badge now.',

    'storage_screen.code.heading': 'Open your storage',
    'storage_screen.code.hint':
      'Type the code the screen gave you when your storage started, or scan your badge.',
    'storage_screen.code.label': 'Storage code',

    'storage_screen.size.heading': 'Choose a size',
    'storage_screen.size.hint': 'What fits in each size, and how many are free now.',
    'storage_screen.size.fits.S': 'A handbag, a laptop, a small parcel',
    'storage_screen.size.fits.M': 'A backpack, a shoebox, shopping bags',
    'storage_screen.size.fits.L': 'A suitcase, a large box',
    'storage_screen.size.free': 'Free now: {count}',
    'storage_screen.size.none_free': 'None free',

    'storage_screen.duration.heading': 'For how long?',
    'storage_screen.duration.hint': 'Up to {duration}.',

    'storage_screen.badge.heading': 'Your storage',
    'storage_screen.badge.size': 'Size: {size}',
    'storage_screen.badge.duration': 'Time: {duration}',
    'storage_screen.badge.hint':
      'Scan your badge now to open this storage with your badge later, or continue with a code.',
    'storage_screen.badge.continue': 'Continue with a code',
    'storage_screen.badge.opening': 'Opening a door…',

    'storage_screen.skipped':
      'Compartment {label} did not open: compartment {next} opened instead.',
    'storage_screen.door.filling':
      'Put your things in compartment {label} ({place}) and close the door.',
    'storage_screen.door.door_open':
      'Compartment {label} is open ({place}): take or add things, then close the door.',
    'storage_screen.door.emptying':
      'Compartment {label} is open ({place}): take everything out, then close the door.',
    'storage_screen.door.waiting': 'The screen moves on once the door is closed.',

    'storage_screen.nothing_inside.heading': 'The compartment looks empty.',
    'storage_screen.nothing_inside.help':
      'The sensor in compartment {label} sees nothing inside. Open it again to put your things in, or cancel this storage.',
    'storage_screen.nothing_inside.reopen': 'Open again',
    'storage_screen.nothing_inside.cancel': 'Cancel the storage',
    'storage_screen.items_left.heading': 'Something is still inside — open again?',
    'storage_screen.items_left.help':
      'The sensor in compartment {label} still sees something. Open the door again to take it, or keep your storage.',
    'storage_screen.items_left.reopen': 'Open again',
    'storage_screen.items_left.keep': 'Keep my storage',

    'storage_screen.new_code.heading': 'Your storage has started',
    'storage_screen.new_code.label': 'Your code',
    'storage_screen.new_code.note':
      'Note this code now: you need it to open compartment {label} again. It will not be shown again.',
    'storage_screen.new_code.badge': 'You may also open it with your badge.',
    'storage_screen.new_code.done': 'I have noted my code',

    'storage_screen.running.heading': 'Your storage',
    'storage_screen.running.heading_owner': 'Hello {name}',
    'storage_screen.running.compartment': 'Compartment {label} ({place})',
    'storage_screen.running.expired': 'This storage ended {time}. Take your things out to end it.',
    'storage_screen.running.open': 'Open the door',
    'storage_screen.running.extend': 'Add time',
    'storage_screen.running.end': 'End my storage',
    'storage_screen.running.opening': 'Opening the door…',
    'storage_screen.running.extending': 'Adding time…',
    'storage_screen.running.ending': 'Opening the door…',
    'storage_screen.running.extended': 'Done: your storage now ends {time}.',
    'storage_screen.running.done': 'Done',

    'storage_screen.extend.heading': 'How much more time?',
    'storage_screen.extend.until': 'up to {time} at the latest',
    'storage_screen.extend.choice': '+ {duration}',
    'storage_screen.extend.cancel': 'Keep the end as it is',

    'storage_screen.ended.heading': 'Your storage has ended',
    'storage_screen.ended.help': 'Compartment {label} is free again. Thank you!',
    'storage_screen.ended.cancelled':
      'Nothing was stored in compartment {label}: the storage is cancelled.',
    'storage_screen.returning_home': 'Back to the home screen in {seconds} s.',
  },
  fr: {
    'storage_screen.heading': 'Stockage personnel',
    'storage_screen.loading': 'Chargement…',
    'storage_screen.retry': 'Réessayer',
    'storage_screen.checking_badge': 'Vérification de votre badge…',
    'storage_screen.hours.one': '1 heure',
    'storage_screen.hours.many': '{hours}\u00a0heures',
    'storage_screen.ends': 'Fin\u00a0: {time}',
    'storage_screen.no_end':
      'Sans limite de durée\u00a0: il dure jusqu’à ce que vous y mettiez fin',
    'storage_screen.place': '{size}, {height}',

    'storage_screen.start.hint': 'Gardez vos affaires dans un casier pendant un moment.',
    'storage_screen.start.new': 'Déposer de nouvelles affaires',
    'storage_screen.start.new_hint':
      'Choisissez une taille, déposez vos affaires et recevez un code pour revenir.',
    'storage_screen.start.none_free': 'Aucun casier n’est libre pour un stockage en ce moment.',
    'storage_screen.start.existing': 'J’ai déjà un stockage',
    'storage_screen.start.existing_hint':
      'Saisissez votre code, ou scannez votre badge maintenant.',

    'storage_screen.code.heading': 'Ouvrir votre stockage',
    'storage_screen.code.hint':
      'Saisissez le code que l’écran vous a donné au début de votre stockage, ou scannez votre badge.',
    'storage_screen.code.label': 'Code de stockage',

    'storage_screen.size.heading': 'Choisissez une taille',
    'storage_screen.size.hint': 'Ce qui tient dans chaque taille, et combien sont libres.',
    'storage_screen.size.fits.S': 'Un sac à main, un ordinateur portable, un petit colis',
    'storage_screen.size.fits.M': 'Un sac à dos, une boîte à chaussures, des sacs de courses',
    'storage_screen.size.fits.L': 'Une valise, un grand carton',
    'storage_screen.size.free': 'Libres\u00a0: {count}',
    'storage_screen.size.none_free': 'Aucun de libre',

    'storage_screen.duration.heading': 'Pour combien de temps\u00a0?',
    'storage_screen.duration.hint': 'Jusqu’à {duration}.',

    'storage_screen.badge.heading': 'Votre stockage',
    'storage_screen.badge.size': 'Taille\u00a0: {size}',
    'storage_screen.badge.duration': 'Durée\u00a0: {duration}',
    'storage_screen.badge.hint':
      'Scannez votre badge maintenant pour rouvrir ce stockage avec lui plus tard, ou continuez avec un code.',
    'storage_screen.badge.continue': 'Continuer avec un code',
    'storage_screen.badge.opening': 'Ouverture d’une porte…',

    'storage_screen.skipped':
      'Le casier {label} ne s’est pas ouvert\u00a0: le casier {next} s’est ouvert à sa place.',
    'storage_screen.door.filling':
      'Déposez vos affaires dans le casier {label} ({place}) et refermez la porte.',
    'storage_screen.door.door_open':
      'Le casier {label} est ouvert ({place})\u00a0: prenez ou ajoutez vos affaires, puis refermez la porte.',
    'storage_screen.door.emptying':
      'Le casier {label} est ouvert ({place})\u00a0: retirez toutes vos affaires, puis refermez la porte.',
    'storage_screen.door.waiting': 'L’écran passera à la suite une fois la porte refermée.',

    'storage_screen.nothing_inside.heading': 'Le casier semble vide.',
    'storage_screen.nothing_inside.help':
      'Le capteur du casier {label} ne voit rien à l’intérieur. Rouvrez-le pour y déposer vos affaires, ou annulez ce stockage.',
    'storage_screen.nothing_inside.reopen': 'Rouvrir',
    'storage_screen.nothing_inside.cancel': 'Annuler le stockage',
    'storage_screen.items_left.heading': 'Il reste quelque chose à l’intérieur — rouvrir\u00a0?',
    'storage_screen.items_left.help':
      'Le capteur du casier {label} voit encore quelque chose. Rouvrez la porte pour le reprendre, ou gardez votre stockage.',
    'storage_screen.items_left.reopen': 'Rouvrir',
    'storage_screen.items_left.keep': 'Garder mon stockage',

    'storage_screen.new_code.heading': 'Votre stockage a commencé',
    'storage_screen.new_code.label': 'Votre code',
    'storage_screen.new_code.note':
      'Notez ce code maintenant\u00a0: il vous faudra pour rouvrir le casier {label}. Il ne sera plus affiché.',
    'storage_screen.new_code.badge': 'Vous pouvez aussi l’ouvrir avec votre badge.',
    'storage_screen.new_code.done': 'J’ai noté mon code',

    'storage_screen.running.heading': 'Votre stockage',
    'storage_screen.running.heading_owner': 'Bonjour {name}',
    'storage_screen.running.compartment': 'Casier {label} ({place})',
    'storage_screen.running.expired':
      'Ce stockage a pris fin le {time}. Retirez vos affaires pour le terminer.',
    'storage_screen.running.open': 'Ouvrir la porte',
    'storage_screen.running.extend': 'Prolonger',
    'storage_screen.running.end': 'Terminer mon stockage',
    'storage_screen.running.opening': 'Ouverture de la porte…',
    'storage_screen.running.extending': 'Prolongation…',
    'storage_screen.running.ending': 'Ouverture de la porte…',
    'storage_screen.running.extended': 'C’est fait\u00a0: votre stockage se termine le {time}.',
    'storage_screen.running.done': 'Terminé',

    'storage_screen.extend.heading': 'Combien de temps en plus\u00a0?',
    'storage_screen.extend.until': 'jusqu’au {time} au plus tard',
    'storage_screen.extend.choice': '+ {duration}',
    'storage_screen.extend.cancel': 'Garder la fin prévue',

    'storage_screen.ended.heading': 'Votre stockage est terminé',
    'storage_screen.ended.help': 'Le casier {label} est de nouveau libre. Merci\u00a0!',
    'storage_screen.ended.cancelled':
      'Rien n’a été déposé dans le casier {label}\u00a0: le stockage est annulé.',
    'storage_screen.returning_home': 'Retour à l’écran d’accueil dans {seconds}\u00a0s.',
  },
});
