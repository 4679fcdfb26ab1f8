import type { SyncError } from '../src-shared/sync/enrolment.js';

const statusOf: Record<SyncError['error'], number> = {
  invalid_request: 400,
  unauthorized: 401,
  credential_revoked: 401,
  enrolment_code_invalid: 403,
  not_found: 404,
  unknown_incarnation: 409,
  mutation_gap: 422,
  temporarily_unavailable: 503,
};

/**
 * A refusal the HTTP layer turns into `{error, message}` with its status. Anything else thrown
 * is a 500 (or a 503 for a database that is unreachable), logged without the request body.
 */
export class CloudError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: SyncError['error'],
    message: string,
    readonly extra: { expectedNextId?: number } = {},
  ) {
    super(message);
    this.name = 'CloudError';
    this.httpStatus = statusOf[code];
  }

  toBody(): SyncError {
    return { error: this.code, message: this.message, ...this.extra };
  }
}
