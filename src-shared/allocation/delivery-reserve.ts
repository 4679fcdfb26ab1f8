import type { CompartmentSize } from '../domain/compartment.js';
import type { AllocationCompartment, AllocationPolicy } from './allocation-input.js';

/**
 * C6: a number of compartments of each size stays free for deliveries only, so personal storage
 * cannot fill the bank before the day's parcels arrive. The count is over the general pool:
 * free, in service, without a fault and dedicated to nobody. Dedicated compartments serve only
 * their party, so they cannot be counted as kept for everyone's deliveries.
 */
export function isPoolFree(compartment: AllocationCompartment): boolean {
  return (
    compartment.occupancy.state === 'free' &&
    compartment.service === 'in_service' &&
    compartment.fault === null &&
    compartment.dedicatedTo === null
  );
}

export type PoolFreeCounts = Readonly<Record<CompartmentSize, number>>;

export function countPoolFree(compartments: readonly AllocationCompartment[]): PoolFreeCounts {
  const counts: Record<CompartmentSize, number> = { S: 0, M: 0, L: 0 };
  for (const compartment of compartments) {
    if (isPoolFree(compartment)) {
      counts[compartment.size] += 1;
    }
  }
  return counts;
}

/**
 * Whether taking this compartment for storage would eat into the compartments kept for
 * deliveries of its size. Deliveries are never held back by the reserve: it exists for them.
 */
export function isKeptForDeliveries(
  compartment: AllocationCompartment,
  policy: AllocationPolicy,
  poolFree: PoolFreeCounts,
): boolean {
  const kept = policy.keptForDeliveries[compartment.size] ?? 0;
  return isPoolFree(compartment) && poolFree[compartment.size] <= kept;
}
