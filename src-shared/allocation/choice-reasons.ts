import type { AllocationChoice } from './allocation-result.js';
import type { AllocationContext, Candidate } from './assessment.js';
import type { ChoiceReason } from './reasons.js';

/** Builds the choice for a candidate, with the reasons the operator sees, main one first. */
export function choiceFor(candidate: Candidate, context: AllocationContext): AllocationChoice {
  const { compartment } = candidate;
  return {
    compartmentId: compartment.id,
    label: compartment.label,
    size: compartment.size,
    doorBottomCm: compartment.doorBottomCm,
    doorTopCm: compartment.doorTopCm,
    tier: candidate.tier,
    reasons: reasonsFor(candidate, context),
  };
}

function reasonsFor(candidate: Candidate, context: AllocationContext): ChoiceReason[] {
  const { compartment } = candidate;
  const { request } = context;
  const label = compartment.label;
  const reasons: ChoiceReason[] = [];
  if (request.mode.kind === 'compartment') {
    reasons.push({ code: 'operator_compartment', params: { label } });
  }
  const tierReason = tierReasonFor(candidate, context);
  if (tierReason !== null) {
    reasons.push(tierReason);
  } else if (request.mode.kind !== 'compartment') {
    reasons.push(sizeReasonFor(candidate, context));
  }
  if (request.accessibilityNeed) {
    reasons.push({
      code: 'accessible_door',
      params: { label, bottom: compartment.doorBottomCm, top: compartment.doorTopCm },
    });
  }
  const previous = request.tooSmall?.at(-1);
  if (previous !== undefined) {
    reasons.push({ code: 'bigger_door_retry', params: { label, previousLabel: previous.label } });
  }
  return reasons;
}

function tierReasonFor(candidate: Candidate, context: AllocationContext): ChoiceReason | null {
  const label = candidate.compartment.label;
  switch (candidate.tier) {
    case 'reservation':
      return { code: 'reserved_in_advance', params: { label } };
    case 'consolidation':
      return { code: 'consolidated', params: { label } };
    case 'dedicated':
      return context.request.party.kind === 'recipient'
        ? { code: 'dedicated_to_recipient', params: { label } }
        : { code: 'dedicated_to_department', params: { label } };
    case 'pool':
      return null;
  }
}

/**
 * For a compartment from the general pool: the size asked for, or why a bigger one. The size
 * asked for is the window's floor, which a "needs a bigger door" retry or the parcel's own size
 * may have raised above the operator's choice.
 */
function sizeReasonFor(candidate: Candidate, context: AllocationContext): ChoiceReason {
  const { label, size } = candidate.compartment;
  const { mode } = context.request;
  if (mode.kind === 'size' && size === mode.size) {
    return { code: 'operator_size', params: { label, size } };
  }
  const requestedSize = context.window?.smallest ?? size;
  return size === requestedSize
    ? { code: 'smallest_fit', params: { label, size } }
    : { code: 'upsized', params: { label, size, requestedSize } };
}
