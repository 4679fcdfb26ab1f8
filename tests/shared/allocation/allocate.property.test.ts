import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateCompartment,
  compartmentFaults,
  describeChoiceReason,
  describeRefusal,
  isAccessibleDoor,
  type AllocationBank,
  type AllocationCompartment,
  type AllocationMode,
  type AllocationRequest,
  type AllocationResult,
} from '../../../src-shared/allocation/index.js';
import { compartmentSizes } from '../../../src-shared/domain/compartment.js';
import { locales } from '../../../src-shared/i18n/index.js';
import { alice, aliceDepartment, bob, finance } from './fixtures.js';
import { allowedCompartments, oracleSizeRank, oracleTier } from './oracle.js';

/**
 * Properties of the engine on random banks, checked against the brute-force oracle (oracle.ts).
 * Small banks of few parties, sizes and parcels, so that reservations, dedications and
 * consolidations for the requesting party are common rather than rare.
 */

const parties = [alice, bob, finance, aliceDepartment];
const party = fc.constantFrom(...parties);
const size = fc.constantFrom(...compartmentSizes);
const purpose = fc.constantFrom('delivery' as const, 'storage' as const);
const parcelId = fc.constantFrom(null, 'p1', 'p2');

const occupancy = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ state: 'free' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ state: fc.constant('reserved' as const), party, purpose, parcelId }),
  },
  { weight: 2, arbitrary: fc.record({ state: fc.constant('occupied' as const), party, purpose }) },
);

/** `value` with odds `yes` to `no`, else null. */
function sometimes<T>(value: fc.Arbitrary<T>, yes: number, no: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: yes, arbitrary: value }, { weight: no, arbitrary: fc.constant(null) });
}

const compartmentShape = fc.record({
  size,
  // Doors from the floor to 2 m, so some are within reach (38–122 cm) and many are not.
  doorBottomCm: fc.integer({ min: 0, max: 160 }),
  doorHeightCm: fc.integer({ min: 15, max: 60 }),
  service: fc.oneof(
    { weight: 9, arbitrary: fc.constant('in_service' as const) },
    { weight: 1, arbitrary: fc.constant('out_of_service' as const) },
  ),
  fault: sometimes(fc.constantFrom(...compartmentFaults), 1, 9),
  occupancy,
  dedicatedTo: sometimes(party, 1, 4),
});

const bankArbitrary: fc.Arbitrary<AllocationBank> = fc
  .record({
    shapes: fc.array(compartmentShape, { maxLength: 30, size: 'medium' }),
    consolidation: fc.boolean(),
    kept: fc.record({ S: fc.nat(3), M: fc.nat(3), L: fc.nat(3) }, { requiredKeys: [] }),
  })
  .map(({ shapes, consolidation, kept }) => ({
    compartments: shapes.map(({ doorHeightCm, ...shape }, index): AllocationCompartment => ({
      ...shape,
      id: `c${index}`,
      label: `A${index + 1}`,
      doorTopCm: shape.doorBottomCm + doorHeightCm,
    })),
    policy: { consolidation, keptForDeliveries: kept },
  }));

function requestArbitrary(
  bank: AllocationBank,
  modes: readonly AllocationMode['kind'][],
): fc.Arbitrary<AllocationRequest> {
  const ids = bank.compartments.map((compartment) => compartment.id);
  const someId = ids.length > 0 ? fc.constantFrom(...ids, 'missing') : fc.constant('missing');
  const mode = fc.constantFrom(...modes).chain((kind): fc.Arbitrary<AllocationMode> => {
    switch (kind) {
      case 'engine':
        return fc.constant({ kind: 'engine' });
      case 'size':
        return fc.record({ kind: fc.constant(kind), size, allowUpsizing: fc.boolean() });
      case 'compartment':
        return fc.record({ kind: fc.constant(kind), compartmentId: someId });
    }
  });
  const tried =
    bank.compartments.length > 0
      ? fc.array(
          fc.constantFrom(...bank.compartments).map((compartment) => ({
            compartmentId: compartment.id,
            label: compartment.label,
            size: compartment.size,
          })),
          { maxLength: 2 },
        )
      : fc.constant([]);
  return fc.record({
    purpose,
    party,
    accessibilityNeed: fc.boolean(),
    parcelId,
    // Mostly small parcels, as in a mailroom; L parcels leave few candidates.
    parcelSize: fc.oneof(
      { weight: 3, arbitrary: fc.constant('S' as const) },
      { weight: 2, arbitrary: fc.constant('M' as const) },
      { weight: 1, arbitrary: fc.constant('L' as const) },
    ),
    mode,
    excludedCompartmentIds: fc.subarray(ids, { maxLength: Math.min(3, ids.length) }),
    tooSmall: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: tried }),
  });
}

/** A bank, a request against it, and the same compartments in another order. */
function scenario(modes: readonly AllocationMode['kind'][]) {
  return bankArbitrary.chain((bank) =>
    fc.record({
      bank: fc.constant(bank),
      request: requestArbitrary(bank, modes),
      shuffled: fc.shuffledSubarray([...bank.compartments], {
        minLength: bank.compartments.length,
        maxLength: bank.compartments.length,
      }),
    }),
  );
}

const engineModes = ['engine', 'size'] as const;
const runs = { numRuns: 1000 };

function chosen(bank: AllocationBank, result: AllocationResult): AllocationCompartment | null {
  if (!result.ok) {
    return null;
  }
  return bank.compartments.find((c) => c.id === result.choice.compartmentId) ?? null;
}

describe('allocation properties', () => {
  it('chooses only a compartment every rule allows, and refuses only when none exists', () => {
    fc.assert(
      fc.property(scenario(engineModes), ({ bank, request }) => {
        const result = allocateCompartment(bank, request);
        const allowed = allowedCompartments(bank, request);
        if (!result.ok) {
          expect(allowed.map((c) => c.label)).toEqual([]);
          return;
        }
        const compartment = chosen(bank, result);
        expect(compartment).not.toBeNull();
        expect(allowed).toContain(compartment);
        // The same, rule by rule, so a failure says which one.
        expect(compartment!.service).toBe('in_service');
        expect(compartment!.fault).toBeNull();
        expect(compartmentSizes.indexOf(compartment!.size)).toBeGreaterThanOrEqual(
          compartmentSizes.indexOf(request.parcelSize),
        );
        if (request.accessibilityNeed) {
          expect(isAccessibleDoor(compartment!)).toBe(true);
        }
        if (compartment!.dedicatedTo !== null) {
          expect(compartment!.dedicatedTo).toEqual(request.party);
        }
        if (compartment!.occupancy.state !== 'free') {
          expect(compartment!.occupancy.party).toEqual(request.party);
        }
        expect(request.excludedCompartmentIds).not.toContain(compartment!.id);
      }),
      runs,
    );
  });

  it('prefers reservation, then consolidation, then dedication, then the smallest size', () => {
    fc.assert(
      fc.property(scenario(engineModes), ({ bank, request }) => {
        const compartment = chosen(bank, allocateCompartment(bank, request));
        if (compartment === null) {
          return;
        }
        for (const other of allowedCompartments(bank, request)) {
          const tierDifference = oracleTier(other) - oracleTier(compartment);
          expect(tierDifference, `${other.label} is in a better tier`).toBeGreaterThanOrEqual(0);
          if (tierDifference === 0) {
            expect(oracleSizeRank(other), `${other.label} is smaller`).toBeGreaterThanOrEqual(
              oracleSizeRank(compartment),
            );
          }
        }
      }),
      runs,
    );
  });

  it('accepts a hand-chosen compartment exactly when every rule allows it (D8)', () => {
    fc.assert(
      fc.property(scenario(['compartment']), ({ bank, request }) => {
        const result = allocateCompartment(bank, request);
        const wanted = request.mode.kind === 'compartment' ? request.mode.compartmentId : '';
        const allowedIds = allowedCompartments(bank, request).map((c) => c.id);
        expect(result.ok).toBe(allowedIds.includes(wanted));
        if (result.ok) {
          expect(result.choice.compartmentId).toBe(wanted);
        } else {
          expect(result.refusal.causes.length).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });

  it('gives the same answer for the same input, whatever the order of the compartments', () => {
    fc.assert(
      fc.property(scenario(['engine', 'size', 'compartment']), ({ bank, request, shuffled }) => {
        const first = allocateCompartment(bank, request);
        expect(allocateCompartment(bank, request)).toEqual(first);
        expect(allocateCompartment({ ...bank, compartments: shuffled }, request)).toEqual(first);
      }),
      runs,
    );
  });

  it('explains every answer in both languages, with causes that match the request', () => {
    fc.assert(
      fc.property(scenario(['engine', 'size', 'compartment']), ({ bank, request }) => {
        const result = allocateCompartment(bank, request);
        const texts: string[] = [];
        for (const locale of locales) {
          if (result.ok) {
            expect(result.choice.reasons.length).toBeGreaterThan(0);
            for (const reason of result.choice.reasons) {
              expect(reason.params.label).toBe(result.choice.label);
              texts.push(describeChoiceReason(locale, reason));
            }
          } else {
            const described = describeRefusal(locale, result.refusal);
            expect(described.causes.length).toBeGreaterThan(0);
            texts.push(described.headline, ...described.causes);
          }
        }
        for (const text of texts) {
          expect(text).not.toMatch(/\{\w+\}/);
        }
        if (!result.ok) {
          for (const cause of result.refusal.causes) {
            expect(causeApplies(cause.code, bank, request), cause.code).toBe(true);
          }
        }
      }),
      runs,
    );
  });
});

/** A cause only names a rule that is in force for this bank and request. */
function causeApplies(code: string, bank: AllocationBank, request: AllocationRequest): boolean {
  switch (code) {
    case 'accessibility_need':
      return request.accessibilityNeed;
    case 'kept_for_deliveries':
      return request.purpose === 'storage';
    case 'one_parcel_per_compartment':
      return !bank.policy.consolidation;
    case 'size_fixed_by_operator':
      return request.mode.kind === 'size' && !request.mode.allowUpsizing;
    case 'excluded_compartments':
      return (request.excludedCompartmentIds?.length ?? 0) + (request.tooSmall?.length ?? 0) > 0;
    case 'no_bigger_size':
      return (request.tooSmall ?? []).some((tried) => tried.size === 'L');
    case 'dedicated_to_others':
      return bank.compartments.some((c) => c.dedicatedTo !== null);
    default:
      return true;
  }
}
