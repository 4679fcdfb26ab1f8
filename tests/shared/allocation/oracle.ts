import type {
  AllocationBank,
  AllocationCompartment,
  AllocationRequest,
} from '../../../src-shared/allocation/index.js';

/**
 * A brute-force restatement of issue 4's rules, written apart from the engine (no shared
 * helpers) so the property tests compare two readings of the spec rather than the engine with
 * itself. Slow and plain on purpose.
 */

const order = ['S', 'M', 'L'];

/** Sizes the request may use, or none once the parcel failed the largest size. */
function allowedSizes(request: AllocationRequest): string[] {
  let floor = order.indexOf(request.parcelSize);
  if (request.mode.kind === 'size') {
    floor = Math.max(floor, order.indexOf(request.mode.size));
  }
  for (const tried of request.tooSmall ?? []) {
    floor = Math.max(floor, order.indexOf(tried.size) + 1);
  }
  if (floor >= order.length) {
    return [];
  }
  const fixed = request.mode.kind === 'size' && !request.mode.allowUpsizing;
  return fixed ? [order[floor]!] : order.slice(floor);
}

function sameParty(
  a: { kind: string; id: string } | null,
  b: { kind: string; id: string },
): boolean {
  return a !== null && a.kind === b.kind && a.id === b.id;
}

function generallyFree(c: AllocationCompartment): boolean {
  return (
    c.occupancy.state === 'free' &&
    c.service === 'in_service' &&
    c.fault === null &&
    c.dedicatedTo === null
  );
}

/** Every compartment the request may be given, each rule of the issue checked in turn. */
export function allowedCompartments(
  bank: AllocationBank,
  request: AllocationRequest,
): AllocationCompartment[] {
  const left = new Set([
    ...(request.excludedCompartmentIds ?? []),
    ...(request.tooSmall ?? []).map((tried) => tried.compartmentId),
  ]);
  const sizes = allowedSizes(request);
  return bank.compartments.filter((c) => {
    if (left.has(c.id) || c.service !== 'in_service' || c.fault !== null) {
      return false;
    }
    const occupancy = c.occupancy;
    if (occupancy.state === 'reserved') {
      const mine =
        sameParty(occupancy.party, request.party) &&
        occupancy.purpose === request.purpose &&
        (occupancy.parcelId === null || occupancy.parcelId === (request.parcelId ?? null));
      if (!mine) {
        return false;
      }
    }
    if (occupancy.state === 'occupied') {
      const joinable =
        bank.policy.consolidation &&
        request.purpose === 'delivery' &&
        occupancy.purpose === 'delivery' &&
        sameParty(occupancy.party, request.party);
      if (!joinable) {
        return false;
      }
    }
    if (c.dedicatedTo !== null && !sameParty(c.dedicatedTo, request.party)) {
      return false;
    }
    if (!sizes.includes(c.size)) {
      return false;
    }
    if (request.accessibilityNeed && (c.doorBottomCm < 38 || c.doorTopCm > 122)) {
      return false;
    }
    if (request.purpose === 'storage' && generallyFree(c)) {
      const freeOfSize = bank.compartments.filter((o) => generallyFree(o) && o.size === c.size);
      if (freeOfSize.length <= (bank.policy.keptForDeliveries[c.size] ?? 0)) {
        return false;
      }
    }
    return true;
  });
}

/** Reservation (0), the party's compartment with parcels (1), dedicated (2), anything else (3). */
export function oracleTier(c: AllocationCompartment): number {
  if (c.occupancy.state === 'reserved') {
    return 0;
  }
  if (c.occupancy.state === 'occupied') {
    return 1;
  }
  return c.dedicatedTo !== null ? 2 : 3;
}

export function oracleSizeRank(c: AllocationCompartment): number {
  return order.indexOf(c.size);
}
