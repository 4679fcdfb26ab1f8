import type { PullOp } from '../../../src-shared/sync/pull.js';

/**
 * An op of a pull page the bank cannot apply (a value that fails its schema, a reference to a
 * row the bank does not have, a constraint it breaks). Thrown out of the page's transaction, so
 * nothing of the page is applied; the sync client reports it and retries the pull later.
 */
export class ServerOpError extends Error {
  readonly op: PullOp['op'];
  readonly kind: string;
  readonly id: string;
  readonly problem: string;

  constructor(op: PullOp, problem: string, options?: { cause?: unknown }) {
    const kind = op.op === 'clear' ? '(all)' : op.kind;
    const id = op.op === 'clear' ? '(all)' : op.id;
    super(
      op.op === 'clear'
        ? `Cannot apply clear: ${problem}`
        : `Cannot apply ${op.op} ${kind} ${id}: ${problem}`,
      options,
    );
    this.name = 'ServerOpError';
    this.op = op.op;
    this.kind = kind;
    this.id = id;
    this.problem = problem;
  }
}

/**
 * The reason, without the query text: a failed statement's message carries its parameters,
 * password and credential hashes included, and this message ends up in logs.
 */
export function problemOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message !== '') {
    return cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A reference the op needs and the bank does not have. */
export function requireReference(found: unknown, what: string, id: string): void {
  if (found === undefined) {
    throw new Error(`unknown ${what} ${id}`);
  }
}
