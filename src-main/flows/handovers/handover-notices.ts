import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { CompartmentRow } from '../../db/queries/compartments.js';
import type { HandoverRow } from '../../db/queries/handovers.js';
import { recordAction } from '../../db/queries/record-action.js';
import type { KioskTx } from '../../db/transaction.js';
import { composeExchangeReady } from '../../notifications/handover-exchange-ready.js';
import { composeHandoverSenderNotice } from '../../notifications/handover-sender-notice.js';
import type { ComposedMessage } from '../../../src-shared/sync/composed-message.js';
import { queueNotification } from '../../notifications/queue-notification.js';
import type { NotificationKind } from '../../../src-shared/sync/queued-notification.js';

/** Who a notice goes to, as the directory has them (A6: their language). */
export interface NoticePerson {
  name: string;
  email: string | null;
  language: Locale;
}

/**
 * The hand-over notices (D3, D4), queued in the transaction of the step that causes them, like
 * the ready-for-pickup notice (ready-for-pickup-notice.ts): the clear code goes only into the
 * outbox row and the message (decision 0009); the 'notification.queued' activity row says a
 * notice went out, never its code.
 */
export interface SenderNotice {
  bankId: string;
  bankName: string;
  handover: HandoverRow;
  sender: NoticePerson;
  receiverName: string | null;
  codeId: string;
  code: string;
}

export function queueSenderNotice(tx: KioskTx, notice: SenderNotice, nowMs: number): void {
  const { handover } = notice;
  queueAndRecord(
    tx,
    {
      kind: handover.kind === 'return' ? 'return_code' : 'exchange_drop_off_code',
      bankId: notice.bankId,
      handoverId: handover.id,
      parcelIds: [],
      compartmentId: null,
      codeId: notice.codeId,
      expiresAtMs: handover.dropBy,
      to: notice.sender,
      message: composeHandoverSenderNotice({
        kind: handover.kind,
        sender: notice.sender,
        receiverName: notice.receiverName,
        bankName: notice.bankName,
        code: notice.code,
        size: handover.size satisfies CompartmentSize,
        trackingNumber: handover.trackingNumber,
        expiresAtMs: handover.dropBy,
      }),
    },
    nowMs,
  );
}

export interface ExchangeReadyNotice {
  bankId: string;
  bankName: string;
  handoverId: string;
  parcelId: string;
  receiver: NoticePerson;
  senderName: string;
  compartment: CompartmentRow;
  trackingNumber: string | null;
  codeId: string;
  code: string;
  /** Null when the bank does not accept QR pickup (C3). */
  pickupToken: string | null;
  expiresAtMs: number;
}

export function queueExchangeReady(tx: KioskTx, notice: ExchangeReadyNotice, nowMs: number): void {
  queueAndRecord(
    tx,
    {
      kind: 'exchange_ready',
      bankId: notice.bankId,
      handoverId: notice.handoverId,
      parcelIds: [notice.parcelId],
      compartmentId: notice.compartment.id,
      codeId: notice.codeId,
      expiresAtMs: notice.expiresAtMs,
      to: notice.receiver,
      message: composeExchangeReady({
        receiver: notice.receiver,
        senderName: notice.senderName,
        bankName: notice.bankName,
        pickupCode: notice.code,
        pickupQrToken: notice.pickupToken,
        compartment: notice.compartment,
        trackingNumber: notice.trackingNumber,
        expiresAtMs: notice.expiresAtMs,
      }),
    },
    nowMs,
  );
}

interface NoticeToQueue {
  kind: NotificationKind;
  bankId: string;
  handoverId: string;
  parcelIds: string[];
  compartmentId: string | null;
  codeId: string;
  expiresAtMs: number;
  to: NoticePerson;
  message: ComposedMessage;
}

function queueAndRecord(tx: KioskTx, notice: NoticeToQueue, nowMs: number): void {
  const queued = queueNotification(
    tx,
    {
      kind: notice.kind,
      bankId: notice.bankId,
      parcelIds: notice.parcelIds,
      subjectId: notice.handoverId,
      accessCodeId: notice.codeId,
      expiresAtMs: notice.expiresAtMs,
      message: notice.message,
    },
    nowMs,
  );
  recordAction(
    tx,
    {
      bankId: notice.bankId,
      type: 'notification.queued',
      compartmentId: notice.compartmentId,
      actor: 'system',
      details: {
        kind: notice.kind,
        handoverId: notice.handoverId,
        parcelId: notice.parcelIds[0] ?? null,
        notificationId: queued.notificationId,
        sent: true,
        hasEmail: notice.to.email !== null,
      },
    },
    nowMs,
  );
}
