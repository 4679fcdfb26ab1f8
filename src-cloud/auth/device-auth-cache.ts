import type { Clock } from '../../src-shared/time/clock.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { authenticateDevice, type DeviceIdentity } from './device-auth.js';
import { hashSecret } from './secret-hash.js';

/**
 * How long an accepted credential is trusted without reading the device row again. A bank
 * syncs every few seconds (push, pull, long-poll): without this every request pays a query
 * before its real work. Revocation still stops a push or a pull at once (both read the device
 * row anyway and refuse a revoked one); what may lag by up to this bound is a credential
 * replaced by a new enrolment of the same device, on a request that reads nothing else.
 */
export const deviceAuthCacheMs = 5_000;

/** Enough for every bank of a large instance; beyond it old entries are dropped first. */
const maxEntries = 20_000;

interface Entry {
  identity: DeviceIdentity;
  expiresAtMs: number;
}

/**
 * Remembers accepted credentials for `ttlMs` of the injected clock. Keys are digests of the
 * whole header, so no secret stays in memory. Refusals are never cached: a device enrolled a
 * moment ago is accepted on its first request.
 */
export class DeviceAuthCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly db: CloudDb,
    readonly clock: Clock,
    readonly ttlMs: number = deviceAuthCacheMs,
  ) {}

  async authenticate(authorizationHeader: string | undefined): Promise<DeviceIdentity> {
    const key = hashSecret(authorizationHeader ?? '');
    const nowMs = this.clock.now();
    const cached = this.#entries.get(key);
    if (cached !== undefined && nowMs < cached.expiresAtMs) {
      return cached.identity;
    }
    this.#entries.delete(key);
    const identity = await authenticateDevice(this.db, authorizationHeader);
    this.#remember(key, { identity, expiresAtMs: this.clock.now() + this.ttlMs });
    return identity;
  }

  #remember(key: string, entry: Entry): void {
    if (this.#entries.size >= maxEntries) {
      // A Map iterates in insertion order: the first entries are the oldest.
      for (const oldKey of [...this.#entries.keys()].slice(0, maxEntries / 10)) {
        this.#entries.delete(oldKey);
      }
    }
    this.#entries.set(key, entry);
  }
}
