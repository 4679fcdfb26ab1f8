import type {
  CompartmentUse,
  ManagedCompartment,
} from '../../src-shared/api/management-methods.js';

/**
 * The filter row of the management screen: with a hundred compartments an operator looks for
 * the expired ones or the ones out of service, not at all of them. Reserved compartments are
 * only under "all": nobody acts on a reservation at the kiosk.
 */
export const manageFilters = ['all', 'available', 'occupied', 'expired', 'out_of_service'] as const;
export type ManageFilter = (typeof manageFilters)[number];

export function matchesFilter(compartment: ManagedCompartment, filter: ManageFilter): boolean {
  return filter === 'all' || compartment.use === filter;
}

export function countByFilter(
  compartments: readonly ManagedCompartment[],
): Record<ManageFilter, number> {
  const counts: Record<ManageFilter, number> = {
    all: compartments.length,
    available: 0,
    occupied: 0,
    expired: 0,
    out_of_service: 0,
  };
  for (const compartment of compartments) {
    const filter = filterOfUse(compartment.use);
    if (filter !== undefined) {
      counts[filter] += 1;
    }
  }
  return counts;
}

function filterOfUse(use: CompartmentUse): Exclude<ManageFilter, 'all'> | undefined {
  return use === 'reserved' ? undefined : use;
}
