import { defineMessages } from '../define-messages.js';

/**
 * The kiosk's sync status (issue 6): a small indicator on the home screen and the operator
 * menu. Short texts: it sits in a corner. The problem texts are for the mailroom, who can call
 * an administrator; a passer-by only needs to know the kiosk works either way.
 */
export const syncMessages = defineMessages({
  en: {
    'sync.label': 'Cloud connection',
    'sync.state.not_configured': 'Not connected to the cloud',
    'sync.state.not_enrolled': 'Not registered with the cloud',
    'sync.state.online': 'Online',
    'sync.state.offline': 'Offline',
    'sync.state.blocked': 'Sync stopped',
    'sync.state.revoked': 'Cloud access withdrawn',
    'sync.last_sync': 'Last sync {time}',
    'sync.last_sync_day': 'Last sync {date} {time}',
    'sync.last_sync_never': 'Never synced',
    'sync.queue': '{count} waiting to send',
    'sync.queue_empty': 'Nothing waiting to send',
    'sync.works_offline': 'The lockers keep working; records are sent once the link is back.',
    'sync.problem.enrolment_code_invalid':
      'The enrolment code was refused. Ask an administrator for a new one.',
    'sync.problem.credential_revoked':
      'This kiosk’s cloud access was withdrawn. Ask an administrator for a new enrolment code.',
    'sync.problem.unauthorized':
      'The cloud no longer knows this kiosk. Ask an administrator for a new enrolment code.',
    'sync.problem.unknown_incarnation':
      'The cloud does not recognise this kiosk’s database. An administrator must check it.',
    'sync.problem.mutation_gap':
      'The cloud and this kiosk disagree about what was sent. An administrator must check it.',
    'sync.problem.network': 'The cloud cannot be reached.',
    'sync.problem.timeout': 'The cloud took too long to answer.',
    'sync.problem.temporarily_unavailable': 'The cloud is busy; retrying.',
    'sync.problem.server_error': 'The cloud had an error; retrying.',
    'sync.problem.request_refused': 'The cloud refused a request; retrying.',
    'sync.problem.invalid_response': 'The cloud sent an answer this kiosk cannot read; retrying.',
    'sync.problem.apply_failed': 'An update from the cloud could not be applied; retrying.',
    'sync.problem.cookie_backwards': 'The cloud sent older data than this kiosk has; retrying.',
    'sync.problem.upgrade_required': 'The cloud asks for a newer version of the kiosk software.',
    'sync.problem.kiosk_error': 'Sync hit an error on this kiosk; retrying.',
  },
  fr: {
    'sync.label': 'Connexion au cloud',
    'sync.state.not_configured': 'Non connectée au cloud',
    'sync.state.not_enrolled': 'Non enregistrée auprès du cloud',
    'sync.state.online': 'En ligne',
    'sync.state.offline': 'Hors ligne',
    'sync.state.blocked': 'Synchronisation arrêtée',
    'sync.state.revoked': 'Accès au cloud retiré',
    'sync.last_sync': 'Dernière synchro {time}',
    'sync.last_sync_day': 'Dernière synchro {date} {time}',
    'sync.last_sync_never': 'Jamais synchronisée',
    'sync.queue': '{count} en attente d’envoi',
    'sync.queue_empty': 'Rien en attente d’envoi',
    'sync.works_offline':
      'Les casiers fonctionnent toujours ; les données partent dès le retour de la connexion.',
    'sync.problem.enrolment_code_invalid':
      'Le code d’enregistrement a été refusé. Demandez-en un nouveau à un administrateur.',
    'sync.problem.credential_revoked':
      'L’accès de cette borne au cloud a été retiré. Demandez un nouveau code d’enregistrement à un administrateur.',
    'sync.problem.unauthorized':
      'Le cloud ne reconnaît plus cette borne. Demandez un nouveau code d’enregistrement à un administrateur.',
    'sync.problem.unknown_incarnation':
      'Le cloud ne reconnaît pas la base de données de cette borne. Un administrateur doit vérifier.',
    'sync.problem.mutation_gap':
      'Le cloud et cette borne ne sont pas d’accord sur ce qui a été envoyé. Un administrateur doit vérifier.',
    'sync.problem.network': 'Le cloud est injoignable.',
    'sync.problem.timeout': 'Le cloud a mis trop de temps à répondre.',
    'sync.problem.temporarily_unavailable': 'Le cloud est occupé ; nouvel essai en cours.',
    'sync.problem.server_error': 'Le cloud a rencontré une erreur ; nouvel essai en cours.',
    'sync.problem.request_refused': 'Le cloud a refusé une requête ; nouvel essai en cours.',
    'sync.problem.invalid_response':
      'Le cloud a envoyé une réponse illisible pour cette borne ; nouvel essai en cours.',
    'sync.problem.apply_failed':
      'Une mise à jour du cloud n’a pas pu être appliquée ; nouvel essai en cours.',
    'sync.problem.cookie_backwards':
      'Le cloud a envoyé des données plus anciennes que celles de la borne ; nouvel essai en cours.',
    'sync.problem.upgrade_required':
      'Le cloud demande une version plus récente du logiciel de la borne.',
    'sync.problem.kiosk_error':
      'La synchronisation a rencontré une erreur sur la borne ; nouvel essai en cours.',
  },
});
