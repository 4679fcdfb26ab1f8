import { defineMessages } from '../define-messages.js';

/**
 * The allocation engine's reasons (issue 4 item 3, B5, C6, C7, D5, D6, D8, X5), shown to the
 * operator beside each choice or refusal. src-shared/allocation/reason-text.ts fills them in;
 * `{size}`, `{requestedSize}`, `{requiredSize}` become size names and `{fault}` a fault text.
 */
export const allocationMessages = defineMessages({
  en: {
    'allocation.refusal.no_compartment_available':
      'No compartment is currently available in the selected locker',
    'allocation.refusal.compartment_not_allowed': 'Compartment {label} cannot be used.',

    'allocation.choice.reserved_in_advance':
      'Compartment {label} was reserved in advance for this parcel.',
    'allocation.choice.consolidated':
      'Added to compartment {label}, which already holds parcels for this recipient.',
    'allocation.choice.dedicated_to_recipient':
      'Compartment {label} is dedicated to this recipient.',
    'allocation.choice.dedicated_to_department':
      'Compartment {label} is dedicated to this department.',
    'allocation.choice.smallest_fit':
      'Compartment {label} is of the smallest free size that fits ({size}).',
    'allocation.choice.upsized':
      'No compartment of size {requestedSize} was free, so compartment {label} ({size}) was used.',
    'allocation.choice.operator_size': 'Compartment {label} is of the size you chose ({size}).',
    'allocation.choice.operator_compartment':
      'You chose compartment {label}, and it can be used for this parcel.',
    'allocation.choice.accessible_door':
      'The door of compartment {label} is {bottom}–{top} cm from the floor, within reach for this recipient.',
    'allocation.choice.bigger_door_retry':
      'Compartment {previousLabel} was too small, so compartment {label} is bigger.',

    'allocation.cause.accessibility_need':
      'This recipient needs an accessible door, entirely between {minCm} and {maxCm} cm from the floor, and no free compartment of a fitting size has one.',
    'allocation.cause.dedicated_to_others':
      'Some free compartments of a fitting size are dedicated to other recipients or departments.',
    'allocation.cause.kept_for_deliveries':
      'Some free compartments of a fitting size are kept for deliveries only.',
    'allocation.cause.one_parcel_per_compartment':
      'This locker allows one parcel per compartment, so compartment {label}, which already holds parcels for this recipient, cannot take another.',
    'allocation.cause.size_fixed_by_operator':
      'Only size {size} was allowed, without upsizing; a bigger compartment is free.',
    'allocation.cause.excluded_compartments':
      'The only compartments that would do were already tried for this parcel: {labels}.',
    'allocation.cause.no_bigger_size':
      'The parcel did not fit a compartment of size {size}, and this locker has no bigger size.',
    'allocation.cause.all_in_use':
      'Every compartment of size {size} or bigger is occupied, reserved, faulty or out of service.',
    'allocation.cause.compartment_unknown': 'This locker has no compartment {label}.',
    'allocation.cause.compartment_excluded':
      'Compartment {label} was already tried for this parcel.',
    'allocation.cause.compartment_out_of_service': 'Compartment {label} is out of service.',
    'allocation.cause.compartment_faulty': 'Compartment {label} has a fault: {fault}.',
    'allocation.cause.compartment_occupied': 'Compartment {label} is occupied.',
    'allocation.cause.compartment_reserved': 'Compartment {label} is reserved for someone else.',
    'allocation.cause.compartment_one_parcel_per_compartment':
      'Compartment {label} already holds a parcel for this recipient, and this locker allows one parcel per compartment.',
    'allocation.cause.compartment_dedicated_to_other':
      'Compartment {label} is dedicated to another recipient or department.',
    'allocation.cause.compartment_too_small':
      'Compartment {label} is of size {size}; this parcel needs size {requiredSize} or bigger.',
    'allocation.cause.compartment_above_chosen_size':
      'Compartment {label} is of size {size}, bigger than the size chosen.',
    'allocation.cause.compartment_not_accessible':
      'The door of compartment {label} is {bottom}–{top} cm from the floor; this recipient needs a door entirely between {minCm} and {maxCm} cm.',
    'allocation.cause.compartment_kept_for_deliveries':
      'Compartment {label} is one of the free compartments of size {size} kept for deliveries only.',

    'allocation.fault.failed_to_open': 'its door failed to open',
    'allocation.fault.left_open': 'its door was left open',
    'allocation.fault.opened_without_command': 'its door opened without a command',
    'allocation.fault.door_state_unknown': 'the state of its door is not known',
    'allocation.fault.unexpected_item': 'its sensor sees an item that should not be there',
  },
  fr: {
    'allocation.refusal.no_compartment_available':
      'Aucun casier n’est actuellement disponible dans la consigne sélectionnée',
    'allocation.refusal.compartment_not_allowed': 'Le casier {label} ne peut pas être utilisé.',

    'allocation.choice.reserved_in_advance':
      'Le casier {label} a été réservé à l’avance pour ce colis.',
    'allocation.choice.consolidated':
      'Ajouté au casier {label}, qui contient déjà des colis pour ce destinataire.',
    'allocation.choice.dedicated_to_recipient': 'Le casier {label} est dédié à ce destinataire.',
    'allocation.choice.dedicated_to_department': 'Le casier {label} est dédié à ce service.',
    'allocation.choice.smallest_fit':
      'Le casier {label} est de la plus petite taille libre qui convient ({size}).',
    'allocation.choice.upsized':
      'Aucun casier de taille {requestedSize} n’était libre : le casier {label} ({size}) a été utilisé.',
    'allocation.choice.operator_size': 'Le casier {label} est de la taille choisie ({size}).',
    'allocation.choice.operator_compartment':
      'Vous avez choisi le casier {label}, et il peut recevoir ce colis.',
    'allocation.choice.accessible_door':
      'La porte du casier {label} est à {bottom}–{top} cm du sol, à portée de ce destinataire.',
    'allocation.choice.bigger_door_retry':
      'Le casier {previousLabel} était trop petit : le casier {label} est plus grand.',

    'allocation.cause.accessibility_need':
      'Ce destinataire a besoin d’une porte accessible, entièrement entre {minCm} et {maxCm} cm du sol, et aucun casier libre de taille suffisante n’en a une.',
    'allocation.cause.dedicated_to_others':
      'Des casiers libres de taille suffisante sont dédiés à d’autres destinataires ou services.',
    'allocation.cause.kept_for_deliveries':
      'Des casiers libres de taille suffisante sont réservés aux livraisons.',
    'allocation.cause.one_parcel_per_compartment':
      'Cette consigne n’accepte qu’un colis par casier : le casier {label}, qui contient déjà des colis pour ce destinataire, ne peut pas en recevoir un autre.',
    'allocation.cause.size_fixed_by_operator':
      'Seule la taille {size} était permise, sans taille supérieure ; un casier plus grand est libre.',
    'allocation.cause.excluded_compartments':
      'Les seuls casiers qui conviendraient ont déjà été essayés pour ce colis : {labels}.',
    'allocation.cause.no_bigger_size':
      'Le colis n’entrait pas dans un casier de taille {size}, et cette consigne n’a pas de taille plus grande.',
    'allocation.cause.all_in_use':
      'Tous les casiers de taille {size} ou plus sont occupés, réservés, en panne ou hors service.',
    'allocation.cause.compartment_unknown': 'Cette consigne n’a pas de casier {label}.',
    'allocation.cause.compartment_excluded': 'Le casier {label} a déjà été essayé pour ce colis.',
    'allocation.cause.compartment_out_of_service': 'Le casier {label} est hors service.',
    'allocation.cause.compartment_faulty': 'Le casier {label} est en panne : {fault}.',
    'allocation.cause.compartment_occupied': 'Le casier {label} est occupé.',
    'allocation.cause.compartment_reserved':
      'Le casier {label} est réservé pour quelqu’un d’autre.',
    'allocation.cause.compartment_one_parcel_per_compartment':
      'Le casier {label} contient déjà un colis pour ce destinataire, et cette consigne n’accepte qu’un colis par casier.',
    'allocation.cause.compartment_dedicated_to_other':
      'Le casier {label} est dédié à un autre destinataire ou service.',
    'allocation.cause.compartment_too_small':
      'Le casier {label} est de taille {size} ; ce colis demande la taille {requiredSize} ou plus.',
    'allocation.cause.compartment_above_chosen_size':
      'Le casier {label} est de taille {size}, plus grande que la taille choisie.',
    'allocation.cause.compartment_not_accessible':
      'La porte du casier {label} est à {bottom}–{top} cm du sol ; ce destinataire a besoin d’une porte entièrement entre {minCm} et {maxCm} cm.',
    'allocation.cause.compartment_kept_for_deliveries':
      'Le casier {label} fait partie des casiers libres de taille {size} réservés aux livraisons.',

    'allocation.fault.failed_to_open': 'sa porte ne s’est pas ouverte',
    'allocation.fault.left_open': 'sa porte est restée ouverte',
    'allocation.fault.opened_without_command': 'sa porte s’est ouverte sans commande',
    'allocation.fault.door_state_unknown': 'l’état de sa porte est inconnu',
    'allocation.fault.unexpected_item': 'son capteur détecte un objet qui ne devrait pas y être',
  },
});
