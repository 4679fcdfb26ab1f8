import { v7 as uuidv7 } from 'uuid';
import { issueMutationStamp } from '../db/queries/sync-device.js';
import { syncOutbox } from '../db/schema.js';
import type { KioskTx } from '../db/transaction.js';
import { mutationArgsHash } from '../sync/args-hash.js';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import {
  notificationMutationName,
  notificationMutationVersion,
  QueuedNotificationArgs,
  type NotificationKind,
} from '../../src-shared/sync/queued-notification.js';

export interface NotificationToQueue {
  kind: NotificationKind;
  bankId: string;
  parcelIds: string[];
  /** The storage reservation or hand-over it is about (issue 5). */
  subjectId?: string;
  /** The access_code row whose clear code the message carries. */
  accessCodeId: string;
  expiresAtMs: number;
  message: ComposedMessage;
}

export interface QueuedNotification {
  mutationId: number;
  notificationId: string;
}

/**
 * Queues a message for the cloud to send (sync.md "Notifications"), inside the caller's
 * transaction: the message exists if and only if the deposit that causes it commits. One outbox
 * row, its mutation id issued in line with every other business action of this device.
 *
 * The row holds the clear pickup code, necessarily: the cloud has to put it in the email, and the
 * kiosk stores codes only as keyed hashes (X3), so this row is the code's only clear copy. That
 * is why nothing here writes an activity_log row: operators read those, and the caller records
 * its own 'notification.queued' activity without the code. The row leaves the kiosk only over the
 * authenticated sync push and is never logged.
 */
export function queueNotification(
  tx: KioskTx,
  notification: NotificationToQueue,
  nowMs: number,
): QueuedNotification {
  const notificationId = uuidv7({ msecs: nowMs });
  // Parsed, not just typed: a message the relay or the cloud could not read back must fail here,
  // in the deposit's transaction, rather than sit unsendable in the outbox.
  const args = QueuedNotificationArgs.parse({
    notificationId,
    kind: notification.kind,
    bankId: notification.bankId,
    parcelIds: notification.parcelIds,
    ...(notification.subjectId === undefined ? {} : { subjectId: notification.subjectId }),
    accessCodeId: notification.accessCodeId,
    expiresAtMs: notification.expiresAtMs,
    message: notification.message,
  });
  const name = notificationMutationName(notification.kind);
  const { mutationId, hlc } = issueMutationStamp(tx, nowMs);
  tx.insert(syncOutbox)
    .values({
      id: mutationId,
      name,
      v: notificationMutationVersion,
      args: JSON.stringify(args),
      argsHash: mutationArgsHash(name, notificationMutationVersion, args),
      hlc,
      wallTime: nowMs,
    })
    .run();
  return { mutationId, notificationId };
}
