/** Codes of the admin API's refusals, each with its HTTP status. */
const statusOf = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
} as const;

export type AdminErrorCode = keyof typeof statusOf;

/**
 * A refusal of the admin API. A resource of another tenant is `not_found`, worded exactly like a
 * missing one, so a caller cannot learn that it exists (security.md).
 */
export class AdminError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: AdminErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
    this.httpStatus = statusOf[code];
  }

  toBody(): { error: AdminErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

/** The one wording for "absent or another tenant's". */
export function notFound(what: string, id: string): AdminError {
  return new AdminError('not_found', `No ${what} ${id}.`);
}
