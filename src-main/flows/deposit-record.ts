import type { Carrier } from '../../src-shared/domain/scan.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { CompartmentRow } from '../db/queries/compartments.js';
import { findParcel, insertExpectedParcel, recordDeposit } from '../db/queries/parcels.js';
import { recordAction } from '../db/queries/record-action.js';
import { fulfilReservation } from '../db/queries/reservations.js';
import { accessCodeParcels } from '../db/schema.js';
import type { KioskTx } from '../db/transaction.js';
import type { KioskCodes } from './kiosk-codes.js';
import type { Recipient } from './recipients.js';

/** What the ready-for-pickup notice needs (composed and queued by the notification module). */
export interface ReadyForPickupNotice {
  parcelId: string;
  recipient: Recipient;
  compartment: CompartmentRow;
  trackingNumber: string | null;
  codeId: string;
  code: string;
  pickupToken: string;
  expiresAtMs: number;
}

/** Queues the notice inside the deposit's transaction (outbox row + its activity row). */
export type NotifyReadyForPickup = (
  tx: KioskTx,
  notice: ReadyForPickupNotice,
  nowMs: number,
) => void;

export interface DepositToRecord {
  bankId: string;
  actorId: string;
  depositId: string;
  compartment: CompartmentRow;
  recipient: Recipient;
  trackingNumber: string | null;
  trackingCarrier: Carrier | null;
  /** D10: the carrier account that delivered it, when a carrier signed in. */
  carrierId: string | null;
  expectedParcelId: string | null;
  reservationId: string | null;
  pickupWindowMs: number;
}

/**
 * A deposit counts (its door was seen open, then closed on the parcel): in one transaction the
 * parcel goes in_locker, its reservation is fulfilled, its pickup code is issued and linked, the
 * fact is recorded, and the recipient's notice is queued. Either all of it is there after a
 * crash, or none of it (the crash test checks).
 */
export function recordCompletedDeposit(
  tx: KioskTx,
  deposit: DepositToRecord,
  codes: KioskCodes,
  notify: NotifyReadyForPickup,
  nowMs: number,
): { parcelId: string; codeId: string } {
  const size: CompartmentSize = deposit.compartment.size;
  const expected = deposit.expectedParcelId ? findParcel(tx, deposit.expectedParcelId) : undefined;
  const parcel =
    expected?.state === 'expected' && expected.bankId === deposit.bankId
      ? expected
      : insertExpectedParcel(
          tx,
          {
            bankId: deposit.bankId,
            trackingNumber: deposit.trackingNumber,
            trackingCarrier: deposit.trackingCarrier,
            carrierId: deposit.carrierId,
            recipient: deposit.recipient.contactId
              ? { contactId: deposit.recipient.contactId }
              : { departmentId: deposit.recipient.departmentId ?? '' },
            size,
          },
          nowMs,
        );
  const deposited = recordDeposit(
    tx,
    parcel.id,
    { compartmentId: deposit.compartment.id, size },
    nowMs,
  );
  if (!deposited) {
    throw new Error(`parcel ${parcel.id} could not be deposited from state ${parcel.state}`);
  }
  if (deposit.reservationId) {
    fulfilReservation(tx, deposit.reservationId, deposit.compartment.id, nowMs);
  }
  const issued = codes.issuerWithin(tx).issue({
    purpose: 'pickup',
    targetId: parcel.id,
    expiresAtMs: nowMs + deposit.pickupWindowMs,
  });
  tx.insert(accessCodeParcels).values({ accessCodeId: issued.codeId, parcelId: parcel.id }).run();
  recordAction(
    tx,
    {
      bankId: deposit.bankId,
      type: 'parcel.deposited',
      compartmentId: deposit.compartment.id,
      actor: deposit.actorId,
      details: {
        parcelId: parcel.id,
        depositId: deposit.depositId,
        label: deposit.compartment.label,
        trackingNumber: deposit.trackingNumber,
        recipient: deposit.recipient.ref,
        codeId: issued.codeId,
        expiresAtMs: issued.expiresAtMs,
        reservationId: deposit.reservationId,
      },
    },
    nowMs,
  );
  notify(
    tx,
    {
      parcelId: parcel.id,
      recipient: deposit.recipient,
      compartment: deposit.compartment,
      trackingNumber: deposit.trackingNumber,
      codeId: issued.codeId,
      code: issued.code,
      pickupToken: codes.pickupToken(issued.codeId, issued.expiresAtMs),
      expiresAtMs: issued.expiresAtMs,
    },
    nowMs,
  );
  return { parcelId: parcel.id, codeId: issued.codeId };
}
