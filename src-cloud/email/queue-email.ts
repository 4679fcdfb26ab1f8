import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import type { CloudTx } from '../db/open-cloud-database.js';
import { emailOutbox } from '../db/schema.js';
import { inChunks, unnestRows, type BulkColumn } from '../sync/bulk-sql.js';
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

const noAddressReason = 'The recipient has no email address.';

/**
 * The outbox row of one email, the one rule for both writes below: `pending`, or `skipped` for
 * a recipient without an address, whose row then keeps no copy of the code (decision 0009).
 */
function outboxRow(email: EmailToQueue, nowMs: number): typeof emailOutbox.$inferInsert {
  const { message } = email;
  const noAddress = message.to.email === null;
  const body = noAddress ? scrubbedBody : message;
  return {
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
    state: noAddress ? 'skipped' : 'pending',
    lastError: noAddress ? noAddressReason : null,
    nextAttemptAt: nowMs,
    createdAt: nowMs,
  };
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
  const inserted = await tx
    .insert(emailOutbox)
    .values(outboxRow(email, nowMs))
    .onConflictDoNothing({ target: [emailOutbox.bankId, emailOutbox.notificationId] })
    .returning({ id: emailOutbox.id });
  return inserted.length === 1 ? 'queued' : 'duplicate';
}

type OutboxRow = ReturnType<typeof outboxRow>;

const outboxColumns: readonly BulkColumn<OutboxRow>[] = [
  ['id', 'text', (row) => row.id],
  ['tenant_id', 'text', (row) => row.tenantId],
  ['bank_id', 'text', (row) => row.bankId],
  ['notification_id', 'text', (row) => row.notificationId],
  ['kind', 'text', (row) => row.kind],
  ['to_name', 'text', (row) => row.toName],
  ['to_email', 'text', (row) => row.toEmail],
  ['language', 'text', (row) => row.language],
  ['subject', 'text', (row) => row.subject],
  ['text', 'text', (row) => row.text],
  ['html', 'text', (row) => row.html],
  ['inline_images', 'text', (row) => JSON.stringify(row.inlineImages)],
  ['parcel_ids', 'text', (row) => JSON.stringify(row.parcelIds)],
  ['expires_at', 'bigint', (row) => row.expiresAt],
  ['state', 'text', (row) => row.state],
  ['last_error', 'text', (row) => row.lastError],
];

/**
 * queueEmail for a whole push batch, row for row the same, in a few statements: a catch-up of
 * 100,000 mutations holds some 25,000 notifications, and one statement each would cost more
 * than the rest of the push.
 */
export async function queueEmails(
  tx: CloudTx,
  emails: readonly EmailToQueue[],
  nowMs: number,
): Promise<void> {
  for (const chunk of inChunks(emails, 500)) {
    const rows = chunk.map((email) => outboxRow(email, nowMs));
    await tx.execute(sql`
      INSERT INTO email_outbox (id, tenant_id, bank_id, notification_id, kind, to_name, to_email,
        language, subject, text, html, inline_images, parcel_ids, expires_at, state, last_error,
        next_attempt_at, created_at)
      SELECT u.id, u.tenant_id, u.bank_id, u.notification_id, u.kind, u.to_name, u.to_email,
        u.language, u.subject, u.text, u.html, u.inline_images::jsonb, u.parcel_ids::jsonb,
        u.expires_at, u.state, u.last_error, ${nowMs}::bigint, ${nowMs}::bigint
      FROM ${unnestRows(rows, outboxColumns)}
      ON CONFLICT (bank_id, notification_id) DO NOTHING`);
  }
}
