import type { AllocationRequest } from './allocation-input.js';
import type { AllocationChoice } from './allocation-result.js';

/**
 * X5 "needs a bigger door": the request to run again after the parcel did not fit `tooSmall`.
 * That compartment is left out and the parcel now needs the size above it (size-order.ts); the
 * compartments from earlier retries stay left out. A hand choice becomes the engine's, since
 * the operator's compartment is the one that failed; a chosen size stays chosen, raised.
 */
export function biggerDoorRequest(
  request: AllocationRequest,
  tooSmall: Pick<AllocationChoice, 'compartmentId' | 'label' | 'size'>,
): AllocationRequest {
  return {
    ...request,
    mode: request.mode.kind === 'compartment' ? { kind: 'engine' } : request.mode,
    tooSmall: [
      ...(request.tooSmall ?? []),
      { compartmentId: tooSmall.compartmentId, label: tooSmall.label, size: tooSmall.size },
    ],
  };
}
