import { defineMessages } from '../define-messages.js';

/**
 * Words the core's refusals name in drop-off, pickup and management (issue 4): `not_found`
 * says "No such {what}." with one of the nouns below.
 */
export const flowsMessages = defineMessages({
  en: {
    'noun.recipient': 'recipient',
    'noun.deposit': 'drop-off in progress',
    'noun.pickup': 'pickup in progress (it may have ended: start again with your code)',
    'noun.parcel': 'parcel',
    'noun.expired_parcel': 'expired parcel in this compartment',
    'pickup.one_door_at_a_time': 'this locker bank opens one door at a time',
  },
  fr: {
    'noun.recipient': 'destinataire',
    'noun.deposit': 'dépôt en cours',
    'noun.pickup': 'retrait en cours (il a peut-être pris fin : recommencez avec votre code)',
    'noun.parcel': 'colis',
    'noun.expired_parcel': 'colis expiré dans ce casier',
    'pickup.one_door_at_a_time': 'cette consigne ouvre une porte à la fois',
  },
});
