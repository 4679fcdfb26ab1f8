import { defineMessages } from '../define-messages.js';

/**
 * Codes, pickup QR tokens and operator sign-in (X3, A8, E1). A wrong, expired and unknown code
 * share one message on purpose: anything finer tells a guesser which codes exist.
 */
export const codesMessages = defineMessages({
  en: {
    'code.rejected':
      'This code does not open any compartment here. Check the code in your message, or ask the mailroom for a new one.',
    'code.wait.moment': 'Too many wrong codes. Please try again in a moment.',
    'code.wait.seconds': 'Too many wrong codes. Please try again in {seconds} seconds.',
    'code.wait.minutes': 'Too many wrong codes. Please try again in {minutes} minutes.',
    'pickup_token.rejected':
      'This QR code cannot be used here. Type the code from your message, or ask the mailroom for help.',
    'signin.failed': 'Wrong user name or password.',
    'signin.account_locked': 'This user account is locked. Too many failed login attempts.',
    'session.ended.signed_out': 'You are signed out.',
    'session.ended.idle_timeout':
      'You were signed out because the kiosk was not used for a while. Sign in again to continue.',
    'session.ended.lifetime_reached':
      'Your session has reached its time limit. Sign in again to continue.',
    'session.ended.revoked': 'Your session was ended by an administrator.',
  },
  fr: {
    'code.rejected':
      'Ce code n’ouvre aucun casier ici. Vérifiez le code reçu dans votre message ou demandez-en un nouveau au service courrier.',
    'code.wait.moment': 'Trop de codes erronés. Veuillez réessayer dans un instant.',
    'code.wait.seconds': 'Trop de codes erronés. Veuillez réessayer dans {seconds} secondes.',
    'code.wait.minutes': 'Trop de codes erronés. Veuillez réessayer dans {minutes} minutes.',
    'pickup_token.rejected':
      'Ce code QR n’est pas utilisable ici. Saisissez le code reçu dans votre message ou demandez de l’aide au service courrier.',
    'signin.failed': 'Nom d’utilisateur ou mot de passe incorrect.',
    'signin.account_locked':
      'Ce compte utilisateur est verrouillé. Trop de tentatives de connexion infructueuses.',
    'session.ended.signed_out': 'Déconnexion effectuée.',
    'session.ended.idle_timeout':
      'Votre session a été fermée car la borne n’a pas été utilisée pendant un moment. Reconnectez-vous pour continuer.',
    'session.ended.lifetime_reached':
      'Votre session a atteint sa durée maximale. Reconnectez-vous pour continuer.',
    'session.ended.revoked': 'Votre session a été fermée par un administrateur.',
  },
});
