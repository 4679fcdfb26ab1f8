import type { PullOp } from '../../../src-shared/sync/pull.js';

/**
 * An op of a pull page the bank could not apply for a reason that is not the op's own: the
 * database itself failed (a missing table, a full disk, a bug). Thrown out of the page's
 * transaction, so nothing of the page is applied; the sync client reports it and retries the
 * pull later. An op that is itself at fault is skipped instead (SkippedOp).
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

/**
 * The op itself cannot land here: a reference the bank does not have (a contact deleted since,
 * a typo'd compartment id) or a value that contradicts itself. Such an op is skipped, not the
 * whole page: retrying the page would meet it again forever and block every later update.
 */
export class UnresolvableOp extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvableOp';
  }
}

/** An op left out of a page, as it is logged: kind, id and what is wrong, no personal data. */
export interface SkippedOp {
  kind: string;
  id: string;
  problem: string;
}

/** A reference the op needs and the bank does not have. */
export function requireReference(found: unknown, what: string, id: string): void {
  if (found === undefined) {
    throw new UnresolvableOp(`unknown ${what} ${id}`);
  }
}

/**
 * Whether an op's failure is the op's own (skip it) rather than the database's (refuse the
 * page): an unresolvable reference, or a constraint of the kiosk's tables its value breaks
 * (a label another compartment holds). A constraint is the data's conflict, never a broken file.
 */
export function isOpOwnFault(error: unknown): boolean {
  if (error instanceof UnresolvableOp) {
    return true;
  }
  const cause = (error as { cause?: unknown }).cause ?? error;
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
