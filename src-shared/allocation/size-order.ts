import { compartmentSizes, type CompartmentSize } from '../domain/compartment.js';
import type { AllocationRequest } from './allocation-input.js';

/**
 * Position of a size in the bank's order, smallest first (domain/compartment.ts). A switch, not
 * a lookup by key: the engine ranks every compartment of the bank, and a keyed lookup was half
 * of its time (bench). The typecheck makes it cover every size; a test checks the order.
 */
export function sizeRank(size: CompartmentSize): number {
  switch (size) {
    case 'S':
      return 0;
    case 'M':
      return 1;
    case 'L':
      return 2;
  }
}

/** The next size up, or null for the largest. */
export function nextSizeUp(size: CompartmentSize): CompartmentSize | null {
  return compartmentSizes[sizeRank(size) + 1] ?? null;
}

export const largestSize: CompartmentSize = compartmentSizes[compartmentSizes.length - 1]!;

function larger(a: CompartmentSize, b: CompartmentSize): CompartmentSize {
  return sizeRank(a) >= sizeRank(b) ? a : b;
}

/** The sizes a request may use, both ends included. */
export interface SizeWindow {
  smallest: CompartmentSize;
  largest: CompartmentSize;
}

/**
 * The sizes this request may use, or null when the parcel already failed the largest size (X5).
 * The floor is the parcel's size, raised to the operator's chosen size and to the size above the
 * largest compartment it did not fit; "needs a bigger door" asks for bigger even when the
 * operator had said "no upsizing", because keeping the too-small size would fail again.
 */
export function sizeWindowFor(request: AllocationRequest): SizeWindow | null {
  let smallest = request.parcelSize;
  if (request.mode.kind === 'size') {
    smallest = larger(smallest, request.mode.size);
  }
  for (const tried of request.tooSmall ?? []) {
    const bigger = nextSizeUp(tried.size);
    if (bigger === null) {
      return null;
    }
    smallest = larger(smallest, bigger);
  }
  const upsizing = request.mode.kind !== 'size' || request.mode.allowUpsizing;
  return { smallest, largest: upsizing ? largestSize : smallest };
}

/** The largest size among the compartments a parcel did not fit; null when none. */
export function largestTooSmall(request: AllocationRequest): CompartmentSize | null {
  let largestTried: CompartmentSize | null = null;
  for (const tried of request.tooSmall ?? []) {
    largestTried = largestTried === null ? tried.size : larger(largestTried, tried.size);
  }
  return largestTried;
}
