import {
  QueuedNotificationArgs,
  type NotificationKind,
} from '../../../src-shared/sync/queued-notification.js';
import type { HandlerOutcome, MutationHandler, PushContext } from './handler.js';

/**
 * `notification.<kind>` v1: the bank queued a message; the cloud's email outbox gets it in the
 * same transaction as the mutation's result (A10: an offline drop-off's email goes out when its
 * mutation arrives). The notification id makes a replay queue nothing. Written with the batch's
 * other effects (queueEmails in src-cloud/email/queue-email.ts).
 */
export function notificationHandler(kind: NotificationKind): MutationHandler {
  return {
    apply: ({ device, mutation, effects }: PushContext): HandlerOutcome => {
      const parsed = QueuedNotificationArgs.safeParse(mutation.args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          status: 'rejected',
          error:
            `Invalid ${mutation.name} v${mutation.v} arguments: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
        };
      }
      const args = parsed.data;
      if (args.kind !== kind) {
        return {
          status: 'rejected',
          error: `${mutation.name} carries a ${args.kind} notification.`,
        };
      }
      effects.addEmail({
        tenantId: device.tenantId,
        bankId: device.bankId,
        notificationId: args.notificationId,
        kind: args.kind,
        message: args.message,
        parcelIds: args.parcelIds,
        expiresAt: args.expiresAtMs,
      });
      return { status: 'applied' };
    },
  };
}
