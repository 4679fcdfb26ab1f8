import type { KioskReader } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import { relayQueuedNotifications, removePartialFiles } from './file-mailbox.js';

export interface MailboxRelay {
  /** Asks for a run; returns at once. Call it after each commit that queued a notification. */
  request(): void;
  /** Resolves when no run is going on or waiting (for tests and a clean shutdown). */
  settled(): Promise<void>;
}

/**
 * Runs relayQueuedNotifications one at a time: a request during a run makes exactly one more
 * run afterwards, however many requests came, so deposits in quick succession never start
 * overlapping runs. A failed run is logged and does not stop later ones: the mailbox is a view,
 * and the next run writes whatever is still missing. The first run (at creation) also removes
 * files a crash left half-written.
 */
export function createMailboxRelay(options: {
  db: KioskReader;
  folder: string;
  logger: Logger;
}): MailboxRelay {
  const { db, folder, logger } = options;
  let runAgain = false;
  let running: Promise<void> | null = null;

  async function runOnce(): Promise<void> {
    const report = await relayQueuedNotifications(db, folder);
    if (report.written.length > 0) {
      logger.info({ folder, files: report.written }, 'notifications written to the mailbox');
    }
    if (report.skipped.length > 0) {
      // Ids and reasons only: the rows hold clear pickup codes.
      logger.warn({ folder, skipped: report.skipped }, 'notifications not written to the mailbox');
    }
  }

  async function loop(first: Promise<void>): Promise<void> {
    await first;
    do {
      runAgain = false;
      try {
        await runOnce();
      } catch (error) {
        logger.error(
          { err: error, folder },
          'the mailbox relay failed; it retries on the next request',
        );
      }
    } while (runAgain);
    running = null;
  }

  function start(before: Promise<void>) {
    running = loop(before);
  }

  function request() {
    if (running) {
      runAgain = true;
      return;
    }
    start(Promise.resolve());
  }

  start(
    removePartialFiles(folder).catch((error: unknown) => {
      logger.error({ err: error, folder }, 'could not clean half-written mailbox files');
    }),
  );

  return {
    request,
    async settled() {
      while (running) {
        await running;
      }
    },
  };
}
