import { AxiosError } from 'axios';
import type { SyncProblem } from '../../src-shared/api/sync-methods.js';
import { SyncError } from '../../src-shared/sync/enrolment.js';

/**
 * What can go wrong talking to the cloud, sorted by what the kiosk does about it:
 * - temporary: retry with backoff (network, timeout, 503, a server error, an unreadable answer);
 * - revoked: stop until a new enrolment (401: the credential was revoked or is unknown);
 * - unknown_incarnation: stop pushing, an admin must act (409);
 * - mutation_gap: resend from `expectedNextId` (422);
 * - enrolment_code_invalid: the code was wrong, expired or used (403);
 * - aborted: the kiosk itself cancelled the request (stop, or a nudge ending a long-poll).
 * `detail` is for the log only: never shown, never containing the credential.
 */
export type CloudFailure =
  | {
      kind: 'temporary';
      problem: Extract<
        SyncProblem,
        | 'network'
        | 'timeout'
        | 'temporarily_unavailable'
        | 'server_error'
        | 'request_refused'
        | 'invalid_response'
      >;
      detail: string;
    }
  | { kind: 'revoked'; problem: 'credential_revoked' | 'unauthorized'; detail: string }
  | { kind: 'unknown_incarnation'; detail: string }
  | { kind: 'mutation_gap'; expectedNextId: number; detail: string }
  | { kind: 'enrolment_code_invalid'; detail: string }
  | { kind: 'aborted'; detail: string };

export type CloudResult<T> = { ok: true; value: T } | { ok: false; failure: CloudFailure };

/** Sorts a thrown axios error (or anything else a request threw) into a CloudFailure. */
export function cloudFailureOf(error: unknown): CloudFailure {
  if (!(error instanceof AxiosError)) {
    return { kind: 'temporary', problem: 'network', detail: describe(error) };
  }
  if (error.code === AxiosError.ERR_CANCELED) {
    return { kind: 'aborted', detail: 'request cancelled' };
  }
  const response = error.response;
  if (!response) {
    const timedOut = error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT;
    return {
      kind: 'temporary',
      problem: timedOut ? 'timeout' : 'network',
      detail: `${error.code ?? 'network error'}: ${error.message}`,
    };
  }
  return failureOfStatus(response.status, response.data);
}

function failureOfStatus(status: number, body: unknown): CloudFailure {
  const parsed = SyncError.safeParse(body);
  const error = parsed.success ? parsed.data : undefined;
  const detail = `HTTP ${status}${error ? ` ${error.error}: ${error.message.slice(0, 300)}` : ''}`;
  if (status === 401) {
    return {
      kind: 'revoked',
      problem: error?.error === 'credential_revoked' ? 'credential_revoked' : 'unauthorized',
      detail,
    };
  }
  if (status === 403 && error?.error === 'enrolment_code_invalid') {
    return { kind: 'enrolment_code_invalid', detail };
  }
  if (status === 409) {
    return { kind: 'unknown_incarnation', detail };
  }
  if (status === 422 && error?.expectedNextId !== undefined) {
    return { kind: 'mutation_gap', expectedNextId: error.expectedNextId, detail };
  }
  if (status === 503) {
    return { kind: 'temporary', problem: 'temporarily_unavailable', detail };
  }
  if (status >= 500) {
    return { kind: 'temporary', problem: 'server_error', detail };
  }
  return { kind: 'temporary', problem: 'request_refused', detail };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
