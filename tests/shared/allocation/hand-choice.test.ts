import { describe, expect, it } from 'vitest';
import { allocateCompartment } from '../../../src-shared/allocation/index.js';
import { checkRow, type AllocationRow } from './expectations.js';
import {
  alice,
  bank,
  bob,
  compartment,
  high,
  occupiedBy,
  request,
  reservedFor,
} from './fixtures.js';

/** D8: the operator picks a compartment by hand; the engine checks it against every rule. */
const byHand = (label: string) => ({
  mode: { kind: 'compartment' as const, compartmentId: `id-${label}` },
});

const allowed: AllocationRow[] = [
  {
    name: 'a free compartment that fits',
    compartments: [compartment('A1'), compartment('A2')],
    request: byHand('A2'),
    expected: { chosen: 'A2', reasons: ['operator_compartment'] },
  },
  {
    name: 'a bigger compartment than needed, although a smaller one is free',
    compartments: [compartment('A1'), compartment('A2', { size: 'L' })],
    request: byHand('A2'),
    expected: { chosen: 'A2', reasons: ['operator_compartment'] },
  },
  {
    name: 'a pool compartment although one is dedicated to her: preferences are the engine’s',
    compartments: [compartment('A1', { dedicatedTo: alice }), compartment('A2')],
    request: byHand('A2'),
    expected: { chosen: 'A2', reasons: ['operator_compartment'] },
  },
  {
    name: 'the compartment holding her parcels (D6)',
    compartments: [compartment('A1', { occupancy: occupiedBy(alice) })],
    request: byHand('A1'),
    expected: { chosen: 'A1', reasons: ['operator_compartment', 'consolidated'] },
  },
  {
    name: 'her dedicated compartment',
    compartments: [compartment('A1', { dedicatedTo: alice })],
    request: byHand('A1'),
    expected: { chosen: 'A1', reasons: ['operator_compartment', 'dedicated_to_recipient'] },
  },
  {
    name: 'her reservation',
    compartments: [compartment('A1', { occupancy: reservedFor(alice) })],
    request: byHand('A1'),
    expected: { chosen: 'A1', reasons: ['operator_compartment', 'reserved_in_advance'] },
  },
  {
    name: 'a door within reach for an accessible recipient',
    compartments: [compartment('A1')],
    request: { ...byHand('A1'), accessibilityNeed: true },
    expected: { chosen: 'A1', reasons: ['operator_compartment', 'accessible_door'] },
  },
];

const refused: AllocationRow[] = [
  {
    name: 'a compartment the bank does not have',
    compartments: [compartment('A1')],
    request: byHand('Z9'),
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_unknown'] },
  },
  {
    name: 'a compartment already tried',
    compartments: [compartment('A1')],
    request: { ...byHand('A1'), excludedCompartmentIds: ['id-A1'] },
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_excluded'] },
  },
  {
    name: 'an out-of-service compartment',
    compartments: [compartment('A1', { service: 'out_of_service' })],
    request: byHand('A1'),
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_out_of_service'] },
  },
  {
    name: 'a faulty compartment',
    compartments: [compartment('A1', { fault: 'failed_to_open' })],
    request: byHand('A1'),
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_faulty'] },
  },
  {
    name: 'a compartment holding someone else’s parcels',
    compartments: [compartment('A1', { occupancy: occupiedBy(bob) })],
    request: byHand('A1'),
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_occupied'] },
  },
  {
    name: 'a compartment reserved for someone else',
    compartments: [compartment('A1', { occupancy: reservedFor(bob) })],
    request: byHand('A1'),
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_reserved'] },
  },
  {
    name: 'her parcels’ compartment when the bank allows one parcel per compartment (C7)',
    compartments: [compartment('A1', { occupancy: occupiedBy(alice) })],
    policy: { consolidation: false },
    request: byHand('A1'),
    expected: {
      refused: 'compartment_not_allowed',
      causes: ['compartment_one_parcel_per_compartment'],
    },
  },
  {
    name: 'a compartment dedicated to someone else',
    compartments: [compartment('A1', { dedicatedTo: bob })],
    request: byHand('A1'),
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_dedicated_to_other'] },
  },
  {
    name: 'a compartment smaller than the parcel',
    compartments: [compartment('A1')],
    request: { ...byHand('A1'), parcelSize: 'M' },
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_too_small'] },
  },
  {
    name: 'a door out of reach for an accessible recipient',
    compartments: [compartment('A1', high)],
    request: { ...byHand('A1'), accessibilityNeed: true },
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_not_accessible'] },
  },
  {
    name: 'for storage, one of the compartments kept for deliveries',
    compartments: [compartment('A1')],
    policy: { keptForDeliveries: { S: 1 } },
    request: { ...byHand('A1'), purpose: 'storage' },
    expected: { refused: 'compartment_not_allowed', causes: ['compartment_kept_for_deliveries'] },
  },
  {
    name: 'every rule broken is named at once',
    compartments: [
      compartment('A1', {
        service: 'out_of_service',
        dedicatedTo: bob,
        occupancy: occupiedBy(bob),
        ...high,
      }),
    ],
    request: { ...byHand('A1'), parcelSize: 'L', accessibilityNeed: true },
    expected: {
      refused: 'compartment_not_allowed',
      causes: [
        'compartment_out_of_service',
        'compartment_occupied',
        'compartment_dedicated_to_other',
        'compartment_too_small',
        'compartment_not_accessible',
      ],
    },
  },
];

describe('a compartment chosen by hand (D8)', () => {
  it.each(allowed)('allows $name', (row) => {
    checkRow(row);
  });

  it.each(refused)('refuses $name', (row) => {
    checkRow(row);
  });

  it('gives the operator the numbers behind a refusal', () => {
    const result = allocateCompartment(
      bank([compartment('B7', { ...high, fault: 'door_state_unknown' })]),
      request({
        mode: { kind: 'compartment', compartmentId: 'id-B7' },
        parcelSize: 'M',
        accessibilityNeed: true,
      }),
    );
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'compartment_not_allowed',
        params: { label: 'B7' },
        causes: [
          { code: 'compartment_faulty', params: { label: 'B7', fault: 'door_state_unknown' } },
          { code: 'compartment_too_small', params: { label: 'B7', size: 'S', requiredSize: 'M' } },
          {
            code: 'compartment_not_accessible',
            params: { label: 'B7', bottom: 130, top: 160, minCm: 38, maxCm: 122 },
          },
        ],
      },
    });
  });

  it('names an unknown compartment by what the operator gave', () => {
    const result = allocateCompartment(
      bank([compartment('A1')]),
      request({ mode: { kind: 'compartment', compartmentId: 'nope' } }),
    );
    expect(!result.ok && result.refusal.params).toEqual({ label: 'nope' });
    expect(!result.ok && result.refusal.causes).toEqual([
      { code: 'compartment_unknown', params: { label: 'nope' } },
    ]);
  });
});
