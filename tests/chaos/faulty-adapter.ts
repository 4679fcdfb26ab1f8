import axios, {
  AxiosError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';

/**
 * What the network does to one request (sync.md "Faults to inject"). `drop_response` is the
 * nasty one: the server received and committed, the bank never hears back.
 */
export const faultKinds = [
  'deliver',
  'drop_request',
  'drop_response',
  'duplicate',
  'delay',
  'status_503',
  'timeout',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export type Partition = 'none' | 'both_ways' | 'bank_to_cloud' | 'cloud_to_bank';

export interface FaultLog {
  kind: FaultKind | 'partitioned';
  url: string;
}

/**
 * An axios adapter between the kiosk's sync client and the real cloud server on loopback that
 * injects faults from a seeded plan: requests dropped before or after the server saw them,
 * duplicated, held back so a later request overtakes them (reordering), answered 503 or timed
 * out without reaching the server, and one-way or two-way partitions. Every request still goes
 * over real HTTP when it is delivered.
 */
export class FaultyNetwork {
  private partition: Partition = 'none';
  private readonly held: Promise<unknown>[] = [];
  private readonly forced: FaultKind[] = [];
  readonly log: FaultLog[] = [];

  constructor(
    private readonly random: () => number,
    private readonly weights: Partial<Record<FaultKind, number>>,
    private readonly inner: AxiosAdapter = axios.getAdapter('http'),
  ) {}

  setPartition(partition: Partition): void {
    this.partition = partition;
  }

  /** The next requests meet these faults, in order, before the weights apply again. */
  forceNext(...kinds: FaultKind[]): void {
    this.forced.push(...kinds);
  }

  setWeights(weights: Partial<Record<FaultKind, number>>): void {
    for (const kind of faultKinds) {
      this.weights[kind] = weights[kind] ?? 0;
    }
  }

  /** The network heals: no faults, no partition. */
  heal(): void {
    this.partition = 'none';
    this.forced.length = 0;
    for (const kind of Object.keys(this.weights) as FaultKind[]) {
      this.weights[kind] = kind === 'deliver' ? 1 : 0;
    }
  }

  /** Waits for the delayed (reordered) requests still in flight. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.held.splice(0));
  }

  readonly adapter: AxiosAdapter = async (config) => {
    const url = config.url ?? '';
    if (this.partition === 'both_ways' || this.partition === 'bank_to_cloud') {
      this.log.push({ kind: 'partitioned', url });
      throw networkError(config, 'ECONNREFUSED');
    }
    if (this.partition === 'cloud_to_bank') {
      this.log.push({ kind: 'partitioned', url });
      await this.inner(config).catch(() => undefined);
      throw networkError(config, 'ECONNRESET');
    }
    const kind = this.pick();
    this.log.push({ kind, url });
    switch (kind) {
      case 'deliver':
        return this.inner(config);
      case 'drop_request':
        throw networkError(config, 'ECONNRESET');
      case 'drop_response':
        await this.inner(config).catch(() => undefined);
        throw networkError(config, 'ECONNRESET');
      case 'duplicate': {
        const first = this.inner(config).catch(() => undefined);
        const second = await this.inner(config);
        await first;
        return second;
      }
      case 'delay': {
        // Sent later, after the caller has given up on it: a later request overtakes it.
        this.held.push(
          new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
            this.inner(config).catch(() => undefined),
          ),
        );
        throw networkError(config, 'ETIMEDOUT');
      }
      case 'status_503':
        return throwUnavailable(config);
      case 'timeout':
        throw networkError(config, 'ECONNABORTED');
    }
  };

  private pick(): FaultKind {
    const forced = this.forced.shift();
    if (forced !== undefined) {
      return forced;
    }
    const entries = faultKinds.map((kind) => [kind, this.weights[kind] ?? 0] as const);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [kind, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return kind;
      }
    }
    return 'deliver';
  }
}

function networkError(config: InternalAxiosRequestConfig, code: string): AxiosError {
  return new AxiosError(`chaos: ${code}`, code, config);
}

function throwUnavailable(config: InternalAxiosRequestConfig): never {
  const response: AxiosResponse = {
    data: { error: 'temporarily_unavailable', message: 'chaos: 503' },
    status: 503,
    statusText: 'Service Unavailable',
    headers: {},
    config,
  };
  throw new AxiosError('chaos: 503', AxiosError.ERR_BAD_RESPONSE, config, undefined, response);
}
