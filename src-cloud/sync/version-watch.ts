import type pg from 'pg';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';
import { versionChannel } from './versions.js';

/** Which counters a waiting pull cares about: its tenant's and its bank's. */
export interface WatchedScope {
  tenantId: string;
  bankId: string;
}

export interface VersionSubscription {
  /** Resolves at the first bump of a watched counter after subscribing (or a reconnect). */
  readonly changed: Promise<void>;
  cancel(): void;
}

/**
 * Wakes long-polls when a version moves. One LISTEN per server instance fans out to every
 * waiting pull of that instance (1,000 concurrent long-polls cost a map entry each, no query),
 * and NOTIFY is sent by the bump itself at commit (versions.ts), so a write through any
 * instance on the same PostgreSQL wakes pulls on all of them: the servers stay stateless.
 */
export interface VersionWatch {
  subscribe(scope: WatchedScope): VersionSubscription;
  close(): Promise<void>;
}

type Listener = () => void;

/** Backoff between attempts to get the LISTEN connection back after it broke. */
const reconnectDelaysMs = [100, 500, 2000, 5000];

class FanOut {
  readonly #listeners = new Map<string, Set<Listener>>();

  subscribe(scope: WatchedScope): VersionSubscription {
    const keys = [`tenant:${scope.tenantId}`, `bank:${scope.bankId}`];
    let listener: Listener = () => {};
    const changed = new Promise<void>((resolve) => {
      listener = resolve;
    });
    for (const key of keys) {
      const set = this.#listeners.get(key) ?? new Set<Listener>();
      set.add(listener);
      this.#listeners.set(key, set);
    }
    return {
      changed,
      cancel: () => {
        for (const key of keys) {
          const set = this.#listeners.get(key);
          set?.delete(listener);
          if (set?.size === 0) {
            this.#listeners.delete(key);
          }
        }
      },
    };
  }

  notify(key: string): void {
    for (const listener of this.#listeners.get(key) ?? []) {
      listener();
    }
  }

  /** After a gap in listening, a notification may have been missed: every pull looks again. */
  wakeAll(): void {
    for (const set of this.#listeners.values()) {
      for (const listener of set) {
        listener();
      }
    }
  }
}

interface PgliteListener {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

function pgliteClientOf(database: CloudDatabase): PgliteListener {
  const client = (database.db as unknown as { $client?: Partial<PgliteListener> }).$client;
  if (typeof client?.listen !== 'function') {
    throw new Error('The PGlite database does not expose LISTEN.');
  }
  return client as PgliteListener;
}

/** Starts the instance's one listener on the database's version channel. */
export async function createVersionWatch(
  database: CloudDatabase,
  clock: Clock,
): Promise<VersionWatch> {
  const fanOut = new FanOut();
  if (database.pool === null) {
    // PGlite is one process and one connection: its own LISTEN sees every committed bump.
    const unlisten = await pgliteClientOf(database).listen(versionChannel, (payload) =>
      fanOut.notify(payload),
    );
    return {
      subscribe: (scope) => fanOut.subscribe(scope),
      close: async () => {
        fanOut.wakeAll();
        await unlisten().catch(() => {});
      },
    };
  }
  return new PostgresVersionWatch(database.pool, clock, fanOut).start();
}

/** A dedicated pool client held for LISTEN, reconnected with backoff if it breaks. */
class PostgresVersionWatch implements VersionWatch {
  #client: pg.PoolClient | null = null;
  #closed = false;
  #attempt = 0;
  #retryTimer: TimerHandle | null = null;

  constructor(
    readonly pool: pg.Pool,
    readonly clock: Clock,
    readonly fanOut: FanOut,
  ) {}

  async start(): Promise<this> {
    await this.#connect();
    return this;
  }

  subscribe(scope: WatchedScope): VersionSubscription {
    return this.fanOut.subscribe(scope);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer !== null) {
      this.clock.clearTimeout(this.#retryTimer);
    }
    this.fanOut.wakeAll();
    const client = this.#client;
    this.#client = null;
    if (client !== null) {
      await client.query(`UNLISTEN ${versionChannel}`).catch(() => {});
      client.release(true);
    }
  }

  async #connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === versionChannel && message.payload !== undefined) {
        this.fanOut.notify(message.payload);
      }
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    await client.query(`LISTEN ${versionChannel}`);
    if (this.#closed) {
      client.release(true);
      return;
    }
    this.#client = client;
    this.#attempt = 0;
  }

  #lost(client: pg.PoolClient): void {
    if (this.#client !== client) {
      return;
    }
    this.#client = null;
    client.release(true);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed) {
      return;
    }
    const delay = reconnectDelaysMs[Math.min(this.#attempt, reconnectDelaysMs.length - 1)] ?? 5000;
    this.#attempt++;
    this.#retryTimer = this.clock.setTimeout(() => {
      this.#retryTimer = null;
      this.#connect().then(
        // Bumps made while nobody listened were not heard: let every waiting pull look again.
        () => this.fanOut.wakeAll(),
        () => this.#scheduleReconnect(),
      );
    }, delay);
  }
}
