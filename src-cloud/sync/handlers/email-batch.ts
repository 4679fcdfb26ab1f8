import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CloudTx } from '../../db/open-cloud-database.js';
import type { EmailToQueue } from '../../email/queue-email.js';
import { arrayParam, inChunks } from '../bulk-sql.js';

const noAddress = 'The recipient has no email address.';

/**
 * The batch form of queueEmail (src-cloud/email/queue-email.ts), row for row the same: one
 * outbox row per (bank, notification id), `skipped` for a recipient without an address, and a
 * notification seen before queues nothing. A catch-up of 100,000 mutations holds some 25,000
 * notifications, and one statement each would cost more than the rest of the push.
 */
export async function queueEmails(
  tx: CloudTx,
  emails: readonly EmailToQueue[],
  nowMs: number,
): Promise<void> {
  for (const chunk of inChunks(emails, 500)) {
    const text = (pick: (email: EmailToQueue) => string | null) =>
      arrayParam(chunk.map(pick), 'text');
    const columns = [
      text(() => uuidv7({ msecs: nowMs })),
      text((email) => email.tenantId),
      text((email) => email.bankId),
      text((email) => email.notificationId),
      text((email) => email.kind),
      text((email) => email.message.to.name),
      text((email) => email.message.to.email),
      text((email) => email.message.language),
      text((email) => email.message.subject),
      text((email) => email.message.text),
      text((email) => email.message.html),
      text((email) => JSON.stringify(email.message.inlineImages)),
      text((email) => JSON.stringify(email.parcelIds)),
      arrayParam(
        chunk.map((email) => email.expiresAt),
        'bigint',
      ),
    ];
    await tx.execute(sql`
      INSERT INTO email_outbox (id, tenant_id, bank_id, notification_id, kind, to_name, to_email,
        language, subject, text, html, inline_images, parcel_ids, expires_at, state,
        next_attempt_at, last_error, created_at)
      SELECT u.id, u.tenant_id, u.bank_id, u.notification_id, u.kind, u.to_name, u.to_email,
        u.language, u.subject, u.text, u.html, u.inline_images::jsonb, u.parcel_ids::jsonb,
        u.expires_at, CASE WHEN u.to_email IS NULL THEN 'skipped' ELSE 'pending' END,
        ${nowMs}::bigint, CASE WHEN u.to_email IS NULL THEN ${noAddress} END, ${nowMs}::bigint
      FROM unnest(${sql.join(columns, sql`, `)})
        AS u(id, tenant_id, bank_id, notification_id, kind, to_name, to_email, language,
          subject, text, html, inline_images, parcel_ids, expires_at)
      ON CONFLICT (bank_id, notification_id) DO NOTHING`);
  }
}
