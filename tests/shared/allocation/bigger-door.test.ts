import { describe, expect, it } from 'vitest';
import {
  allocateCompartment,
  biggerDoorRequest,
  type AllocationBank,
  type AllocationRequest,
  type AllocationResult,
} from '../../../src-shared/allocation/index.js';
import { alice, bank, bob, compartment, occupiedBy, request } from './fixtures.js';

/** X5: the operator says the parcel did not fit; the engine tries again one size up. */
function retryAfter(
  theBank: AllocationBank,
  previous: AllocationRequest,
  result: AllocationResult,
): { request: AllocationRequest; result: AllocationResult } {
  if (!result.ok) {
    throw new Error(`nothing to retry: ${result.refusal.code}`);
  }
  const next = biggerDoorRequest(previous, result.choice);
  return { request: next, result: allocateCompartment(theBank, next) };
}

function labelOf(result: AllocationResult): string | null {
  return result.ok ? result.choice.label : null;
}

describe('"needs a bigger door" (X5)', () => {
  const threeSizes = bank([
    compartment('A1'),
    compartment('A2'),
    compartment('A3', { size: 'M' }),
    compartment('A4', { size: 'L' }),
  ]);

  it('leaves the too-small compartment out and asks for the next size up', () => {
    const first = request();
    const firstResult = allocateCompartment(threeSizes, first);
    expect(labelOf(firstResult)).toBe('A1');
    const retry = retryAfter(threeSizes, first, firstResult);
    // A2 is free and S, but S already proved too small.
    expect(labelOf(retry.result)).toBe('A3');
    expect(retry.result.ok && retry.result.choice.reasons).toEqual([
      { code: 'smallest_fit', params: { label: 'A3', size: 'M' } },
      { code: 'bigger_door_retry', params: { label: 'A3', previousLabel: 'A1' } },
    ]);
  });

  it('keeps earlier retries: after S and then M, an L', () => {
    const first = request();
    const second = retryAfter(threeSizes, first, allocateCompartment(threeSizes, first));
    const third = retryAfter(threeSizes, second.request, second.result);
    expect(labelOf(third.result)).toBe('A4');
    expect(third.request.tooSmall?.map((tried) => tried.label)).toEqual(['A1', 'A3']);
  });

  it('refuses after the largest size, saying there is no bigger one', () => {
    const largeParcel = request({ parcelSize: 'L' });
    const retry = retryAfter(threeSizes, largeParcel, allocateCompartment(threeSizes, largeParcel));
    expect(retry.result).toEqual({
      ok: false,
      refusal: {
        code: 'no_compartment_available',
        params: {},
        causes: [{ code: 'no_bigger_size', params: { size: 'L' } }],
      },
    });
  });

  it('refuses when the bigger sizes are all in use', () => {
    const full = bank([
      compartment('A1'),
      compartment('A2', { size: 'M', occupancy: occupiedBy(bob) }),
      compartment('A3', { size: 'L', occupancy: occupiedBy(bob) }),
    ]);
    const first = request();
    const retry = retryAfter(full, first, allocateCompartment(full, first));
    expect(!retry.result.ok && retry.result.refusal.causes).toEqual([
      { code: 'all_in_use', params: { size: 'M' } },
    ]);
  });

  it('leaves her parcels’ compartment out once the parcel did not fit it (D6)', () => {
    const withHers = bank([
      compartment('A1', { size: 'M', occupancy: occupiedBy(alice) }),
      compartment('A2', { size: 'M' }),
      compartment('A3', { size: 'L' }),
    ]);
    const first = request();
    const firstResult = allocateCompartment(withHers, first);
    expect(firstResult.ok && firstResult.choice.tier).toBe('consolidation');
    const retry = retryAfter(withHers, first, firstResult);
    expect(labelOf(retry.result)).toBe('A3');
  });

  it('goes past the operator’s size even without upsizing: the size is what failed', () => {
    const fixed = request({ mode: { kind: 'size', size: 'M', allowUpsizing: false } });
    const firstResult = allocateCompartment(threeSizes, fixed);
    expect(labelOf(firstResult)).toBe('A3');
    const retry = retryAfter(threeSizes, fixed, firstResult);
    expect(retry.request.mode).toEqual({ kind: 'size', size: 'M', allowUpsizing: false });
    expect(labelOf(retry.result)).toBe('A4');
  });

  it('hands a compartment chosen by hand back to the engine', () => {
    const byHand = request({ mode: { kind: 'compartment', compartmentId: 'id-A2' } });
    const firstResult = allocateCompartment(threeSizes, byHand);
    expect(labelOf(firstResult)).toBe('A2');
    const retry = retryAfter(threeSizes, byHand, firstResult);
    expect(retry.request.mode).toEqual({ kind: 'engine' });
    expect(labelOf(retry.result)).toBe('A3');
  });

  it('refuses a hand choice of the size that already failed, naming the size needed', () => {
    const retried = biggerDoorRequest(request(), {
      compartmentId: 'id-A1',
      label: 'A1',
      size: 'S',
    });
    const result = allocateCompartment(threeSizes, {
      ...retried,
      mode: { kind: 'compartment', compartmentId: 'id-A2' },
    });
    expect(!result.ok && result.refusal.causes).toEqual([
      { code: 'compartment_too_small', params: { label: 'A2', size: 'S', requiredSize: 'M' } },
    ]);
  });

  it('refuses any hand choice once the largest size failed', () => {
    const retried = biggerDoorRequest(request(), {
      compartmentId: 'id-A4',
      label: 'A4',
      size: 'L',
    });
    const result = allocateCompartment(threeSizes, {
      ...retried,
      mode: { kind: 'compartment', compartmentId: 'id-A3' },
    });
    expect(!result.ok && result.refusal.causes).toEqual([
      { code: 'no_bigger_size', params: { size: 'L' } },
    ]);
  });

  it('does not change the request it was given', () => {
    const first = request();
    const copy = structuredClone(first);
    biggerDoorRequest(first, { compartmentId: 'id-A1', label: 'A1', size: 'S' });
    expect(first).toEqual(copy);
  });
});
