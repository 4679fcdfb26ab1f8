import type {
  AllocationBank,
  AllocationCompartment,
  AllocationParty,
  AllocationPolicy,
  AllocationRequest,
} from '../../../src-shared/allocation/index.js';

/** Parties the tables use: two people and a department. */
export const alice: AllocationParty = { kind: 'recipient', id: 'alice' };
export const bob: AllocationParty = { kind: 'recipient', id: 'bob' };
export const finance: AllocationParty = { kind: 'department', id: 'finance' };
/** A department whose id is a recipient's id: kinds must be compared too. */
export const aliceDepartment: AllocationParty = { kind: 'department', id: 'alice' };

/** Door heights: within reach (B5), above it, below it. */
export const reachable = { doorBottomCm: 60, doorTopCm: 90 };
export const high = { doorBottomCm: 130, doorTopCm: 160 };
export const low = { doorBottomCm: 5, doorTopCm: 35 };

/** A free, working, undedicated, reachable compartment; `overrides` says how this one differs. */
export function compartment(
  label: string,
  overrides: Partial<AllocationCompartment> = {},
): AllocationCompartment {
  return {
    id: `id-${label}`,
    label,
    size: 'S',
    ...reachable,
    service: 'in_service',
    fault: null,
    occupancy: { state: 'free' },
    dedicatedTo: null,
    ...overrides,
  };
}

export const openPolicy: AllocationPolicy = { consolidation: true, keptForDeliveries: {} };

export function bank(
  compartments: AllocationCompartment[],
  policy: Partial<AllocationPolicy> = {},
): AllocationBank {
  return { compartments, policy: { ...openPolicy, ...policy } };
}

/** Alice's small parcel, engine's choice, no accessibility need. */
export function request(overrides: Partial<AllocationRequest> = {}): AllocationRequest {
  return {
    purpose: 'delivery',
    party: alice,
    accessibilityNeed: false,
    parcelSize: 'S',
    mode: { kind: 'engine' },
    ...overrides,
  };
}

export const occupiedBy = (
  party: AllocationParty,
  purpose: 'delivery' | 'storage' = 'delivery',
): AllocationCompartment['occupancy'] => ({ state: 'occupied', party, purpose });

export const reservedFor = (
  party: AllocationParty,
  options: { purpose?: 'delivery' | 'storage'; parcelId?: string | null } = {},
): AllocationCompartment['occupancy'] => ({
  state: 'reserved',
  party,
  purpose: options.purpose ?? 'delivery',
  parcelId: options.parcelId ?? null,
});
