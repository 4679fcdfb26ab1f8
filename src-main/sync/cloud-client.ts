import axios, { type AxiosAdapter, type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { EnrolResponse, type EnrolRequest } from '../../src-shared/sync/enrolment.js';
import { PullResponse, type PullRequest } from '../../src-shared/sync/pull.js';
import { PushResponse, type PushRequest } from '../../src-shared/sync/push.js';
import { cloudFailureOf, type CloudResult } from './cloud-failure.js';
import { normaliseCloudUrl } from './cloud-credential-home.js';

export interface CloudClientOptions {
  cloudUrl: string;
  /** The device credential; absent for enrolment, the one call made without it. */
  credential?: string;
  /** For tests and the chaos suite: an adapter that fakes or breaks the network. */
  adapter?: AxiosAdapter;
  /** Push and enrolment; a pull's own timeout follows its long-poll wait. */
  timeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The three device routes of the cloud's sync API (sync.md), answers validated. */
export interface CloudClient {
  enrol(request: EnrolRequest, options?: RequestOptions): Promise<CloudResult<EnrolResponse>>;
  push(request: PushRequest, options?: RequestOptions): Promise<CloudResult<PushResponse>>;
  pull(request: PullRequest, options?: RequestOptions): Promise<CloudResult<PullResponse>>;
}

export const defaultCloudTimeoutMs = 30_000;

/**
 * One axios instance per credential. Every answer is checked against the protocol's schema: a
 * cloud (or a proxy in between) that answers something else is a temporary failure, retried,
 * never applied half-understood.
 */
export function createCloudClient(options: CloudClientOptions): CloudClient {
  const http = axios.create({
    baseURL: normaliseCloudUrl(options.cloudUrl),
    timeout: options.timeoutMs ?? defaultCloudTimeoutMs,
    headers: {
      'content-type': 'application/json',
      ...(options.credential ? { authorization: `Bearer ${options.credential}` } : {}),
    },
    // A redirect could carry the Bearer credential to another host.
    maxRedirects: 0,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  return {
    enrol: (request, requestOptions) =>
      post(http, '/v1/enrol', request, EnrolResponse, requestOptions),
    push: (request, requestOptions) =>
      post(http, '/v1/sync/push', request, PushResponse, requestOptions),
    pull: (request, requestOptions) =>
      post(http, '/v1/sync/pull', request, PullResponse, requestOptions),
  };
}

async function post<T>(
  http: AxiosInstance,
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<CloudResult<T>> {
  let data: unknown;
  try {
    const response = await http.post<unknown>(path, body, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    });
    data = response.data;
  } catch (error) {
    return { ok: false, failure: cloudFailureOf(error) };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      failure: {
        kind: 'temporary',
        problem: 'invalid_response',
        detail: `${path} answered outside the protocol: ${parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')}`,
      },
    };
  }
  return { ok: true, value: parsed.data };
}
