import type { HandoverState, HandoverView } from '../../../src-shared/api/handover-methods.js';
import type { HandoverDetails } from '../../db/queries/handovers.js';
import { compartmentBrief } from '../compartment-brief.js';

/**
 * A hand-over's state as people see it. The row's own state, except where something the
 * hand-over does not hear of has moved on:
 * - an exchange's receiver takes the item out through the ordinary pickup (E1), which records
 *   the parcel picked up and knows nothing of hand-overs: the hand-over is picked up with it;
 * - an item the mailroom removed from its compartment (G3) is out of the locker: collected;
 * - one still awaiting its item past its drop-by date has lapsed (its code expired then):
 *   cancelled. Like an expired code, that is a comparison with the clock, not a written state.
 */
export function handoverState(details: HandoverDetails, nowMs: number): HandoverState {
  const { handover, parcelState } = details;
  if (handover.state === 'awaiting_drop' && handover.dropBy <= nowMs) {
    return 'cancelled';
  }
  if (handover.state === 'in_locker') {
    if (parcelState === 'picked_up') {
      return 'picked_up';
    }
    if (parcelState === 'removed' || parcelState === 'returned') {
      return 'collected';
    }
  }
  return handover.state;
}

export function handoverView(details: HandoverDetails, nowMs: number): HandoverView {
  const { handover } = details;
  return {
    handoverId: handover.id,
    kind: handover.kind,
    state: handoverState(details, nowMs),
    size: handover.size,
    senderName: details.senderName,
    receiverName: details.receiverName,
    trackingNumber: handover.trackingNumber,
    createdAtMs: handover.createdAt,
    dropByMs: handover.dropBy,
    droppedAtMs: handover.droppedAt,
    compartment: details.compartment ? compartmentBrief(details.compartment) : null,
    // The notice is always queued; it reaches the sender only where the directory has an address.
    noticeQueued: details.senderEmail !== null,
  };
}
