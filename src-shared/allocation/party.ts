import type { AllocationParty } from './allocation-input.js';

/** Whether two parties are the same recipient, or the same department. */
export function sameParty(a: AllocationParty, b: AllocationParty): boolean {
  return a.kind === b.kind && a.id === b.id;
}
