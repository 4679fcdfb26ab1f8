import { accessibleDoorRange } from './accessibility.js';
import type { AllocationCompartment } from './allocation-input.js';
import type { AllocationRefusal } from './allocation-result.js';
import {
  obstacleBit,
  obstacleBits,
  tierOf,
  type AllocationContext,
  type Candidate,
  type Obstacle,
} from './assessment.js';
import { compareNatural } from './natural-order.js';
import { comparePreference } from './preference.js';
import type { RefusalCause } from './reasons.js';
import { largestSize, largestTooSmall, type SizeWindow } from './size-order.js';

/**
 * Rules that can stand between a party and a compartment that is otherwise free, working and
 * big enough, in the order their causes are listed (B5 first: the issue asks for it to be shown).
 * The other obstacles (occupied, reserved, out of service, faulty, too small) mean the
 * compartment is simply not available and need no explanation beyond "none is free".
 */
const policyObstacles = [
  'not_accessible',
  'dedicated_to_other',
  'kept_for_deliveries',
  'one_parcel_per_compartment',
  'above_chosen_size',
  'excluded',
] as const satisfies readonly Obstacle[];
type PolicyObstacle = (typeof policyObstacles)[number];

const policyBits = policyObstacles.reduce((bits, obstacle) => bits | obstacleBit[obstacle], 0);

/**
 * B5's refusal, "No compartment is currently available in the selected locker", with the causes
 * the operator can act on: every rule that, alone or together with other such rules, kept a
 * free, working, big-enough compartment from this party. When there is none, the bank is full
 * at this size, and that is the cause. Works on bits like the engine's pass: a nearly full bank
 * refuses often, and this path must stay as cheap as a choice.
 */
export function noCompartmentRefusal(
  compartments: readonly AllocationCompartment[],
  context: AllocationContext,
): AllocationRefusal {
  const { window } = context;
  if (window === null) {
    const size = largestTooSmall(context.request) ?? largestSize;
    return refusal([{ code: 'no_bigger_size', params: { size } }]);
  }
  let causeBits = 0;
  // Only these two causes name compartments; the others are counted as bits.
  const namedBy = { one_parcel_per_compartment: [] as Candidate[], excluded: [] as string[] };
  for (const compartment of compartments) {
    const bits = obstacleBits(compartment, context);
    if (bits === 0 || (bits & ~policyBits) !== 0) {
      continue;
    }
    causeBits |= bits;
    if ((bits & obstacleBit.one_parcel_per_compartment) !== 0) {
      namedBy.one_parcel_per_compartment.push({ compartment, tier: tierOf(compartment, context) });
    }
    if ((bits & obstacleBit.excluded) !== 0) {
      namedBy.excluded.push(compartment.label);
    }
  }
  const causes = policyObstacles
    .filter((obstacle) => (causeBits & obstacleBit[obstacle]) !== 0)
    .map((obstacle) => causeFor(obstacle, namedBy, window, context));
  if (causes.length === 0) {
    causes.push({ code: 'all_in_use', params: { size: window.smallest } });
  }
  return refusal(causes);
}

function refusal(causes: RefusalCause[]): AllocationRefusal {
  return { code: 'no_compartment_available', params: {}, causes };
}

function causeFor(
  obstacle: PolicyObstacle,
  namedBy: { one_parcel_per_compartment: Candidate[]; excluded: string[] },
  window: SizeWindow,
  context: AllocationContext,
): RefusalCause {
  switch (obstacle) {
    case 'not_accessible':
      return { code: 'accessibility_need', params: { ...accessibleDoorRange } };
    case 'dedicated_to_other':
      return { code: 'dedicated_to_others', params: {} };
    case 'kept_for_deliveries':
      return { code: 'kept_for_deliveries', params: {} };
    case 'one_parcel_per_compartment': {
      // The one the engine would have chosen, had the bank allowed it.
      const first = namedBy.one_parcel_per_compartment.sort((a, b) =>
        comparePreference(a, b, context.request.accessibilityNeed),
      )[0]!;
      return { code: 'one_parcel_per_compartment', params: { label: first.compartment.label } };
    }
    case 'above_chosen_size':
      return { code: 'size_fixed_by_operator', params: { size: window.largest } };
    case 'excluded':
      return {
        code: 'excluded_compartments',
        params: { labels: namedBy.excluded.sort(compareNatural).join(', ') },
      };
  }
}
