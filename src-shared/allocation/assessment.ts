import { isAccessibleDoor } from './accessibility.js';
import type {
  AllocationBank,
  AllocationCompartment,
  AllocationPolicy,
  AllocationRequest,
} from './allocation-input.js';
import { dedicationFor } from './dedication.js';
import { countPoolFree, isKeptForDeliveries, type PoolFreeCounts } from './delivery-reserve.js';
import { holdingFor } from './holdings.js';
import { sizeRank, sizeWindowFor, type SizeWindow } from './size-order.js';

/**
 * The candidates filter: every rule a compartment can break for one request, named, so the same
 * verdict serves the engine (a candidate breaks none), the operator's hand choice (D8: each
 * broken rule is shown) and the explanation of a refusal. Listed in the order a hand-choice
 * refusal names them.
 */
export const obstacles = [
  'excluded',
  'out_of_service',
  'faulty',
  'occupied',
  'reserved',
  'one_parcel_per_compartment',
  'dedicated_to_other',
  'too_small',
  'above_chosen_size',
  'not_accessible',
  'kept_for_deliveries',
] as const;
export type Obstacle = (typeof obstacles)[number];

/**
 * Obstacles as bits of one number: the engine checks 1,000 compartments per drop-off, and a
 * list per compartment made the garbage collector's pauses the bulk of its p99 (bench). A
 * literal, not built from `obstacles`, because V8 keeps a literal's properties fast; a test
 * checks that each obstacle has a bit of its own.
 */
export const obstacleBit: Readonly<Record<Obstacle, number>> = {
  excluded: 1 << 0,
  out_of_service: 1 << 1,
  faulty: 1 << 2,
  occupied: 1 << 3,
  reserved: 1 << 4,
  one_parcel_per_compartment: 1 << 5,
  dedicated_to_other: 1 << 6,
  too_small: 1 << 7,
  above_chosen_size: 1 << 8,
  not_accessible: 1 << 9,
  kept_for_deliveries: 1 << 10,
};

/**
 * Who the compartment is for, in the order the engine prefers them: the party's advance
 * reservation (D2), their compartment that already holds parcels (D6), one dedicated to them
 * (D5), then the general pool.
 */
export const allocationTiers = ['reservation', 'consolidation', 'dedicated', 'pool'] as const;
export type AllocationTier = (typeof allocationTiers)[number];

/** What is worked out once per request rather than once per compartment. */
export interface AllocationContext {
  request: AllocationRequest;
  policy: AllocationPolicy;
  /** Null when the parcel already failed the largest size. */
  window: SizeWindow | null;
  excluded: ReadonlySet<string>;
  /** Only counted for storage, the one purpose the delivery reserve holds back. */
  poolFree: PoolFreeCounts | null;
}

export interface Candidate {
  compartment: AllocationCompartment;
  tier: AllocationTier;
}

export interface Assessment extends Candidate {
  obstacles: readonly Obstacle[];
}

export function allocationContext(
  bank: AllocationBank,
  request: AllocationRequest,
): AllocationContext {
  const excluded = new Set(request.excludedCompartmentIds ?? []);
  for (const tried of request.tooSmall ?? []) {
    excluded.add(tried.compartmentId);
  }
  return {
    request,
    policy: bank.policy,
    window: sizeWindowFor(request),
    excluded,
    poolFree: request.purpose === 'storage' ? countPoolFree(bank.compartments) : null,
  };
}

/** The obstacles as a bit set: 0 when the compartment is a candidate. Allocates nothing. */
export function obstacleBits(
  compartment: AllocationCompartment,
  context: AllocationContext,
): number {
  const { request, policy, window } = context;
  let bits = 0;
  if (context.excluded.size > 0 && context.excluded.has(compartment.id)) {
    bits |= obstacleBit.excluded;
  }
  if (compartment.service !== 'in_service') {
    bits |= obstacleBit.out_of_service;
  }
  if (compartment.fault !== null) {
    bits |= obstacleBit.faulty;
  }
  switch (holdingFor(compartment, request, policy)) {
    case 'occupied':
      bits |= obstacleBit.occupied;
      break;
    case 'reserved':
      bits |= obstacleBit.reserved;
      break;
    case 'one_parcel_per_compartment':
      bits |= obstacleBit.one_parcel_per_compartment;
      break;
    default:
      break;
  }
  if (dedicationFor(compartment, request.party) === 'dedicated_to_other') {
    bits |= obstacleBit.dedicated_to_other;
  }
  const rank = sizeRank(compartment.size);
  if (window === null || rank < sizeRank(window.smallest)) {
    bits |= obstacleBit.too_small;
  } else if (rank > sizeRank(window.largest)) {
    bits |= obstacleBit.above_chosen_size;
  }
  if (request.accessibilityNeed && !isAccessibleDoor(compartment)) {
    bits |= obstacleBit.not_accessible;
  }
  if (context.poolFree !== null && isKeptForDeliveries(compartment, policy, context.poolFree)) {
    bits |= obstacleBit.kept_for_deliveries;
  }
  return bits;
}

/** The party's claim on a compartment, whatever stands in its way. */
export function tierOf(
  compartment: AllocationCompartment,
  context: AllocationContext,
): AllocationTier {
  const holding = holdingFor(compartment, context.request, context.policy);
  if (holding === 'reservation') {
    return 'reservation';
  }
  if (holding === 'consolidation') {
    return 'consolidation';
  }
  return dedicationFor(compartment, context.request.party) === 'dedicated_to_party'
    ? 'dedicated'
    : 'pool';
}

/** The full verdict on one compartment, for the paths that explain themselves. */
export function assess(compartment: AllocationCompartment, context: AllocationContext): Assessment {
  const bits = obstacleBits(compartment, context);
  return {
    compartment,
    tier: tierOf(compartment, context),
    obstacles: obstacles.filter((obstacle) => (bits & obstacleBit[obstacle]) !== 0),
  };
}
