import { z } from 'zod';
import { ComposedMessage } from './composed-message.js';

/** Kinds of notification the kiosk queues; the outbox row is named `notification.<kind>`. */
export const notificationKinds = [
  'ready_for_pickup',
  /** F2: a storage booking's code. */
  'storage_booked',
  /** D3: the code to drop a return. */
  'return_code',
  /** D4: the drop-off party's code. */
  'exchange_drop_off_code',
  /** D4: the item is in; the pick-up party's code. */
  'exchange_ready',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationMutationPrefix = 'notification.';

/** Version of the outbox arguments below; the cloud keeps a handler for every version. */
export const notificationMutationVersion = 1;

export function notificationMutationName(kind: NotificationKind): string {
  return `${notificationMutationPrefix}${kind}`;
}

/**
 * The arguments of a `notification.*` outbox row (v1). `accessCodeId` and `expiresAtMs` let the
 * cloud skip a message whose code was re-issued or has expired by the time the row arrives.
 */
export const QueuedNotificationArgs = z
  .object({
    notificationId: z.string().min(1),
    kind: z.enum(notificationKinds),
    bankId: z.string().min(1),
    /** The parcels the message is about; empty for a code that opens no parcel yet. */
    parcelIds: z.array(z.string().min(1)),
    /** The storage reservation or hand-over the message is about, when it is one. */
    subjectId: z.string().min(1).optional(),
    accessCodeId: z.string().min(1),
    expiresAtMs: z.number().int(),
    message: ComposedMessage,
  })
  .strict();
export type QueuedNotificationArgs = z.infer<typeof QueuedNotificationArgs>;
