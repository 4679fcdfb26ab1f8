import type { CompartmentSize, ServiceState } from '../domain/compartment.js';

/**
 * What the allocation engine is given. The engine reads no database: the kiosk core (or the
 * console) maps its own rows onto these types, so the rules can be tested and reused anywhere.
 */

/**
 * Who a parcel, a reservation or a dedication is for: one recipient, or a department whose
 * parcels its key contact picks up (A2, E3). Ids are opaque to the engine; it only compares them.
 */
export type AllocationParty =
  { kind: 'recipient'; id: string } | { kind: 'department'; id: string };

/** A parcel delivered for someone, or personal items stored by their owner (C6, F1). */
export type AllocationPurpose = 'delivery' | 'storage';

/**
 * Why a compartment that is still in service must not take anything new right now. A door that
 * failed to open or whose state is unknown could never show the deposit as done (door truth, X2);
 * an unexpected item means the kiosk's idea of "empty" is wrong.
 */
export const compartmentFaults = [
  'failed_to_open',
  'left_open',
  'opened_without_command',
  'door_state_unknown',
  'unexpected_item',
] as const;
export type CompartmentFault = (typeof compartmentFaults)[number];

/** What a compartment holds or is held for at the moment of allocation. */
export type CompartmentOccupancy =
  | { state: 'free' }
  /**
   * Held in advance (D2, F2) for a party and purpose, and optionally for one parcel: only that
   * party (and that parcel) may use it.
   */
  | {
      state: 'reserved';
      party: AllocationParty;
      purpose: AllocationPurpose;
      parcelId: string | null;
    }
  /** Holds a party's parcels awaiting pickup, or their stored items. */
  | { state: 'occupied'; party: AllocationParty; purpose: AllocationPurpose };

export interface AllocationCompartment {
  id: string;
  /** What is printed on the door; also the tie-break of last resort, in natural order. */
  label: string;
  size: CompartmentSize;
  /** Lower and upper edge of the door above the floor, in cm (B5, X4). */
  doorBottomCm: number;
  doorTopCm: number;
  service: ServiceState;
  fault: CompartmentFault | null;
  occupancy: CompartmentOccupancy;
  /** D5: the recipient or department this compartment is kept for; null for everyone. */
  dedicatedTo: AllocationParty | null;
}

/** The bank's settings that shape allocation (C6, C7). */
export interface AllocationPolicy {
  /**
   * C7: false on sites that require one parcel per compartment; then a recipient's existing
   * compartment never takes another parcel (D6 off).
   */
  consolidation: boolean;
  /**
   * C6: how many free compartments of each size stay kept for deliveries only. Storage may take a
   * free compartment of a size only while more than this many of that size are free. A missing
   * size keeps none.
   */
  keptForDeliveries: Readonly<Partial<Record<CompartmentSize, number>>>;
}

/**
 * How the compartment is chosen (C2, D8):
 * - `engine`: the engine chooses, smallest size that fits, upsizing when none is free;
 * - `size`: the operator chose a size; the engine picks within it, and in bigger sizes only when
 *   `allowUpsizing`;
 * - `compartment`: the operator chose one compartment by hand; the engine only checks it.
 */
export type AllocationMode =
  | { kind: 'engine' }
  | { kind: 'size'; size: CompartmentSize; allowUpsizing: boolean }
  | { kind: 'compartment'; compartmentId: string };

/** A compartment the parcel did not fit into (X5 "needs a bigger door"). */
export interface TooSmallCompartment {
  compartmentId: string;
  label: string;
  size: CompartmentSize;
}

export interface AllocationRequest {
  purpose: AllocationPurpose;
  party: AllocationParty;
  /** B5: the whole door must be within reach (see accessibility.ts). */
  accessibilityNeed: boolean;
  /** The parcel being placed, so a reservation made for one parcel (D2) is used for that one only. */
  parcelId?: string | null;
  /** The smallest size the parcel fits; 'S' when nobody knows better. */
  parcelSize: CompartmentSize;
  mode: AllocationMode;
  /** Compartments not to use this time, such as a door that just failed to open (issue 4, D). */
  excludedCompartmentIds?: readonly string[];
  /**
   * X5: compartments the parcel did not fit, in the order they were tried. They are left out and
   * the parcel needs at least the size above the largest of them.
   */
  tooSmall?: readonly TooSmallCompartment[];
}

/** The bank as the engine sees it at one moment. */
export interface AllocationBank {
  compartments: readonly AllocationCompartment[];
  policy: AllocationPolicy;
}
