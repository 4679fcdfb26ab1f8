import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AdminError } from '../admin/admin-error.js';
import { CloudError } from '../cloud-error.js';
import { InvalidEntityError } from '../sync/entity-writes.js';

/** The body of every refusal: a stable code a client acts on, a message for a person or a log. */
export interface ErrorBody {
  error: string;
  message: string;
  [extra: string]: unknown;
}

// PostgreSQL SQLSTATEs that say "try again", not "you are wrong": connection exceptions (08),
// shutdown and too-many-connections (57P0x, 53300), serialization failures and deadlocks.
const retryableSqlStates = new Set(['53300', '57P01', '57P02', '57P03', '40001', '40P01']);
const retryableSystemCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const unavailableMessages = [
  'PGlite is closed',
  'Cannot use a pool after calling end on the pool',
  'Connection terminated',
  'timeout exceeded when trying to connect',
];

/**
 * Whether an error means the database cannot be reached or asked to retry, anywhere in its cause
 * chain (drizzle wraps driver errors in DrizzleQueryError). Such a request gets 503 so a bank
 * backs off and retries instead of treating it as a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (retryableSystemCodes.has(code) || retryableSqlStates.has(code) || code.startsWith('08')) {
        return true;
      }
    }
    if (
      unavailableMessages.some((text) => current instanceof Error && current.message.includes(text))
    ) {
      return true;
    }
    current = current.cause;
  }
  return false;
}

/**
 * What is safe to log of an unexpected error: names, codes and messages of the cause chain, and
 * the stack, but never a failed query's parameters (they carry personal data and code hashes).
 */
export function describeError(error: unknown): Record<string, unknown> {
  const chain: Record<string, unknown>[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const query = (current as { query?: unknown }).query;
    chain.push({
      name: current.name,
      code: (current as { code?: unknown }).code,
      message: typeof query === 'string' ? `Failed query: ${query}` : current.message,
    });
    current = current.cause;
  }
  return {
    errors: chain.length > 0 ? chain : [{ message: String(error) }],
    stack: error instanceof Error ? error.stack?.split('\n').slice(1, 8).join('\n') : undefined,
  };
}

function validationMessage(error: { validation: unknown; validationContext?: unknown }): string {
  const context = typeof error.validationContext === 'string' ? error.validationContext : 'body';
  const issues = Array.isArray(error.validation) ? error.validation : [];
  return issues
    .slice(0, 5)
    .map((issue: { instancePath?: string; message?: string }) => {
      const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      return `${path === '' ? context : `${context}.${path}`}: ${issue.message ?? 'invalid'}`;
    })
    .join('; ');
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Maps anything a route throws to a status and an ErrorBody (the task's error contract). */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof CloudError || error instanceof AdminError) {
    return { status: error.httpStatus, body: error.toBody() };
  }
  if (error instanceof InvalidEntityError) {
    return {
      status: 400,
      body: {
        error: 'invalid_request',
        message: error.message,
        kind: error.kind,
        id: error.id,
        problem: error.problem,
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, body: { error: 'invalid_request', message: validationMessage(error) } };
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: { error: 'invalid_request', message: 'The request body is too large.' },
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: {
        error: 'temporarily_unavailable',
        message: 'The database is unavailable; retry later.',
      },
    };
  }
  // Fastify's own refusals (malformed JSON, unsupported media type...) keep their 4xx status and
  // their message, which names the problem and never echoes the body.
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500 && error instanceof Error) {
    return { status, body: { error: 'invalid_request', message: error.message } };
  }
  return {
    status: 500,
    body: { error: 'internal_error', message: 'Something went wrong on the server.' },
  };
}

/** Fastify error handler: answers with errorResponse, logs server faults without the body. */
export async function handleError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const { status, body } = errorResponse(error);
  if (status >= 500) {
    request.log.error(
      { route: request.routeOptions.url, status, ...describeError(error) },
      status === 503 ? 'database unavailable' : 'request failed',
    );
  }
  if (status === 503) {
    void reply.header('Retry-After', '5');
  }
  await reply.code(status).send(body);
}

/** 404 for a path no route serves, in the same shape as every other refusal. */
export async function handleNotFound(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await reply.code(404).send({
    error: 'not_found',
    message: `No route ${request.method} ${request.url.split('?')[0]}.`,
  });
}
