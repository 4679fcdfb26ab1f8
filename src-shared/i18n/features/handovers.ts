import { defineMessages } from '../define-messages.js';

/**
 * Returns and exchanges in the core (D3, D4): refusals and the notices. The notices also use the
 * ready-for-pickup notice's field, footer and date wording (features/notifications.ts), so every
 * message the bank sends reads alike. French spacing as there: \u00a0 before a colon and inside « ».
 */
export const handoverMessages = defineMessages({
  en: {
    'noun.handover': 'return or exchange',
    'noun.handover_drop': 'drop-off in progress (it may have ended: type your code again)',
    'handovers.refused.sender_without_email':
      '{name} has no email address in the directory: the drop-off code could not reach them. Add one first.',
    'handovers.refused.close_door_first':
      'Close the door first. If you put nothing in, open it again, then cancel once it is closed.',
    'handovers.refused.sender_unknown':
      'The person bringing the item is not in the directory, or is no longer active. Choose someone else.',
    'handovers.refused.receiver_unknown':
      'The person picking the item up is not in the directory, or is no longer active. Choose someone else.',
    'handovers.refused.receiver_missing':
      'An exchange needs someone to pick the item up. Choose who will.',
    'handovers.refused.return_with_receiver':
      'A return goes to the mailroom, so nobody else picks it up. Leave “picked up by” empty, or make it an exchange.',
    'handovers.refused.same_person':
      'The same person cannot both leave and pick up an exchange. Choose someone else to pick it up.',
    'handovers.refused.tracking_both':
      'Give a tracking number or let the bank make one up, not both.',
    'handovers.refused.not_awaiting':
      'This return or exchange can no longer be withdrawn: its item is already in a compartment, or it is closed.',
    'handovers.refused.not_collectable':
      'Only a return whose item is in a compartment can be collected.',
    'handovers.refused.drop_in_progress':
      'Someone is dropping this item at the kiosk right now. Try again once the door is closed.',
    'handovers.refused.door_busy':
      'The door of compartment {label} is already open for another task. Try again once it is closed.',
    'handovers.refused.code_in_use':
      'A compartment is already open for this code. Put the item in and close the door.',

    'handovers.notice.return.subject': 'Your code to drop off a return: {bank}',
    'handovers.notice.return.intro':
      'The mailroom is expecting an item from you. Bring it to the locker bank “{bank}” and type the code below at the kiosk: a compartment opens for it.',
    'handovers.notice.exchange_drop.subject': 'Your code to leave an item for {receiver}: {bank}',
    'handovers.notice.exchange_drop.intro':
      'You can leave an item for {receiver} in the locker bank “{bank}”. Type the code below at the kiosk: a compartment opens for it. Once the item is in, {receiver} gets their own code to pick it up.',
    'handovers.notice.drop_code': 'Drop-off code',
    'handovers.notice.size': 'Compartment size',
    'handovers.notice.receiver': 'Picked up by',
    'handovers.notice.how_drop':
      'At the kiosk, type this code, put the item in the compartment that opens and close its door.',
    'handovers.notice.drop_keep_private':
      'Keep this code to yourself: anyone who has it can use the compartment in your place.',
    'handovers.notice.ready.subject': '{sender} left an item for you: {bank}',
    'handovers.notice.ready.intro': '{sender} left an item for you in the locker bank “{bank}”.',
  },
  fr: {
    'noun.handover': 'retour ou échange',
    'noun.handover_drop':
      'dépôt en cours (il a peut-être pris fin\u00a0: saisissez à nouveau votre code)',
    'handovers.refused.sender_without_email':
      '{name} n’a pas d’adresse e-mail dans l’annuaire : le code de dépôt ne pourrait pas lui parvenir. Ajoutez-en une d’abord.',
    'handovers.refused.close_door_first':
      'Fermez d’abord la porte. Si vous n’avez rien déposé, rouvrez-la, puis annulez une fois fermée.',
    'handovers.refused.sender_unknown':
      'La personne qui apporte l’objet n’est pas dans l’annuaire, ou n’est plus active. Choisissez quelqu’un d’autre.',
    'handovers.refused.receiver_unknown':
      'La personne qui retire l’objet n’est pas dans l’annuaire, ou n’est plus active. Choisissez quelqu’un d’autre.',
    'handovers.refused.receiver_missing':
      'Un échange demande une personne pour retirer l’objet. Choisissez qui le retirera.',
    'handovers.refused.return_with_receiver':
      'Un retour va au service courrier\u00a0: personne d’autre ne le retire. Laissez «\u00a0retiré par\u00a0» vide, ou faites-en un échange.',
    'handovers.refused.same_person':
      'La même personne ne peut pas à la fois déposer et retirer un échange. Choisissez quelqu’un d’autre pour le retirer.',
    'handovers.refused.tracking_both':
      'Indiquez un numéro de suivi ou laissez la consigne en créer un, pas les deux.',
    'handovers.refused.not_awaiting':
      'Ce retour ou cet échange ne peut plus être annulé\u00a0: son objet est déjà dans un casier, ou il est clos.',
    'handovers.refused.not_collectable':
      'Seul un retour dont l’objet est dans un casier peut être récupéré.',
    'handovers.refused.drop_in_progress':
      'Quelqu’un dépose cet objet sur la borne en ce moment. Réessayez une fois la porte fermée.',
    'handovers.refused.door_busy':
      'La porte du casier {label} est déjà ouverte pour une autre tâche. Réessayez une fois qu’elle sera fermée.',
    'handovers.refused.code_in_use':
      'Un casier est déjà ouvert pour ce code. Déposez l’objet et fermez la porte.',

    'handovers.notice.return.subject': 'Votre code pour déposer un retour\u00a0: {bank}',
    'handovers.notice.return.intro':
      'Le service courrier attend un objet de votre part. Apportez-le à la consigne «\u00a0{bank}\u00a0» et saisissez le code ci-dessous sur la borne\u00a0: un casier s’ouvre pour lui.',
    'handovers.notice.exchange_drop.subject':
      'Votre code pour laisser un objet à {receiver}\u00a0: {bank}',
    'handovers.notice.exchange_drop.intro':
      'Vous pouvez laisser un objet à {receiver} dans la consigne «\u00a0{bank}\u00a0». Saisissez le code ci-dessous sur la borne\u00a0: un casier s’ouvre pour lui. Une fois l’objet déposé, {receiver} reçoit son propre code pour le retirer.',
    'handovers.notice.drop_code': 'Code de dépôt',
    'handovers.notice.size': 'Taille du casier',
    'handovers.notice.receiver': 'Retiré par',
    'handovers.notice.how_drop':
      'Sur la borne, saisissez ce code, déposez l’objet dans le casier qui s’ouvre et fermez sa porte.',
    'handovers.notice.drop_keep_private':
      'Gardez ce code pour vous\u00a0: toute personne qui le connaît peut utiliser le casier à votre place.',
    'handovers.notice.ready.subject': '{sender} a laissé un objet pour vous\u00a0: {bank}',
    'handovers.notice.ready.intro':
      '{sender} a laissé un objet pour vous dans la consigne «\u00a0{bank}\u00a0».',
  },
});
