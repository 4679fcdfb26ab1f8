import type { StorageOptions } from '../../../src-shared/api/storage-methods.js';
import type { AllocationBank } from '../../../src-shared/allocation/index.js';
import { countPoolFree } from '../../../src-shared/allocation/delivery-reserve.js';
import type { StoragePolicy } from '../../../src-shared/domain/bank-settings.js';
import { compartmentSizes } from '../../../src-shared/domain/compartment.js';

/**
 * F1, C6: what the walk-up screen may offer now. Per size, storage may take a compartment of the
 * general pool (free, in service, no fault, dedicated to nobody; a compartment busy with a door
 * task counts as faulty in the snapshot) only while more than the delivery quota of that size
 * stays free, so it may take `free − kept` of them, one after the other — the engine's own rule
 * (src-shared/allocation/delivery-reserve.ts) counted over the same snapshot.
 */
export function storageOptions(bank: AllocationBank, policy: StoragePolicy): StorageOptions {
  const free = countPoolFree(bank.compartments);
  return {
    duration: policy.duration,
    extension: policy.extension,
    sizes: compartmentSizes.map((size) => ({
      size,
      available: Math.max(0, free[size] - (bank.policy.keptForDeliveries[size] ?? 0)),
    })),
  };
}
