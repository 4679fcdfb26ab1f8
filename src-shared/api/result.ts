import type { ErrorCode } from '../errors.js';

/** What crosses a process boundary instead of a thrown exception (IPC or WebSocket). */
export interface ApiError {
  code: ErrorCode;
  /** Already translated into the caller's language. */
  message: string;
  /** `too_many_attempts`: how long the keypad must wait before a code is checked again (X3). */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(
  code: ErrorCode,
  message: string,
  retryAfterMs?: number,
): Result<T> {
  return {
    ok: false,
    error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs },
  };
}
