import type { HandoverRequest, HandoverView } from '../../../src-shared/api/handover-methods.js';
import { KioskError } from '../../core/kiosk-error.js';
import { findContact, type Contact } from '../../db/queries/contacts.js';
import {
  findHandoverDetails,
  findHandoverOfParcel,
  insertHandover,
  listOpenHandovers,
  recordHandoverCancelled,
  recordHandoverCollected,
  trackingNumberInUse,
  type HandoverDetails,
} from '../../db/queries/handovers.js';
import { recordReturn } from '../../db/queries/parcels.js';
import { recordAction } from '../../db/queries/record-action.js';
import type { KioskTx } from '../../db/transaction.js';
import { runOperatorDoorTask } from '../operator-door-task.js';
import type { Actor } from '../kiosk-sessions.js';
import { queueSenderNotice } from './handover-notices.js';
import { handoverRefused } from './handover-refusal.js';
import type { HandoverDependencies } from './handover-service.js';
import { generateTrackingNumber } from './handover-tracking-number.js';
import { handoverState, handoverView } from './handover-views.js';

/** What the mailroom's side needs to know of drops under way at the kiosk. */
export interface DropsInProgress {
  inProgress(handoverId: string): boolean;
}

/**
 * The mailroom's side of returns and exchanges (D3, D4), behind 'handover.manage': reserve a
 * size for one (the sender's code and notice go out with it), list the open ones, withdraw one
 * still awaiting its item, and collect a return from its compartment.
 */
export interface HandoverDesk {
  create(actor: Actor, request: HandoverRequest): HandoverView;
  list(): HandoverView[];
  cancel(actor: Actor, handoverId: string): HandoverView;
  collect(actor: Actor, handoverId: string): Promise<HandoverView>;
  /** Parcels just taken out by a pickup: an exchange among them tells the mailroom's list. */
  parcelsTaken(parcelIds: readonly string[]): void;
}

const dayMs = 24 * 60 * 60_000;

interface Parties {
  sender: Contact;
  receiver: Contact | null;
}

export function createHandoverDesk(
  deps: HandoverDependencies,
  drops: DropsInProgress,
): HandoverDesk {
  const { db, clock, bankId } = deps;

  /** Every refusal before anything is written: a refused request changes nothing. */
  function checkRequest(request: HandoverRequest): Parties {
    const sender = findContact(db, request.senderContactId);
    if (!sender?.active) {
      throw handoverRefused('handovers.refused.sender_unknown');
    }
    // The sender's code exists only in their message: without an address nobody could use it.
    if (sender.email === null) {
      throw handoverRefused('handovers.refused.sender_without_email', { name: sender.name });
    }
    if (request.trackingNumber !== null && request.generateTrackingNumber) {
      throw handoverRefused('handovers.refused.tracking_both');
    }
    if (request.kind === 'return') {
      if (request.receiverContactId !== null) {
        throw handoverRefused('handovers.refused.return_with_receiver');
      }
      return { sender, receiver: null };
    }
    if (request.receiverContactId === null) {
      throw handoverRefused('handovers.refused.receiver_missing');
    }
    if (request.receiverContactId === sender.id) {
      throw handoverRefused('handovers.refused.same_person');
    }
    const receiver = findContact(db, request.receiverContactId);
    if (!receiver?.active) {
      throw handoverRefused('handovers.refused.receiver_unknown');
    }
    return { sender, receiver };
  }

  function detailsOf(handoverId: string): HandoverDetails {
    const details = findHandoverDetails(db, handoverId);
    if (!details || details.handover.bankId !== bankId) {
      throw new KioskError('not_found', { what: 'noun.handover' });
    }
    return details;
  }

  function viewOf(handoverId: string): HandoverView {
    return handoverView(detailsOf(handoverId), clock.now());
  }

  function changed(handoverId: string): HandoverView {
    const view = viewOf(handoverId);
    deps.emit('handover.changed', view);
    return view;
  }

  /** D3: the return's door closed again: it is out, and the hand-over closed, together. */
  function collected(actor: Actor, details: HandoverDetails): void {
    const { handover } = details;
    const nowMs = clock.now();
    db.transaction((tx) => {
      if (!handover.parcelId || !recordReturn(tx, handover.parcelId, nowMs)) {
        return;
      }
      if (!recordHandoverCollected(tx, handover.id, actor.actorId, nowMs)) {
        throw new Error(`hand-over ${handover.id} could not be collected`);
      }
      recordAction(
        tx,
        {
          bankId,
          type: 'handover.collected',
          compartmentId: handover.compartmentId,
          actor: actor.actorId,
          details: {
            handoverId: handover.id,
            parcelId: handover.parcelId,
            label: details.compartment?.label ?? null,
            trackingNumber: handover.trackingNumber,
          },
        },
        nowMs,
      );
    });
  }

  return {
    create: (actor, request) => {
      const { sender, receiver } = checkRequest(request);
      const nowMs = clock.now();
      const handover = db.transaction((tx: KioskTx) => {
        const trackingNumber = request.generateTrackingNumber
          ? generateTrackingNumber(request.kind, (candidate) =>
              trackingNumberInUse(tx, bankId, candidate),
            )
          : request.trackingNumber;
        const row = insertHandover(
          tx,
          {
            bankId,
            kind: request.kind,
            size: request.size,
            senderContactId: sender.id,
            receiverContactId: receiver?.id ?? null,
            trackingNumber,
            createdBy: actor.actorId,
            dropByMs: nowMs + request.dropWithinDays * dayMs,
          },
          nowMs,
        );
        // X3: the sender's one-time code, working until the drop-by date.
        const issued = deps.codes.issuerWithin(tx).issue({
          purpose: request.kind === 'return' ? 'return' : 'exchange_drop_off',
          targetId: row.id,
          expiresAtMs: row.dropBy,
        });
        recordAction(
          tx,
          {
            bankId,
            type: 'handover.created',
            compartmentId: null,
            actor: actor.actorId,
            details: {
              handoverId: row.id,
              kind: row.kind,
              size: row.size,
              senderContactId: sender.id,
              receiverContactId: receiver?.id ?? null,
              trackingNumber,
              trackingNumberGenerated: request.generateTrackingNumber,
              dropByMs: row.dropBy,
              codeId: issued.codeId,
            },
          },
          nowMs,
        );
        queueSenderNotice(
          tx,
          {
            bankId,
            bankName: deps.bankName,
            handover: row,
            sender: { name: sender.name, email: sender.email, language: sender.language },
            receiverName: receiver?.name ?? null,
            codeId: issued.codeId,
            code: issued.code,
          },
          nowMs,
        );
        return row;
      });
      deps.afterNotice?.();
      return changed(handover.id);
    },

    list: () => {
      const nowMs = clock.now();
      return listOpenHandovers(db, bankId, nowMs).map((details) => handoverView(details, nowMs));
    },

    cancel: (actor, handoverId) => {
      const details = detailsOf(handoverId);
      if (drops.inProgress(handoverId)) {
        throw handoverRefused('handovers.refused.drop_in_progress');
      }
      if (handoverState(details, clock.now()) !== 'awaiting_drop') {
        throw handoverRefused('handovers.refused.not_awaiting');
      }
      const { handover } = details;
      const nowMs = clock.now();
      db.transaction((tx) => {
        if (!recordHandoverCancelled(tx, handoverId, actor.actorId, nowMs)) {
          throw handoverRefused('handovers.refused.not_awaiting');
        }
        const voidedCodeIds = deps.codes
          .issuerWithin(tx)
          .voidCodesOf(handoverId, handover.kind === 'return' ? 'return' : 'exchange_drop_off');
        recordAction(
          tx,
          {
            bankId,
            type: 'handover.cancelled',
            compartmentId: null,
            actor: actor.actorId,
            details: { handoverId, kind: handover.kind, voidedCodeIds },
          },
          nowMs,
        );
      });
      return changed(handoverId);
    },

    parcelsTaken: (parcelIds) => {
      for (const parcelId of parcelIds) {
        const handover = findHandoverOfParcel(db, parcelId);
        if (handover?.bankId === bankId) {
          changed(handover.id);
        }
      }
    },

    collect: async (actor, handoverId) => {
      const details = detailsOf(handoverId);
      const { handover, compartment } = details;
      if (
        handover.kind !== 'return' ||
        handoverState(details, clock.now()) !== 'in_locker' ||
        !compartment
      ) {
        throw handoverRefused('handovers.refused.not_collectable');
      }
      await runOperatorDoorTask(deps, {
        compartment,
        actorId: actor.actorId,
        recordWithRequest: (tx, nowMs) =>
          recordAction(
            tx,
            {
              bankId,
              type: 'handover.collect_started',
              compartmentId: compartment.id,
              actor: actor.actorId,
              details: {
                handoverId,
                parcelId: handover.parcelId,
                label: compartment.label,
                trackingNumber: handover.trackingNumber,
              },
            },
            nowMs,
          ),
        onClosed: () => {
          try {
            collected(actor, details);
          } catch (error) {
            deps.logger.error({ err: error, handoverId }, 'recording a collected return failed');
          }
          // The mailroom's list moves on whatever happened (review: it stayed "collecting").
          changed(handoverId);
        },
        busy: () => handoverRefused('handovers.refused.door_busy', { label: compartment.label }),
        failed: () => new KioskError('hardware_unavailable'),
      });
      return viewOf(handoverId);
    },
  };
}
