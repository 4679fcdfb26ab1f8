import {
  and,
  asc,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNotNull,
  lte,
  notExists,
  sql,
} from 'drizzle-orm';
import { isLocale } from '../../src-shared/i18n/locales.js';
import type { CloudDb } from '../db/open-cloud-database.js';
import { bankParcels, banks, emailOutbox } from '../db/schema.js';
import { queueEmail } from './queue-email.js';
import { composeReminder } from './templates/reminder.js';

export interface ReminderPolicy {
  /** How long before a parcel's code expires its reminder goes out. */
  leadMs: number;
  /** The zone the expiry is written in; the server's when absent. */
  timeZone?: string;
}

export const defaultReminderPolicy: ReminderPolicy = { leadMs: 24 * 60 * 60_000 };

/** The notices whose recipient a reminder goes to: both carry the code that opens the parcel. */
const noticeKinds = ['ready_for_pickup', 'exchange_ready'];

/** A parcel waiting for its recipient (src-shared/domain/parcel.ts). */
const waitingState = 'in_locker';

/** Bounds one transaction; the rest wait for the next round of the worker. */
const batchSize = 100;

export function reminderNotificationId(parcelId: string): string {
  return `reminder:${parcelId}`;
}

/**
 * Queues one reminder for each parcel still in a locker whose code expires within the lead time
 * and that has none yet (its notification id `reminder:<parcelId>` is unique per bank, so two
 * workers racing here still queue one). The recipient, address and language come from the
 * parcel's first notice. A parcel whose notice itself came inside the lead time is not reminded:
 * its recipient has just been told. Returns how many reminders were queued.
 */
export async function queueDueReminders(
  db: CloudDb,
  nowMs: number,
  policy: ReminderPolicy = defaultReminderPolicy,
): Promise<number> {
  return db.transaction(async (tx) => {
    const reminderOf = sql`'reminder:' || ${bankParcels.parcelId}`;
    const remindFrom = sql`${bankParcels.expiresAt} - ${policy.leadMs}`;
    // A notice of this parcel (whose recipient the reminder goes to), sent before or after the
    // moment reminders start; filtered here so parcels that never qualify cannot fill the batch.
    const noticeOfParcel = (when: 'before' | 'after') =>
      tx
        .select({ one: sql`1` })
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.bankId, bankParcels.bankId),
            inArray(emailOutbox.kind, noticeKinds),
            sql`${emailOutbox.parcelIds} @> jsonb_build_array(${bankParcels.parcelId})`,
            when === 'before'
              ? lte(emailOutbox.createdAt, remindFrom)
              : gt(emailOutbox.createdAt, remindFrom),
          ),
        );
    const parcels = await tx
      .select({
        bankId: bankParcels.bankId,
        parcelId: bankParcels.parcelId,
        tenantId: bankParcels.tenantId,
        expiresAt: bankParcels.expiresAt,
        bankName: banks.name,
      })
      .from(bankParcels)
      .innerJoin(banks, eq(banks.id, bankParcels.bankId))
      .where(
        and(
          eq(bankParcels.state, waitingState),
          isNotNull(bankParcels.expiresAt),
          gt(bankParcels.expiresAt, nowMs),
          lte(bankParcels.expiresAt, nowMs + policy.leadMs),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(emailOutbox)
              .where(
                and(
                  eq(emailOutbox.bankId, bankParcels.bankId),
                  eq(emailOutbox.notificationId, reminderOf),
                ),
              ),
          ),
          exists(noticeOfParcel('before')),
          notExists(noticeOfParcel('after')),
        ),
      )
      .orderBy(asc(bankParcels.expiresAt))
      .limit(batchSize);

    let queued = 0;
    for (const parcel of parcels) {
      const expiresAt = parcel.expiresAt!;
      // The latest notice: after a re-issued code it is the one the recipient acts on.
      const [notice] = await tx
        .select({
          toName: emailOutbox.toName,
          toEmail: emailOutbox.toEmail,
          language: emailOutbox.language,
        })
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.bankId, parcel.bankId),
            inArray(emailOutbox.kind, noticeKinds),
            sql`${emailOutbox.parcelIds} @> ${JSON.stringify([parcel.parcelId])}::jsonb`,
          ),
        )
        .orderBy(desc(emailOutbox.createdAt))
        .limit(1);
      if (notice === undefined) {
        continue;
      }
      const language = isLocale(notice.language) ? notice.language : 'en';
      const message = composeReminder({
        to: { name: notice.toName, email: notice.toEmail },
        language,
        bankName: parcel.bankName,
        expiresAtMs: expiresAt,
        ...(policy.timeZone === undefined ? {} : { timeZone: policy.timeZone }),
      });
      const outcome = await queueEmail(
        tx,
        {
          tenantId: parcel.tenantId,
          bankId: parcel.bankId,
          notificationId: reminderNotificationId(parcel.parcelId),
          kind: 'reminder',
          message,
          parcelIds: [parcel.parcelId],
          expiresAt,
        },
        nowMs,
      );
      if (outcome === 'queued') {
        queued++;
      }
    }
    return queued;
  });
}
