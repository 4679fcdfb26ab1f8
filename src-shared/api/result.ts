import type { ErrorCode } from '../errors.js';

/** What crosses a process boundary instead of a thrown exception (IPC or WebSocket). */
export interface ApiError {
  code: ErrorCode;
  /** Already translated into the caller's language. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
