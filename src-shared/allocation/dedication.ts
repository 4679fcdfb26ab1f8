import type { AllocationCompartment, AllocationParty } from './allocation-input.js';
import { sameParty } from './party.js';

/**
 * D5: a dedicated compartment is for its recipient or department first and never for anyone
 * else. A department's compartment serves parcels addressed to the department (picked up by its
 * key contact, E3), not its members' personal parcels: they have their own code and pickup.
 */
export type Dedication = 'open' | 'dedicated_to_party' | 'dedicated_to_other';

export function dedicationFor(
  compartment: AllocationCompartment,
  party: AllocationParty,
): Dedication {
  if (compartment.dedicatedTo === null) {
    return 'open';
  }
  return sameParty(compartment.dedicatedTo, party) ? 'dedicated_to_party' : 'dedicated_to_other';
}
