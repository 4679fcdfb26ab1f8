import type { AllocationBank, AllocationRequest } from './allocation-input.js';
import type { AllocationResult } from './allocation-result.js';
import { allocationContext, obstacleBits, tierOf, type Candidate } from './assessment.js';
import { choiceFor } from './choice-reasons.js';
import { checkHandChoice } from './hand-choice.js';
import { comparePreference } from './preference.js';
import { noCompartmentRefusal } from './refusal-causes.js';

/**
 * Issue 4's allocation engine: which compartment a parcel (or a storage user's items) goes
 * into, or why none. Pure and deterministic: the same bank and request always give the same
 * answer, whatever order the compartments are listed in; nothing is read or written.
 *
 * One pass keeps the best candidate so far (preference.ts): 1,000 compartments cost 1,000 rule
 * checks, no sort and almost no garbage. A refusal goes over the compartments once more to
 * explain itself (refusal-causes.ts).
 */
export function allocateCompartment(
  bank: AllocationBank,
  request: AllocationRequest,
): AllocationResult {
  const context = allocationContext(bank, request);
  if (request.mode.kind === 'compartment') {
    return checkHandChoice(bank.compartments, request.mode.compartmentId, context);
  }
  let best: Candidate | null = null;
  for (const compartment of bank.compartments) {
    if (obstacleBits(compartment, context) !== 0) {
      continue;
    }
    const candidate: Candidate = { compartment, tier: tierOf(compartment, context) };
    if (best === null || comparePreference(candidate, best, request.accessibilityNeed) < 0) {
      best = candidate;
    }
  }
  if (best !== null) {
    return { ok: true, choice: choiceFor(best, context) };
  }
  return { ok: false, refusal: noCompartmentRefusal(bank.compartments, context) };
}
