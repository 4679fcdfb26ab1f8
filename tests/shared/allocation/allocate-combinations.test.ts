import { describe, it } from 'vitest';
import { checkRow, type AllocationRow } from './expectations.js';
import {
  alice,
  bob,
  compartment,
  finance,
  high,
  low,
  occupiedBy,
  reachable,
  reservedFor,
} from './fixtures.js';

/**
 * Issue 4 item 3, constraints together. Each row sets two or three rules against each other;
 * the comment on a row says which one wins and why that is the spec.
 */
const combinations: AllocationRow[] = [
  // Accessibility is a hard rule; dedication only a preference among allowed compartments.
  {
    name: 'accessibility × dedication: her dedicated door out of reach is passed over',
    compartments: [
      compartment('A1', { dedicatedTo: alice, ...high }),
      compartment('A2', { size: 'M' }),
    ],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['upsized', 'accessible_door'] },
  },
  {
    name: 'accessibility × dedication: her dedicated door within reach comes first',
    compartments: [compartment('A1'), compartment('A2', { size: 'M', dedicatedTo: alice })],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['dedicated_to_recipient', 'accessible_door'] },
  },
  {
    name: 'accessibility × consolidation: her parcels out of reach, so a new compartment in reach',
    compartments: [compartment('A1', { occupancy: occupiedBy(alice), ...high }), compartment('A2')],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['smallest_fit', 'accessible_door'] },
  },
  {
    name: 'accessibility × reservation: a reservation out of reach is not used',
    compartments: [compartment('A1', { occupancy: reservedFor(alice), ...low }), compartment('A2')],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['smallest_fit', 'accessible_door'] },
  },
  {
    name: 'accessibility × dedication × refusal: both causes are named',
    compartments: [compartment('A1', high), compartment('A2', { dedicatedTo: bob })],
    request: { accessibilityNeed: true },
    expected: {
      refused: 'no_compartment_available',
      causes: ['accessibility_need', 'dedicated_to_others'],
    },
  },
  {
    name: 'accessibility × a compartment both out of reach and dedicated elsewhere: both named',
    compartments: [compartment('A1', { dedicatedTo: bob, ...high })],
    request: { accessibilityNeed: true },
    expected: {
      refused: 'no_compartment_available',
      causes: ['accessibility_need', 'dedicated_to_others'],
    },
  },
  {
    name: 'accessibility × occupancy: a full bank is full, accessibility is not the cause',
    compartments: [
      compartment('A1', { occupancy: occupiedBy(bob), ...high }),
      compartment('A2', { occupancy: occupiedBy(bob) }),
    ],
    request: { accessibilityNeed: true },
    expected: { refused: 'no_compartment_available', causes: ['all_in_use'] },
  },
  {
    name: 'accessibility × operator size without upsizing: both causes are named',
    compartments: [compartment('A1', { size: 'M', ...high }), compartment('A2', { size: 'L' })],
    request: { accessibilityNeed: true, mode: { kind: 'size', size: 'M', allowUpsizing: false } },
    expected: {
      refused: 'no_compartment_available',
      causes: ['accessibility_need', 'size_fixed_by_operator'],
    },
  },
  {
    name: 'accessibility × operator size with upsizing: the next size in reach',
    compartments: [compartment('A1', { size: 'M', ...high }), compartment('A2', { size: 'L' })],
    request: { accessibilityNeed: true, mode: { kind: 'size', size: 'M', allowUpsizing: true } },
    expected: { chosen: 'A2', reasons: ['upsized', 'accessible_door'] },
  },
  {
    name: 'accessibility × department: the department’s parcel for a key contact in a wheelchair',
    compartments: [
      compartment('A1', { dedicatedTo: finance, ...high }),
      compartment('A2', { dedicatedTo: finance, size: 'M' }),
    ],
    request: { party: finance, accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['dedicated_to_department', 'accessible_door'] },
  },
  // Storage: the reserve holds back the general pool only.
  {
    name: 'storage × accessibility × reserve: both causes are named',
    compartments: [compartment('A1', high), compartment('A2')],
    policy: { keptForDeliveries: { S: 2 } },
    request: { purpose: 'storage', accessibilityNeed: true },
    expected: {
      refused: 'no_compartment_available',
      causes: ['accessibility_need', 'kept_for_deliveries'],
    },
  },
  {
    name: 'storage × reserve × dedication: someone else’s dedicated compartment stays theirs',
    compartments: [compartment('A1', { dedicatedTo: bob }), compartment('A2')],
    policy: { keptForDeliveries: { S: 1 } },
    request: { purpose: 'storage' },
    expected: {
      refused: 'no_compartment_available',
      causes: ['dedicated_to_others', 'kept_for_deliveries'],
    },
  },
  {
    name: 'storage × reserve × consolidation policy: storage never joins, reserve holds S',
    compartments: [
      compartment('A1', { occupancy: occupiedBy(alice) }),
      compartment('A2'),
      compartment('A3', { size: 'M' }),
    ],
    policy: { keptForDeliveries: { S: 1 } },
    request: { purpose: 'storage' },
    expected: { chosen: 'A3', reasons: ['upsized'] },
  },
  // Consolidation and C7 against the other preferences.
  {
    name: 'consolidation × dedication: her parcels’ compartment before her dedicated one',
    compartments: [
      compartment('A1', { dedicatedTo: alice }),
      compartment('A2', { size: 'M', occupancy: occupiedBy(alice) }),
    ],
    expected: { chosen: 'A2', reasons: ['consolidated'] },
  },
  {
    name: 'C7 × dedication: one parcel per compartment, so her dedicated one',
    compartments: [
      compartment('A1', { dedicatedTo: alice, size: 'M' }),
      compartment('A2', { occupancy: occupiedBy(alice) }),
      compartment('A3'),
    ],
    policy: { consolidation: false },
    expected: { chosen: 'A1', reasons: ['dedicated_to_recipient'] },
  },
  {
    name: 'consolidation × operator size without upsizing: her L is outside the size chosen',
    compartments: [
      compartment('A1', { size: 'L', occupancy: occupiedBy(alice) }),
      compartment('A2', { size: 'M' }),
    ],
    request: { mode: { kind: 'size', size: 'M', allowUpsizing: false } },
    expected: { chosen: 'A2', reasons: ['operator_size'] },
  },
  {
    name: 'consolidation × faulty: her compartment’s door failed, so a new one',
    compartments: [
      compartment('A1', { size: 'M', occupancy: occupiedBy(alice), fault: 'failed_to_open' }),
      compartment('A2'),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'consolidation × exclusion: her compartment left out, so a new one',
    compartments: [
      compartment('A1', { size: 'M', occupancy: occupiedBy(alice) }),
      compartment('A2'),
    ],
    request: { excludedCompartmentIds: ['id-A1'] },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  // Reservations and dedication against service state.
  {
    name: 'dedication × out of service: her dedicated compartment is broken, so the pool',
    compartments: [
      compartment('A1', { dedicatedTo: alice, service: 'out_of_service' }),
      compartment('A2', { size: 'L' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'reservation × too small: a reservation smaller than the parcel is not used',
    compartments: [
      compartment('A1', { occupancy: reservedFor(alice) }),
      compartment('A2', { size: 'M' }),
    ],
    request: { parcelSize: 'M' },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'dedication × C7 × refusal: all three kinds of cause together',
    compartments: [
      compartment('A1', { dedicatedTo: bob }),
      compartment('A2', { occupancy: occupiedBy(alice) }),
      compartment('A3', high),
    ],
    policy: { consolidation: false },
    request: { accessibilityNeed: true },
    expected: {
      refused: 'no_compartment_available',
      causes: ['accessibility_need', 'dedicated_to_others', 'one_parcel_per_compartment'],
    },
  },
  {
    name: 'reach preference × size: a needy recipient ignores the saving of reachable doors',
    compartments: [
      compartment('A1', { doorBottomCm: 90, doorTopCm: 120 }),
      compartment('A2', reachable),
    ],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['smallest_fit', 'accessible_door'] },
  },
];

describe('allocation, constraints combined', () => {
  it.each(combinations)('$name', (row) => {
    checkRow(row);
  });
});
