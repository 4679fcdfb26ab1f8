import { isAccessibleDoor, reachOverflowCm } from './accessibility.js';
import type { AllocationTier, Candidate } from './assessment.js';
import { compareCodeUnits, compareNatural } from './natural-order.js';
import { sizeRank } from './size-order.js';

/**
 * The engine's order among candidates; negative when `a` comes first. It is a total order (ids
 * are unique), so the choice never depends on the order the compartments were listed in:
 *
 * 1. Tier: the party's reservation, their compartment already holding parcels, one dedicated
 *    to them, then the general pool (D2, D6, D5).
 * 2. Size, smallest first: big compartments stay free for big parcels (X5 smallest fit).
 * 3. For a recipient without an accessibility need, doors outside the accessible range first:
 *    accessible doors are the scarce ones (usually a band of rows in the middle), and spending
 *    them on people who can reach any door leaves accessible recipients with none (B5).
 * 4. Closest to the accessible range (cm outside it): among the doors people without a need
 *    get, the least awkward ones, a 130 cm door before a 190 cm one.
 * 5. Lower door first: a heavy parcel is safer lifted down into and out of a compartment than
 *    above shoulder height, and at equal reach this is the only physical difference left.
 * 6. Label in natural order ("A2" before "A10"), which operators can predict; 7. id, for two
 *    compartments with the same label (a data error, but the choice must still be stable).
 */
export function comparePreference(a: Candidate, b: Candidate, accessibilityNeed: boolean): number {
  return (
    tierRank(a.tier) - tierRank(b.tier) ||
    sizeRank(a.compartment.size) - sizeRank(b.compartment.size) ||
    (accessibilityNeed ? 0 : accessibleLast(a) - accessibleLast(b)) ||
    reachOverflowCm(a.compartment) - reachOverflowCm(b.compartment) ||
    a.compartment.doorBottomCm - b.compartment.doorBottomCm ||
    compareNatural(a.compartment.label, b.compartment.label) ||
    compareCodeUnits(a.compartment.id, b.compartment.id)
  );
}

/** A switch rather than indexOf or a keyed lookup: the comparison runs for every candidate. */
function tierRank(tier: AllocationTier): number {
  switch (tier) {
    case 'reservation':
      return 0;
    case 'consolidation':
      return 1;
    case 'dedicated':
      return 2;
    case 'pool':
      return 3;
  }
}

function accessibleLast(candidate: Candidate): number {
  return isAccessibleDoor(candidate.compartment) ? 1 : 0;
}
