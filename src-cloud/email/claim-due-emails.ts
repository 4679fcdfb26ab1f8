import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { CloudDb } from '../db/open-cloud-database.js';
import { emailOutbox } from '../db/schema.js';
import { scrubbedBody } from './scrubbed-body.js';

export type EmailRow = typeof emailOutbox.$inferSelect;

/**
 * How long a claimed row is hidden from other workers. Longer than one send can take with the
 * transport's timeouts (smtp-transport.ts), so only a crashed worker's rows come back.
 */
export const claimLeaseMs = 2 * 60_000;

export const expiredReason = 'The code expired before the email could be sent.';

export interface ClaimedEmails {
  /** Rows this worker now owns for `claimLeaseMs`. */
  toSend: EmailRow[];
  /** Rows whose code expired while they waited: skipped here, never sent late. */
  skipped: number;
}

/**
 * Takes up to `limit` due rows for this worker. `FOR UPDATE SKIP LOCKED` lets several server
 * instances claim at once without waiting on or taking each other's rows, and pushing
 * `next_attempt_at` past the lease in the same transaction keeps them away once it commits.
 */
export async function claimDueEmails(
  db: CloudDb,
  nowMs: number,
  limit: number,
): Promise<ClaimedEmails> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.state, 'pending'), lte(emailOutbox.nextAttemptAt, nowMs)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const expired = due.filter((row) => row.expiresAt !== null && row.expiresAt <= nowMs);
    const toSend = due.filter((row) => !expired.includes(row));
    if (expired.length > 0) {
      await tx
        .update(emailOutbox)
        .set({ state: 'skipped', lastError: expiredReason, ...scrubbedBody })
        .where(
          inArray(
            emailOutbox.id,
            expired.map((row) => row.id),
          ),
        );
    }
    if (toSend.length > 0) {
      await tx
        .update(emailOutbox)
        .set({ nextAttemptAt: nowMs + claimLeaseMs })
        .where(
          inArray(
            emailOutbox.id,
            toSend.map((row) => row.id),
          ),
        );
    }
    return { toSend, skipped: expired.length };
  });
}
