import { v7 as uuidv7 } from 'uuid';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import type { CloudTx } from '../db/open-cloud-database.js';
import { emailOutbox } from '../db/schema.js';
import { scrubbedBody } from './scrubbed-body.js';

export interface EmailToQueue {
  tenantId: string;
  bankId: string;
  /** Unique per bank: the kiosk's notification id, or a job's own key (reminders). */
  notificationId: string;
  kind: string;
  message: ComposedMessage;
  parcelIds: readonly string[];
  /** Past this instant the message is skipped instead of sent late (the code has expired). */
  expiresAt: number | null;
}

/**
 * Writes one email into the server-side outbox in the caller's transaction (sync.md
 * "Notifications"), so the email exists if and only if the event that causes it commits. A
 * notification id seen before queues nothing: a replayed mutation never sends a second email.
 * A recipient without an address is recorded as `skipped`, so the console can show it.
 */
export async function queueEmail(
  tx: CloudTx,
  email: EmailToQueue,
  nowMs: number,
): Promise<'queued' | 'duplicate'> {
  const { message } = email;
  // A message nobody will send keeps no copy of its code (decision 0009).
  const body = message.to.email === null ? scrubbedBody : message;
  const inserted = await tx
    .insert(emailOutbox)
    .values({
      id: uuidv7({ msecs: nowMs }),
      tenantId: email.tenantId,
      bankId: email.bankId,
      notificationId: email.notificationId,
      kind: email.kind,
      toName: message.to.name,
      toEmail: message.to.email,
      language: message.language,
      subject: message.subject,
      text: body.text,
      html: body.html,
      inlineImages: [...body.inlineImages],
      parcelIds: [...email.parcelIds],
      expiresAt: email.expiresAt,
      state: message.to.email === null ? 'skipped' : 'pending',
      lastError: message.to.email === null ? 'The recipient has no email address.' : null,
      nextAttemptAt: nowMs,
      createdAt: nowMs,
    })
    .onConflictDoNothing({ target: [emailOutbox.bankId, emailOutbox.notificationId] })
    .returning({ id: emailOutbox.id });
  return inserted.length === 1 ? 'queued' : 'duplicate';
}
