import type { DropOffRequest, PlacementChoice } from '../../src-shared/api/drop-off-methods.js';
import type { ParcelDraft } from './drop-off-state.js';

/**
 * The request `dropoff.propose` and `dropoff.start` both take. The same placement goes to both,
 * so the door that opens is chosen by the rule the operator saw proposed; undefined until the
 * draft names a recipient.
 */
export function dropOffRequest(
  draft: ParcelDraft,
  placement: PlacementChoice,
): DropOffRequest | undefined {
  if (!draft.recipient) {
    return undefined;
  }
  return {
    recipient: { kind: draft.recipient.kind, id: draft.recipient.id },
    trackingNumber: draft.trackingNumber,
    carrier: draft.carrier,
    parcelSize: draft.parcelSize,
    placement,
    expectedParcelId: draft.expectedParcelId,
    reservationId: draft.reservation?.id ?? null,
  };
}
