import type { Catalogue } from './en.js';
import { codesMessages } from './features/codes.js';
import { allocationMessages } from './features/allocation.js';
import { commissioningMessages } from './features/commissioning.js';
import { commissioningScreenMessages } from './features/commissioning-screen.js';
import { doorsMessages } from './features/doors.js';
import { operatorScreenMessages } from './features/operator-screen.js';
import { scanningMessages } from './features/scanning.js';
import { flowsMessages } from './features/flows.js';
import { notificationsMessages } from './features/notifications.js';
import { settingsScreenMessages } from './features/settings-screen.js';
import { managementScreenMessages } from './features/management-screen.js';
import { dropOffScreenMessages } from './features/drop-off-screen.js';
import { pickupScreenMessages } from './features/pickup-screen.js';
import { kioskShellMessages } from './features/kiosk-shell.js';
import { storageMessages } from './features/storage.js';
import { storageScreenMessages } from './features/storage-screen.js';
import { handoverMessages } from './features/handovers.js';
import { handoverScreenMessages } from './features/handover-screen.js';
import { syncMessages } from './features/sync.js';

export const fr: Catalogue = {
  ...codesMessages.fr,
  ...doorsMessages.fr,
  ...operatorScreenMessages.fr,
  ...scanningMessages.fr,
  ...commissioningMessages.fr,
  ...commissioningScreenMessages.fr,
  ...allocationMessages.fr,
  ...flowsMessages.fr,
  ...notificationsMessages.fr,
  ...settingsScreenMessages.fr,
  ...managementScreenMessages.fr,
  ...dropOffScreenMessages.fr,
  ...pickupScreenMessages.fr,
  ...kioskShellMessages.fr,
  ...storageMessages.fr,
  ...storageScreenMessages.fr,
  ...handoverMessages.fr,
  ...handoverScreenMessages.fr,
  ...syncMessages.fr,
  'app.title': 'Casier',
  'app.connecting': 'Connexion à la consigne…',
  'app.disconnected': 'Connexion à la consigne perdue. Nouvelle tentative…',
  'app.connected': 'Connecté à la consigne',
  'connection.unavailable':
    'Pas de connexion à la consigne. Attendez le retour de la connexion, puis réessayez.',
  'connection.call_interrupted':
    'La connexion à la consigne a été perdue avant sa réponse. Vérifiez la porte avant de réessayer.',
  'language.switch': 'English',
  'language.current': 'Français',
  'compartment.label': 'Casier {label}',
  'compartment.size.S': 'Petit',
  'compartment.size.M': 'Moyen',
  'compartment.size.L': 'Grand',
  'compartment.height': 'à {bottom}–{top} cm du sol',
  'compartment.service.in_service': 'En service',
  'compartment.service.out_of_service': 'Hors service',
  'noun.compartment': 'casier',
  'door.open': 'Porte ouverte',
  'door.closed': 'Porte fermée',
  'door.unknown': 'État de la porte inconnu',
  'unlock.door_seen_open': 'Le casier {label} est ouvert.',
  'unlock.door_already_open': 'Le casier {label} était déjà ouvert.',
  'unlock.jammed': 'Le casier {label} ne s’est pas ouvert. Veuillez appeler le service courrier.',
  'unlock.outcome_unknown':
    'La serrure du casier {label} n’a pas répondu. Vérifiez la porte avant de réessayer.',
  'hardware.ok': 'Cartes de serrures connectées',
  'hardware.unknown': 'État des cartes de serrures pas encore connu',
  'hardware.degraded':
    'Les cartes de serrures ne répondent pas : impossible d’ouvrir les portes pour le moment',
  'error.invalid_argument': 'La demande n’est pas valide : {detail}',
  'error.unknown_method': 'Cette borne ne connaît pas l’action « {method} ».',
  'error.not_found': 'Introuvable : {what}.',
  'error.compartment_out_of_service': 'Le casier {label} est hors service.',
  'error.hardware_unavailable':
    'Les cartes de serrures ne répondent pas. Veuillez appeler le service courrier.',
  'error.forbidden': 'Cette page de la borne n’a pas le droit de faire cela.',
  'error.internal_error':
    'Un problème est survenu sur la borne. Veuillez réessayer ou appeler le service courrier.',
  'error.invalid_code':
    'Ce code n’ouvre aucun casier ici. Vérifiez le code reçu dans votre message ou demandez-en un nouveau au service courrier.',
  'error.too_many_attempts': '{message}',
  'error.sign_in_failed': 'Nom d’utilisateur ou mot de passe incorrect.',
  'error.account_locked':
    'Ce compte utilisateur est verrouillé. Trop de tentatives de connexion infructueuses.',
  'error.not_signed_in': 'Veuillez vous connecter pour continuer.',
  'error.permission_denied':
    'Votre compte ne permet pas de faire cela. Demandez à un administrateur.',
  'error.no_compartment_available': '{message}',
  'error.label_required':
    'Cette consigne exige l’étiquette du colis : scannez-la, ou tapez le numéro de suivi si le code-barres est abîmé.',
  'error.pickup_method_disabled':
    'Cette consigne n’accepte pas ce moyen de retrait. Utilisez le code reçu dans votre message.',
  'error.reopen_window_over':
    'La porte ne peut plus être rouverte. Veuillez demander de l’aide au service courrier.',
  'error.contactless_sign_in_off':
    'La connexion par badge est désactivée sur cette consigne. Connectez-vous avec votre nom d’utilisateur et votre mot de passe.',
  'error.scan_not_usable': 'Ce scan n’est pas utilisable ici. Scannez-le à nouveau, ou tapez-le.',
  'error.storage_refused': '{message}',
  'error.door_in_use':
    'Le casier {label} est utilisé en ce moment : quelqu’un a sa porte ouverte. Réessayez une fois qu’elle sera fermée.',
  'error.handover_refused': '{message}',
};
