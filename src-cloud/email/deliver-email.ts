import { and, eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Clock } from '../../src-shared/time/clock.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { emailOutbox } from '../db/schema.js';
import type { EmailRow } from './claim-due-emails.js';
import { classifyDeliveryError, redactAddresses } from './delivery-failure.js';
import { messageIdFor, outgoingMessage } from './outgoing-message.js';
import { maxDeliveryAttempts, retryDelayMs } from './retry-policy.js';
import { scrubbedBody } from './scrubbed-body.js';

export interface DeliveryDeps {
  db: CloudDb;
  clock: Clock;
  transport: Transporter;
  logger: Logger;
  from: string;
  random: () => number;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

const noAddressReason = 'The recipient has no email address.';

/**
 * Sends one claimed row and records what happened. Every update is guarded by
 * `state = 'pending'`, so a row some other path finished meanwhile is never overwritten.
 */
export async function deliverEmail(deps: DeliveryDeps, row: EmailRow): Promise<DeliveryOutcome> {
  const { db, clock, logger } = deps;
  const pending = and(eq(emailOutbox.id, row.id), eq(emailOutbox.state, 'pending'));
  const toEmail = row.toEmail;
  if (toEmail === null) {
    await db
      .update(emailOutbox)
      .set({ state: 'skipped', lastError: noAddressReason, ...scrubbedBody })
      .where(pending);
    return 'skipped';
  }
  // Who and what for the log, never the address's local part nor the body (it has the code).
  const logged = {
    emailId: row.id,
    bankId: row.bankId,
    kind: row.kind,
    domain: toEmail.slice(toEmail.lastIndexOf('@') + 1),
    attempt: row.attempts + 1,
  };
  try {
    await deps.transport.sendMail(outgoingMessage({ ...row, toEmail }, deps.from));
  } catch (error) {
    const failure = classifyDeliveryError(error);
    const attempts = row.attempts + 1;
    if (failure.kind === 'permanent' || attempts >= maxDeliveryAttempts) {
      await db
        .update(emailOutbox)
        .set({ state: 'failed', attempts, lastError: failure.reason, ...scrubbedBody })
        .where(pending);
      logger.warn({ ...logged, reason: redactAddresses(failure.reason) }, 'email failed for good');
      return 'failed';
    }
    const nextAttemptAt = clock.now() + retryDelayMs(attempts, deps.random);
    await db
      .update(emailOutbox)
      .set({ attempts, nextAttemptAt, lastError: failure.reason })
      .where(pending);
    logger.info(
      { ...logged, reason: redactAddresses(failure.reason), nextAttemptAt },
      'email will be retried',
    );
    return 'retry';
  }
  const messageId = messageIdFor(row.id, deps.from);
  await db
    .update(emailOutbox)
    .set({
      state: 'sent',
      attempts: row.attempts + 1,
      sentAt: clock.now(),
      messageId,
      lastError: null,
      ...scrubbedBody,
    })
    .where(pending);
  logger.info({ ...logged, messageId }, 'email sent');
  return 'sent';
}
