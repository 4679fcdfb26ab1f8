import { accessibleDoorRange } from './accessibility.js';
import type { AllocationResult } from './allocation-result.js';
import { assess, type AllocationContext, type Obstacle } from './assessment.js';
import type { AllocationCompartment } from './allocation-input.js';
import { choiceFor } from './choice-reasons.js';
import type { RefusalCause } from './reasons.js';
import { largestSize, largestTooSmall } from './size-order.js';

/**
 * D8: the operator chose a compartment by hand. It passes the same rules as the engine's own
 * candidates; when it breaks any, the refusal lists every one of them, so the operator learns
 * all there is to fix at once rather than one rule per attempt. Preferences (a dedicated or
 * already used compartment first) are the engine's; a hand choice may ignore them.
 */
export function checkHandChoice(
  compartments: readonly AllocationCompartment[],
  compartmentId: string,
  context: AllocationContext,
): AllocationResult {
  const compartment = compartments.find((candidate) => candidate.id === compartmentId);
  if (compartment === undefined) {
    return {
      ok: false,
      refusal: {
        code: 'compartment_not_allowed',
        params: { label: compartmentId },
        causes: [{ code: 'compartment_unknown', params: { label: compartmentId } }],
      },
    };
  }
  const assessment = assess(compartment, context);
  if (assessment.obstacles.length === 0) {
    return { ok: true, choice: choiceFor(assessment, context) };
  }
  return {
    ok: false,
    refusal: {
      code: 'compartment_not_allowed',
      params: { label: compartment.label },
      causes: assessment.obstacles.map((obstacle) => causeFor(obstacle, compartment, context)),
    },
  };
}

function causeFor(
  obstacle: Obstacle,
  compartment: AllocationCompartment,
  context: AllocationContext,
): RefusalCause {
  const { label, size } = compartment;
  switch (obstacle) {
    case 'excluded':
      return { code: 'compartment_excluded', params: { label } };
    case 'out_of_service':
      return { code: 'compartment_out_of_service', params: { label } };
    case 'faulty':
      // The obstacle is only raised for a fault, so it is never null here.
      return { code: 'compartment_faulty', params: { label, fault: compartment.fault! } };
    case 'occupied':
      return { code: 'compartment_occupied', params: { label } };
    case 'reserved':
      return { code: 'compartment_reserved', params: { label } };
    case 'one_parcel_per_compartment':
      return { code: 'compartment_one_parcel_per_compartment', params: { label } };
    case 'dedicated_to_other':
      return { code: 'compartment_dedicated_to_other', params: { label } };
    case 'too_small':
      return context.window === null
        ? {
            code: 'no_bigger_size',
            params: { size: largestTooSmall(context.request) ?? largestSize },
          }
        : {
            code: 'compartment_too_small',
            params: { label, size, requiredSize: context.window.smallest },
          };
    case 'above_chosen_size':
      return { code: 'compartment_above_chosen_size', params: { label, size } };
    case 'not_accessible':
      return {
        code: 'compartment_not_accessible',
        params: {
          label,
          bottom: compartment.doorBottomCm,
          top: compartment.doorTopCm,
          ...accessibleDoorRange,
        },
      };
    case 'kept_for_deliveries':
      return { code: 'compartment_kept_for_deliveries', params: { label, size } };
  }
}
