import { defineMessages } from '../define-messages.js';

/**
 * Hardware profile and commissioning (issue 3, X7, C1). `profile.field.*` are the fragments a
 * refused profile is explained with, one per wrong field; the field path itself (such as
 * `compartments.3.channel`) is a code-level name, the same in both languages.
 */
export const commissioningMessages = defineMessages({
  en: {
    'error.invalid_hardware_profile': 'The hardware profile was not saved. {detail}',
    'profile.field.invalid_value': 'this value is not allowed here',
    'profile.field.serial_path_empty':
      'the serial path is empty: enter the adapter’s device (preferably /dev/serial/by-id/…), or choose “no lock hardware”',
    'profile.field.board_listed_twice': 'board {board} is listed twice',
    'profile.field.board_out_of_range':
      'board address {board} is outside {min}–{max}, the addresses {protocol} boards can have',
    'profile.field.compartment_twice': 'compartment {label} appears twice',
    'profile.field.compartment_unknown':
      'compartment {label} is not part of this bank: adding compartments is not supported yet',
    'profile.field.compartment_missing':
      'compartment {label} is missing: removing compartments is not supported yet',
    'profile.field.label_duplicate': 'label {label} is used twice',
    'profile.field.door_top_not_above_bottom':
      'compartment {label}: the door top ({top} cm) must be above the door bottom ({bottom} cm)',
    'profile.field.board_not_listed':
      'compartment {label} is on board {board}, which is not in the list of boards',
    'profile.field.channel_out_of_range':
      'compartment {label}: lock {channel} is outside {min}–{max}, the locks of a {protocol} board',
    'profile.field.lock_duplicate':
      'compartments {other} and {label} are both wired to board {board}, lock {channel}',
    'profile.field.more_problems': 'and {count} more problems',
    'profile.field.wedge_silence_below_gap':
      'the silence that ends a keyboard scan ({silence} ms) must be at least the longest gap between its keys ({gap} ms)',
    'labels.document_title': 'Compartment labels – {bank}',
  },
  fr: {
    'error.invalid_hardware_profile': 'Le profil matériel n’a pas été enregistré. {detail}',
    'profile.field.invalid_value': 'cette valeur n’est pas admise ici',
    'profile.field.serial_path_empty':
      'le chemin série est vide : indiquez le périphérique de l’adaptateur (de préférence /dev/serial/by-id/…) ou choisissez « pas de serrures »',
    'profile.field.board_listed_twice': 'la carte {board} figure deux fois',
    'profile.field.board_out_of_range':
      'l’adresse de carte {board} est hors de {min}–{max}, les adresses possibles des cartes {protocol}',
    'profile.field.compartment_twice': 'le casier {label} figure deux fois',
    'profile.field.compartment_unknown':
      'le casier {label} ne fait pas partie de cette consigne : l’ajout de casiers n’est pas encore possible',
    'profile.field.compartment_missing':
      'le casier {label} manque : la suppression de casiers n’est pas encore possible',
    'profile.field.label_duplicate': 'l’étiquette {label} est utilisée deux fois',
    'profile.field.door_top_not_above_bottom':
      'casier {label} : le haut de la porte ({top} cm) doit être au-dessus du bas ({bottom} cm)',
    'profile.field.board_not_listed':
      'le casier {label} est sur la carte {board}, absente de la liste des cartes',
    'profile.field.channel_out_of_range':
      'casier {label} : la serrure {channel} est hors de {min}–{max}, les serrures d’une carte {protocol}',
    'profile.field.lock_duplicate':
      'les casiers {other} et {label} sont tous deux câblés sur la carte {board}, serrure {channel}',
    'profile.field.more_problems': 'et {count} autres problèmes',
    'profile.field.wedge_silence_below_gap':
      'le silence qui termine un scan au clavier ({silence} ms) doit être au moins égal au plus long écart entre ses touches ({gap} ms)',
    'labels.document_title': 'Étiquettes des casiers – {bank}',
  },
});
