import type { AxiosAdapter } from 'axios';
import type { SyncStatus } from '../../src-shared/api/sync-methods.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { readSyncProgress, type SyncIdentity } from '../db/queries/sync-device.js';
import { countUnackedOutbox } from '../db/queries/sync-outbox.js';
import type { Logger } from '../logging/logger.js';
import { kioskAppVersion } from './app-version.js';
import { applyServerOps } from './apply/apply-server-ops.js';
import { rebasePendingMutations } from './apply/rebase-pending.js';
import type { AppliedPage } from './pull-apply.js';
import { createSyncEngine, type RemoteCommands } from './sync-engine.js';

/** What the kiosk core holds of its sync client, whether or not a cloud is configured. */
export interface KioskSync {
  /** Called once the hardware runs: a pending remote open may want a door at once. */
  start(): void;
  status(): SyncStatus;
  onStatusChanged(listener: (status: SyncStatus) => void): () => void;
  nudge(): void;
  stop(): Promise<void>;
}

export interface KioskSyncOptions {
  /** The cloud's base URL; without it nothing starts and the status says `not_configured`. */
  cloudUrl?: string | undefined;
  enrolmentCode?: string | undefined;
  adapter?: AxiosAdapter | undefined;
  random?: (() => number) | undefined;
}

export interface KioskSyncDependencies {
  db: KioskDb;
  dataDir: string;
  identity: SyncIdentity;
  bankId: string;
  clock: Clock;
  logger: Logger;
  remoteCommands?: RemoteCommands | undefined;
  afterPage?: (page: AppliedPage) => void;
}

/** The sync engine when a cloud is configured; otherwise a status that says so. */
export function createKioskSync(
  options: KioskSyncOptions,
  dependencies: KioskSyncDependencies,
): KioskSync {
  const { cloudUrl } = options;
  if (!cloudUrl) {
    return notConfigured(dependencies.db);
  }
  const engine = createSyncEngine({
    ...dependencies,
    cloudUrl,
    enrolmentCode: options.enrolmentCode,
    appVersion: kioskAppVersion(),
    random: options.random ?? Math.random,
    adapter: options.adapter,
    applyServerOps,
    rebasePendingMutations,
  });
  return engine;
}

/** No cloud: the queue still grows (the facts wait for a cloud), so the depth is real. */
function notConfigured(db: KioskDb): KioskSync {
  return {
    start: () => undefined,
    status: () => ({
      state: 'not_configured',
      lastSyncAt: readSyncProgress(db).lastSyncAt,
      queueDepth: countUnackedOutbox(db),
      problem: null,
    }),
    onStatusChanged: () => () => undefined,
    nudge: () => undefined,
    stop: () => Promise.resolve(),
  };
}
