import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';
import { claimDueEmails } from './claim-due-emails.js';
import { deliverEmail, type DeliveryDeps } from './deliver-email.js';
import { defaultSender } from './outgoing-message.js';
import { defaultReminderPolicy, queueDueReminders, type ReminderPolicy } from './reminders.js';

export interface EmailWorkerDeps {
  database: CloudDatabase;
  clock: Clock;
  transport: Transporter;
  logger: Logger;
  /** The From header, `"Name" <address>`; a `.invalid` placeholder when absent. */
  from?: string;
  /** Pause between rounds of the timer loop. */
  intervalMs?: number;
  reminders?: ReminderPolicy;
  /** For retry jitter; tests pin it. */
  random?: () => number;
}

export interface EmailWorker {
  /** Stops the timer loop and waits for a round in progress. */
  stop(): Promise<void>;
  /** Queues due reminders, then sends every due row once; returns how many rows it handled. */
  runOnce(): Promise<number>;
}

/** Rows claimed per transaction: small, so other instances share a large backlog. */
const claimBatchSize = 20;

/**
 * The sender of the server-side email outbox (sync.md "Notifications"). Any number of server
 * instances may run one against the same database: rows are claimed with a lease
 * (claim-due-emails.ts), never by assuming a single worker. Rounds of one worker never overlap,
 * whether started by its timer or by `runOnce`.
 */
export function startEmailWorker(deps: EmailWorkerDeps): EmailWorker {
  const { clock, logger } = deps;
  const db = deps.database.db;
  const intervalMs = deps.intervalMs ?? 5_000;
  const reminders = deps.reminders ?? defaultReminderPolicy;
  const delivery: DeliveryDeps = {
    db,
    clock,
    transport: deps.transport,
    logger,
    from: deps.from ?? defaultSender,
    random: deps.random ?? Math.random,
  };

  let stopped = false;
  let timer: TimerHandle | null = null;
  let round: Promise<unknown> = Promise.resolve();

  async function sendDue(): Promise<number> {
    // A failure here must not hold up notices already queued: log it, send, try again next round.
    try {
      const reminded = await queueDueReminders(db, clock.now(), reminders);
      if (reminded > 0) {
        logger.info({ reminders: reminded }, 'expiry reminders queued');
      }
    } catch (error) {
      logger.error({ err: error }, 'queueing expiry reminders failed; sending goes on');
    }
    let handled = 0;
    for (;;) {
      const claimed = await claimDueEmails(db, clock.now(), claimBatchSize);
      handled += claimed.skipped;
      if (claimed.toSend.length === 0 && claimed.skipped === 0) {
        return handled;
      }
      for (const row of claimed.toSend) {
        await deliverEmail(delivery, row);
        handled++;
      }
    }
  }

  function runOnce(): Promise<number> {
    const next = round.then(sendDue, sendDue);
    round = next.catch(() => {});
    return next;
  }

  function schedule(): void {
    if (stopped) {
      return;
    }
    timer = clock.setTimeout(() => {
      timer = null;
      runOnce()
        .catch((error: unknown) => {
          logger.error({ err: error }, 'the email worker round failed; it runs again later');
        })
        .finally(schedule);
    }, intervalMs);
  }

  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer !== null) {
        clock.clearTimeout(timer);
        timer = null;
      }
      await round;
    },
  };
}
