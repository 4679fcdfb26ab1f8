import type { CompartmentSize } from '../domain/compartment.js';
import type { CompartmentFault } from './allocation-input.js';

/**
 * Reason codes the operator sees (issue 4: "every choice carries a reason the operator can
 * see"). Codes are stable for clients and tests; texts live in i18n/features/allocation.ts under
 * `allocation.choice.<code>`, `allocation.cause.<code>` and `allocation.refusal.<code>`, and
 * reason-text.ts fills them in. Parameters named `size`/`…Size` and `fault` hold codes that the
 * text translates too.
 */

type NoParams = Record<string, never>;

/** Why this compartment was chosen; a choice carries one or more, the main one first. */
export interface ChoiceReasonParams {
  /** D2: held in advance for this party (and this parcel). */
  reserved_in_advance: { label: string };
  /** D6: the party's own compartment already holds their parcels. */
  consolidated: { label: string };
  /** D5. */
  dedicated_to_recipient: { label: string };
  dedicated_to_department: { label: string };
  smallest_fit: { label: string; size: CompartmentSize };
  /** X5: none free at the size asked for, so the next size up that had one. */
  upsized: { label: string; size: CompartmentSize; requestedSize: CompartmentSize };
  operator_size: { label: string; size: CompartmentSize };
  /** D8: chosen by hand and every rule checked. */
  operator_compartment: { label: string };
  /** B5. */
  accessible_door: { label: string; bottom: number; top: number };
  /** X5: the previous compartment was too small. */
  bigger_door_retry: { label: string; previousLabel: string };
}

/** Why nothing was chosen, or why the operator's compartment may not be used. */
export interface RefusalCauseParams {
  /** B5: free compartments exist, but not with the whole door within reach. */
  accessibility_need: { minCm: number; maxCm: number };
  /** D5: free compartments exist, dedicated to other recipients or departments. */
  dedicated_to_others: NoParams;
  /** C6: storage asked, and the free compartments left are kept for deliveries. */
  kept_for_deliveries: NoParams;
  /** C7: the party's compartment could take it, but the bank allows one parcel per compartment. */
  one_parcel_per_compartment: { label: string };
  /** The operator chose a size without upsizing, and only bigger ones are free. */
  size_fixed_by_operator: { size: CompartmentSize };
  /** Only compartments left out for this request (tried before) would do. */
  excluded_compartments: { labels: string };
  /** X5: the parcel did not fit the largest size the bank has. */
  no_bigger_size: { size: CompartmentSize };
  /** Nothing of a fitting size is free, in service and without a fault. */
  all_in_use: { size: CompartmentSize };
  /** D8: the operator's compartment, each rule it breaks. */
  compartment_unknown: { label: string };
  compartment_excluded: { label: string };
  compartment_out_of_service: { label: string };
  compartment_faulty: { label: string; fault: CompartmentFault };
  compartment_occupied: { label: string };
  compartment_reserved: { label: string };
  compartment_one_parcel_per_compartment: { label: string };
  compartment_dedicated_to_other: { label: string };
  compartment_too_small: { label: string; size: CompartmentSize; requiredSize: CompartmentSize };
  compartment_above_chosen_size: { label: string; size: CompartmentSize };
  compartment_not_accessible: {
    label: string;
    bottom: number;
    top: number;
    minCm: number;
    maxCm: number;
  };
  compartment_kept_for_deliveries: { label: string; size: CompartmentSize };
}

export interface RefusalCodeParams {
  /** B5's exact wording: "No compartment is currently available in the selected locker". */
  no_compartment_available: NoParams;
  /** D8: the compartment the operator chose may not be used; the causes say why. */
  compartment_not_allowed: { label: string };
}

export type ChoiceReasonCode = keyof ChoiceReasonParams;
export type RefusalCauseCode = keyof RefusalCauseParams;
export type RefusalCode = keyof RefusalCodeParams;

type Coded<Params> = { [Code in keyof Params]: { code: Code; params: Params[Code] } }[keyof Params];
export type ChoiceReason = Coded<ChoiceReasonParams>;
export type RefusalCause = Coded<RefusalCauseParams>;
export type RefusalHeadline = Coded<RefusalCodeParams>;

/**
 * Every code once, for tests and catalogues. Written as records so that a code added to a params
 * map and not here (or the reverse) fails the typecheck.
 */
const choiceReasonCodeSet: Record<ChoiceReasonCode, true> = {
  reserved_in_advance: true,
  consolidated: true,
  dedicated_to_recipient: true,
  dedicated_to_department: true,
  smallest_fit: true,
  upsized: true,
  operator_size: true,
  operator_compartment: true,
  accessible_door: true,
  bigger_door_retry: true,
};
const refusalCauseCodeSet: Record<RefusalCauseCode, true> = {
  accessibility_need: true,
  dedicated_to_others: true,
  kept_for_deliveries: true,
  one_parcel_per_compartment: true,
  size_fixed_by_operator: true,
  excluded_compartments: true,
  no_bigger_size: true,
  all_in_use: true,
  compartment_unknown: true,
  compartment_excluded: true,
  compartment_out_of_service: true,
  compartment_faulty: true,
  compartment_occupied: true,
  compartment_reserved: true,
  compartment_one_parcel_per_compartment: true,
  compartment_dedicated_to_other: true,
  compartment_too_small: true,
  compartment_above_chosen_size: true,
  compartment_not_accessible: true,
  compartment_kept_for_deliveries: true,
};
const refusalCodeSet: Record<RefusalCode, true> = {
  no_compartment_available: true,
  compartment_not_allowed: true,
};

export const choiceReasonCodes = Object.keys(choiceReasonCodeSet) as ChoiceReasonCode[];
export const refusalCauseCodes = Object.keys(refusalCauseCodeSet) as RefusalCauseCode[];
export const refusalCodes = Object.keys(refusalCodeSet) as RefusalCode[];
