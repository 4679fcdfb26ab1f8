import type { BankSettings } from '../../src-shared/domain/bank-settings.js';
import { recordAction } from '../db/queries/record-action.js';
import { composeReadyForPickup } from '../notifications/ready-for-pickup.js';
import { queueNotification } from '../notifications/queue-notification.js';
import type { NotifyReadyForPickup } from './deposit-record.js';

/**
 * Item 7: the ready-for-pickup notice, in the recipient's language, queued in the deposit's
 * transaction for the cloud to send; the activity row says a notice went out, never its code.
 * A department without a key contact gets no notice: the mailroom sees it in the activity log.
 */
export function readyForPickupNotifier(options: {
  bankId: string;
  bankName: string;
  settings: () => BankSettings;
}): NotifyReadyForPickup {
  return (tx, notice, nowMs) => {
    const to = notice.recipient.notify;
    const queued = to
      ? queueNotification(
          tx,
          {
            kind: 'ready_for_pickup',
            bankId: options.bankId,
            parcelIds: [notice.parcelId],
            accessCodeId: notice.codeId,
            expiresAtMs: notice.expiresAtMs,
            message: composeReadyForPickup({
              recipient: to,
              bankName: options.bankName,
              pickupCode: notice.code,
              pickupQrToken: options.settings().pickup.methods.qr ? notice.pickupToken : null,
              compartment: notice.compartment,
              trackingNumber: notice.trackingNumber,
              departmentName: notice.recipient.contactId ? null : notice.recipient.departmentName,
              expiresAtMs: notice.expiresAtMs,
            }),
          },
          nowMs,
        )
      : undefined;
    recordAction(
      tx,
      {
        bankId: options.bankId,
        type: 'notification.queued',
        compartmentId: notice.compartment.id,
        actor: 'system',
        details: {
          kind: 'ready_for_pickup',
          parcelId: notice.parcelId,
          notificationId: queued?.notificationId ?? null,
          sent: queued !== undefined,
          hasEmail: to?.email !== null && to !== null,
        },
      },
      nowMs,
    );
  };
}
