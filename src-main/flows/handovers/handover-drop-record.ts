import type { CompartmentRow } from '../../db/queries/compartments.js';
import type { Contact } from '../../db/queries/contacts.js';
import { recordHandoverDropped, type HandoverRow } from '../../db/queries/handovers.js';
import { insertExpectedParcel, recordDeposit } from '../../db/queries/parcels.js';
import { recordAction } from '../../db/queries/record-action.js';
import { accessCodeParcels } from '../../db/schema.js';
import type { KioskTx } from '../../db/transaction.js';
import type { KioskCodes } from '../kiosk-codes.js';
import { queueExchangeReady } from './handover-notices.js';

export interface DropToRecord {
  bankId: string;
  bankName: string;
  dropId: string;
  actorId: string;
  handover: HandoverRow;
  /** The sender's code that opened the door: used up now that the item is in. */
  senderCodeId: string;
  sender: Contact;
  /** Exchange only. */
  receiver: Contact | null;
  compartment: CompartmentRow;
  pickupWindowMs: number;
  /** C3: whether the receiver's notice carries a pickup QR. */
  qrPickup: boolean;
}

/**
 * A drop counts (its door was seen open, then closed on the item): in one transaction the item
 * becomes a parcel in its compartment — a 'return' of the sender for the mailroom, or an
 * 'exchange' for the receiver — the hand-over is in_locker, the sender's code is used up, the
 * fact is recorded, and for an exchange the receiver's pickup code is issued, linked to the
 * parcel and sent. The receiver's code is an ordinary per-parcel pickup code (purpose 'pickup',
 * decision 0008: one code per parcel), so the receiver takes the item out through the pickup
 * flow (E1) like any parcel. Either all of it is there after a crash, or none of it.
 */
export function recordCompletedDrop(
  tx: KioskTx,
  drop: DropToRecord,
  codes: KioskCodes,
  nowMs: number,
): { parcelId: string } {
  const { handover, compartment } = drop;
  const exchange = handover.kind === 'exchange';
  const owner = exchange ? drop.receiver : drop.sender;
  if (!owner) {
    throw new Error(`exchange ${handover.id} has no receiver`);
  }
  const parcel = insertExpectedParcel(
    tx,
    {
      bankId: drop.bankId,
      trackingNumber: handover.trackingNumber,
      trackingCarrier: null,
      recipient: { contactId: owner.id },
      size: handover.size,
      kind: handover.kind,
    },
    nowMs,
  );
  if (
    !recordDeposit(tx, parcel.id, { compartmentId: compartment.id, size: handover.size }, nowMs)
  ) {
    throw new Error(`parcel ${parcel.id} could not be deposited`);
  }
  if (
    !recordHandoverDropped(
      tx,
      handover.id,
      { parcelId: parcel.id, compartmentId: compartment.id },
      nowMs,
    )
  ) {
    throw new Error(`hand-over ${handover.id} is no longer awaiting its item`);
  }
  // Used up even if it expired while the door was open: it was valid when typed.
  const consumed = codes.storeWithin(tx).markConsumed(drop.senderCodeId, nowMs);
  const issued = exchange
    ? codes.issuerWithin(tx).issue({
        purpose: 'pickup',
        targetId: parcel.id,
        expiresAtMs: nowMs + drop.pickupWindowMs,
      })
    : undefined;
  if (issued) {
    tx.insert(accessCodeParcels).values({ accessCodeId: issued.codeId, parcelId: parcel.id }).run();
  }
  recordAction(
    tx,
    {
      bankId: drop.bankId,
      type: 'handover.dropped',
      compartmentId: compartment.id,
      actor: drop.actorId,
      details: {
        handoverId: handover.id,
        dropId: drop.dropId,
        kind: handover.kind,
        parcelId: parcel.id,
        label: compartment.label,
        trackingNumber: handover.trackingNumber,
        consumedCodeId: consumed ? drop.senderCodeId : null,
        pickupCodeId: issued?.codeId ?? null,
        expiresAtMs: issued?.expiresAtMs ?? null,
      },
    },
    nowMs,
  );
  if (issued && drop.receiver) {
    queueExchangeReady(
      tx,
      {
        bankId: drop.bankId,
        bankName: drop.bankName,
        handoverId: handover.id,
        parcelId: parcel.id,
        receiver: {
          name: drop.receiver.name,
          email: drop.receiver.email,
          language: drop.receiver.language,
        },
        senderName: drop.sender.name,
        compartment,
        trackingNumber: handover.trackingNumber,
        codeId: issued.codeId,
        code: issued.code,
        pickupToken: drop.qrPickup ? codes.pickupToken(issued.codeId, issued.expiresAtMs) : null,
        expiresAtMs: issued.expiresAtMs,
      },
      nowMs,
    );
  }
  return { parcelId: parcel.id };
}
