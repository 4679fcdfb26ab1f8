import type {
  AllocationCompartment,
  AllocationPolicy,
  AllocationRequest,
} from './allocation-input.js';
import { sameParty } from './party.js';

/**
 * What a compartment already holds, seen from one request:
 * - `free`: empty and held for nobody;
 * - `reservation`: held in advance for this party, purpose and (if named) parcel (D2, F2);
 * - `consolidation`: holds this party's parcels awaiting pickup, so a delivery may join them (D6);
 * - `one_parcel_per_compartment`: would be `consolidation`, but the bank forbids it (C7);
 * - `reserved` / `occupied`: someone else's, or not shareable for this purpose.
 */
export type Holding =
  'free' | 'reservation' | 'consolidation' | 'one_parcel_per_compartment' | 'reserved' | 'occupied';

export function holdingFor(
  compartment: AllocationCompartment,
  request: AllocationRequest,
  policy: AllocationPolicy,
): Holding {
  const occupancy = compartment.occupancy;
  switch (occupancy.state) {
    case 'free':
      return 'free';
    case 'reserved': {
      const forThisParcel =
        occupancy.parcelId === null || occupancy.parcelId === (request.parcelId ?? null);
      return sameParty(occupancy.party, request.party) &&
        occupancy.purpose === request.purpose &&
        forThisParcel
        ? 'reservation'
        : 'reserved';
    }
    case 'occupied': {
      // Only parcels join parcels: stored items are their owner's private space (F3), and a
      // storage request always gets a compartment of its own.
      const joinable =
        sameParty(occupancy.party, request.party) &&
        occupancy.purpose === 'delivery' &&
        request.purpose === 'delivery';
      if (!joinable) {
        return 'occupied';
      }
      return policy.consolidation ? 'consolidation' : 'one_parcel_per_compartment';
    }
  }
}
