import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { readSyncProgress } from '../db/queries/sync-device.js';
import type { Logger } from '../logging/logger.js';

export interface OutboxWatch {
  stop(): void;
}

/**
 * Calls `onNewRows` when the kiosk issued new mutation ids since the last look, checked every
 * `intervalMs` on the injected clock. A poll of one primary-key row rather than a hook in the
 * dispatcher because outbox rows are also written outside method calls (door watch, timers,
 * expiries): this sees every writer, costs one indexed read a second, and needs no change in
 * the code that writes facts.
 */
export function watchOutbox(options: {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  onNewRows: () => void;
}): OutboxWatch {
  const { db, clock, logger } = options;
  let lastSeen = readSyncProgress(db).lastMutationId;
  let timer: TimerHandle | undefined;
  let stopped = false;

  const look = (): void => {
    timer = undefined;
    try {
      const { lastMutationId } = readSyncProgress(db);
      if (lastMutationId !== lastSeen) {
        lastSeen = lastMutationId;
        options.onNewRows();
      }
    } catch (error) {
      logger.error({ err: error }, 'reading the sync outbox position failed');
    }
    schedule();
  };
  const schedule = (): void => {
    if (!stopped) {
      timer = clock.setTimeout(look, options.intervalMs);
    }
  };
  schedule();
  return {
    stop: () => {
      stopped = true;
      if (timer) {
        clock.clearTimeout(timer);
      }
    },
  };
}
