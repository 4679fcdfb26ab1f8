/** The allocation engine's public surface (issue 4, item 3); the rest is its inner workings. */
export { accessibleDoorRange, isAccessibleDoor } from './accessibility.js';
export { allocateCompartment } from './allocate.js';
export {
  compartmentFaults,
  type AllocationBank,
  type AllocationCompartment,
  type AllocationMode,
  type AllocationParty,
  type AllocationPolicy,
  type AllocationPurpose,
  type AllocationRequest,
  type CompartmentFault,
  type CompartmentOccupancy,
  type TooSmallCompartment,
} from './allocation-input.js';
export type { AllocationChoice, AllocationRefusal, AllocationResult } from './allocation-result.js';
export { allocationTiers, type AllocationTier } from './assessment.js';
export { biggerDoorRequest } from './bigger-door.js';
export { describeChoiceReason, describeRefusal, describeRefusalCause } from './reason-text.js';
export {
  choiceReasonCodes,
  refusalCauseCodes,
  refusalCodes,
  type ChoiceReason,
  type ChoiceReasonCode,
  type RefusalCause,
  type RefusalCauseCode,
  type RefusalCode,
} from './reasons.js';
