import type { CompartmentSize } from '../domain/compartment.js';
import type { AllocationTier } from './assessment.js';
import type { ChoiceReason, RefusalCause, RefusalHeadline } from './reasons.js';

/** The compartment chosen, and why, for the operator to see. */
export interface AllocationChoice {
  compartmentId: string;
  label: string;
  size: CompartmentSize;
  doorBottomCm: number;
  doorTopCm: number;
  /**
   * How the compartment is held for the party: `reservation` and `consolidation` reuse what they
   * already have (no new reservation to make); `dedicated` and `pool` take a free compartment.
   */
  tier: AllocationTier;
  /** The main reason first; never empty. */
  reasons: readonly ChoiceReason[];
}

/** Nothing chosen: a headline in the operator's words and the causes behind it. */
export type AllocationRefusal = RefusalHeadline & { causes: readonly RefusalCause[] };

export type AllocationResult =
  { ok: true; choice: AllocationChoice } | { ok: false; refusal: AllocationRefusal };
