import {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { SyncCookie } from '../../../src-shared/sync/cookie.js';
import type { EnrolRequest, SyncError } from '../../../src-shared/sync/enrolment.js';
import type { Mutation } from '../../../src-shared/sync/mutation.js';
import type { PullOp, PullRequest, PullResponse } from '../../../src-shared/sync/pull.js';
import type { PushRequest } from '../../../src-shared/sync/push.js';
import type { ManualClock } from '../../../src-shared/time/manual-clock.js';

export type FakeRoute = 'enrol' | 'push' | 'pull';

/**
 * What the next request to a route meets:
 * - network: never reaches the cloud; drop_response: the cloud commits, the answer is lost;
 * - status: the cloud answers this status with a sync error body (nothing committed);
 * - timeout: like network, as a timeout; garbage: 200 with a body outside the protocol;
 * - partial: a push applies only its first `count` mutations and answers with that;
 * - tamper: a pull's answer is rewritten (an older cookie, a foreign lastMutationId...).
 */
export type FakeFault =
  | { kind: 'network' }
  | { kind: 'drop_response' }
  | { kind: 'timeout' }
  | { kind: 'garbage' }
  | { kind: 'status'; status: number; body: SyncError }
  | { kind: 'partial'; count: number }
  | { kind: 'tamper'; rewrite: (response: PullResponse) => PullResponse };

export interface RecordedRequest {
  route: FakeRoute;
  body: unknown;
  bytes: number;
  authorization: string | undefined;
}

/**
 * The cloud's three device routes, in memory, for unit tests of the kiosk's sync client: just
 * enough of the protocol (sync.md) to see what the kiosk sends and to break it on purpose. The
 * chaos suite runs the same client against the real cloud server.
 */
export class FakeCloud {
  readonly credential = `kiosk-1.${'s'.repeat(43)}`;
  readonly validCodes = new Set<string>();
  incarnationId: string | undefined;
  revoked = false;
  lastMutationId = 0;
  readonly appliedIds: number[] = [];
  hashAlarms = 0;
  pageSize = 100;
  serverSkewMs = 0;
  upgradeRequired = false;
  readonly requests: RecordedRequest[] = [];
  abortedPulls = 0;
  readonly #hashes = new Map<number, string>();
  readonly #versions: { bank: number; ops: PullOp[] }[] = [];
  readonly #faults = new Map<FakeRoute, FakeFault[]>();
  readonly #waiters = new Set<() => void>();
  readonly #clock: ManualClock;

  constructor(clock: ManualClock) {
    this.#clock = clock;
  }

  /** The cloud already knows this kiosk (as after an enrolment in an earlier run). */
  enrolled(incarnationId: string): this {
    this.incarnationId = incarnationId;
    return this;
  }

  fail(route: FakeRoute, ...faults: FakeFault[]): void {
    this.#faults.set(route, [...(this.#faults.get(route) ?? []), ...faults]);
  }

  /** Every request to `route` fails this way until `heal`. */
  failAlways(route: FakeRoute, fault: FakeFault): void {
    this.#faults.set(route, new Array<FakeFault>(10_000).fill(fault));
  }

  heal(): void {
    this.#faults.clear();
  }

  /** A server-side change: a new bank version carrying `ops`; wakes long-polls. */
  publish(...ops: PullOp[]): number {
    const bank = (this.#versions.at(-1)?.bank ?? 0) + 1;
    this.#versions.push({ bank, ops });
    for (const wake of [...this.#waiters]) {
      wake();
    }
    return bank;
  }

  get bankVersion(): number {
    return this.#versions.at(-1)?.bank ?? 0;
  }

  requestsTo(route: FakeRoute): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  pushedBatches(): number[][] {
    return this.requestsTo('push').map((request) =>
      (request.body as PushRequest).mutations.map((mutation) => mutation.id),
    );
  }

  readonly adapter: AxiosAdapter = async (config) => {
    const route = routeOf(config.url ?? '');
    const text = typeof config.data === 'string' ? config.data : JSON.stringify(config.data);
    const body = JSON.parse(text) as unknown;
    const authorization = AxiosHeaders.from(config.headers).get('authorization');
    this.requests.push({
      route,
      body,
      bytes: Buffer.byteLength(text, 'utf8'),
      authorization: typeof authorization === 'string' ? authorization : undefined,
    });
    const fault = this.#faults.get(route)?.shift();
    if (fault?.kind === 'network') {
      throw new AxiosError('connect ECONNREFUSED', AxiosError.ERR_NETWORK, config);
    }
    if (fault?.kind === 'timeout') {
      throw new AxiosError('timeout exceeded', AxiosError.ECONNABORTED, config);
    }
    if (fault?.kind === 'status') {
      return reply(config, fault.status, fault.body);
    }
    if (fault?.kind === 'garbage') {
      return reply(config, 200, { hello: 'proxy page' });
    }
    const answer = await this.#answer(route, body, authorization, config, fault);
    if (fault?.kind === 'drop_response') {
      throw new AxiosError('socket hang up', AxiosError.ERR_NETWORK, config);
    }
    return reply(config, answer.status, answer.body);
  };

  async #answer(
    route: FakeRoute,
    body: unknown,
    authorization: unknown,
    config: InternalAxiosRequestConfig,
    fault: FakeFault | undefined,
  ): Promise<{ status: number; body: unknown }> {
    if (route === 'enrol') {
      return this.#enrol(body as EnrolRequest);
    }
    if (authorization !== `Bearer ${this.credential}`) {
      return refusal(401, 'unauthorized');
    }
    if (this.revoked) {
      return refusal(401, 'credential_revoked');
    }
    if (route === 'push') {
      return this.#push(body as PushRequest, fault);
    }
    return this.#pull(body as PullRequest, config, fault);
  }

  #enrol(request: EnrolRequest): { status: number; body: unknown } {
    if (!this.validCodes.delete(request.enrolmentCode)) {
      return refusal(403, 'enrolment_code_invalid');
    }
    this.incarnationId = request.incarnationId;
    this.revoked = false;
    return {
      status: 200,
      body: {
        tenantId: 'tenant-1',
        bankId: 'cloud-bank-1',
        bankName: 'Lobby',
        credential: this.credential,
      },
    };
  }

  #push(request: PushRequest, fault: FakeFault | undefined): { status: number; body: unknown } {
    if (request.incarnationId !== this.incarnationId) {
      return refusal(409, 'unknown_incarnation');
    }
    const mutations: Mutation[] =
      fault?.kind === 'partial' ? request.mutations.slice(0, fault.count) : request.mutations;
    for (const mutation of mutations) {
      if (mutation.id <= this.lastMutationId) {
        if (this.#hashes.has(mutation.id) && this.#hashes.get(mutation.id) !== mutation.argsHash) {
          this.hashAlarms += 1;
        }
        continue;
      }
      if (mutation.id !== this.lastMutationId + 1) {
        return refusal(422, 'mutation_gap', this.lastMutationId + 1);
      }
      this.#hashes.set(mutation.id, mutation.argsHash);
      this.appliedIds.push(mutation.id);
      this.lastMutationId = mutation.id;
    }
    return { status: 200, body: { lastMutationId: this.lastMutationId, results: [] } };
  }

  async #pull(
    request: PullRequest,
    config: InternalAxiosRequestConfig,
    fault: FakeFault | undefined,
  ): Promise<{ status: number; body: unknown }> {
    const from = request.cookie?.bank ?? 0;
    if (request.waitMs > 0 && this.bankVersion <= from) {
      await this.#longPoll(request.waitMs, config);
    }
    const pending = this.#versions.filter((version) => version.bank > from);
    const page = pending.slice(0, this.pageSize);
    const cookie: SyncCookie = {
      bank: page.at(-1)?.bank ?? Math.max(from, this.bankVersion),
      tenant: 0,
    };
    const ops: PullOp[] = [
      ...(request.cookie === null ? [{ op: 'clear' as const }] : []),
      ...page.flatMap((version) => version.ops),
    ];
    let response: PullResponse = {
      cookie,
      ops,
      lastMutationId: this.lastMutationId,
      results: [],
      more: pending.length > page.length,
      serverTimeMs: this.#clock.now() + this.serverSkewMs,
      upgradeRequired: this.upgradeRequired,
    };
    if (fault?.kind === 'tamper') {
      response = fault.rewrite(response);
    }
    return { status: 200, body: response };
  }

  /** Holds the pull until news, the wait (on the test's clock), or the kiosk aborting. */
  #longPoll(waitMs: number, config: InternalAxiosRequestConfig): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = config.signal as AbortSignal | undefined;
      const finish = (): void => {
        this.#waiters.delete(finish);
        this.#clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        this.#waiters.delete(finish);
        this.#clock.clearTimeout(timer);
        this.abortedPulls += 1;
        reject(new CanceledError(undefined, config));
      };
      const timer = this.#clock.setTimeout(finish, waitMs);
      this.#waiters.add(finish);
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function routeOf(url: string): FakeRoute {
  if (url.endsWith('/v1/enrol')) {
    return 'enrol';
  }
  if (url.endsWith('/v1/sync/push')) {
    return 'push';
  }
  if (url.endsWith('/v1/sync/pull')) {
    return 'pull';
  }
  throw new Error(`the fake cloud has no route ${url}`);
}

function refusal(
  status: number,
  error: SyncError['error'],
  expectedNextId?: number,
): { status: number; body: SyncError } {
  return {
    status,
    body: { error, message: `fake cloud: ${error}`, ...(expectedNextId ? { expectedNextId } : {}) },
  };
}

/** Settles like axios's own adapters: a 2xx resolves, anything else rejects with the response. */
function reply(config: InternalAxiosRequestConfig, status: number, body: unknown): AxiosResponse {
  const response: AxiosResponse = {
    data: JSON.stringify(body),
    status,
    statusText: String(status),
    headers: { 'content-type': 'application/json' },
    config,
    request: {},
  };
  if (status >= 200 && status < 300) {
    return response;
  }
  throw new AxiosError(
    `Request failed with status code ${status}`,
    status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
    config,
    {},
    response,
  );
}
