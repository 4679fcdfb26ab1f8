export type DatabaseOpenFailure =
  'newer_than_app' | 'corrupt' | 'pragma_not_applied' | 'migration_failed';

/** Why the kiosk database could not be opened; the kiosk then shows its out-of-service screen. */
export class DatabaseOpenError extends Error {
  readonly failure: DatabaseOpenFailure;

  constructor(failure: DatabaseOpenFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.failure = failure;
  }
}
