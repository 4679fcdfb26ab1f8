import type { Contact } from '../../db/queries/contacts.js';
import { recordAction } from '../../db/queries/record-action.js';
import type { StorageReservation } from '../../db/queries/storage-reservations.js';
import type { KioskTx } from '../../db/transaction.js';
import { queueNotification } from '../../notifications/queue-notification.js';
import { composeStorageBooked } from '../../notifications/storage-booked.js';

/** What the booking knows when it commits; the clear code exists only here and in the message. */
export interface StorageBookedNotice {
  storage: StorageReservation;
  contact: Contact;
  codeId: string;
  code: string;
  expiresAtMs: number;
  claimUntilMs: number;
}

/** Queues the notice inside the booking's transaction; true when a message was queued. */
export type NotifyStorageBooked = (
  tx: KioskTx,
  notice: StorageBookedNotice,
  nowMs: number,
) => boolean;

/**
 * F2: the booking's code goes to its owner in their language, queued in the booking's
 * transaction for the cloud to send (and written to the local mailbox until then). A contact
 * without an email address gets none: the activity row says so, never the code (decision 0009).
 */
export function storageBookedNotifier(options: {
  bankId: string;
  bankName: string;
}): NotifyStorageBooked {
  return (tx, notice, nowMs) => {
    const { contact, storage } = notice;
    const queued =
      contact.email === null
        ? undefined
        : queueNotification(
            tx,
            {
              kind: 'storage_booked',
              bankId: options.bankId,
              parcelIds: [],
              subjectId: storage.id,
              accessCodeId: notice.codeId,
              expiresAtMs: notice.expiresAtMs,
              message: composeStorageBooked({
                recipient: { name: contact.name, email: contact.email, language: contact.language },
                bankName: options.bankName,
                storageCode: notice.code,
                size: storage.size,
                startsAtMs: storage.startsAt,
                claimUntilMs: notice.claimUntilMs,
                stayHours: storage.stayHours,
              }),
            },
            nowMs,
          );
    recordAction(
      tx,
      {
        bankId: options.bankId,
        type: 'notification.queued',
        compartmentId: null,
        actor: 'system',
        details: {
          kind: 'storage_booked',
          storageId: storage.id,
          notificationId: queued?.notificationId ?? null,
          sent: queued !== undefined,
          hasEmail: contact.email !== null,
        },
      },
      nowMs,
    );
    return queued !== undefined;
  };
}
