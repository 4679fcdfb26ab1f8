import { describe, expect, it } from 'vitest';
import { compartmentFaults } from '../../../src-shared/allocation/index.js';
import { checkRow, type AllocationRow } from './expectations.js';
import {
  alice,
  aliceDepartment,
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
 * Issue 4 item 3, one constraint at a time. Each row is a small bank where the constraint alone
 * decides: the expected compartment is the one only that rule picks (or the refusal only that
 * rule explains). Alice (a recipient) drops a small parcel unless the row says otherwise.
 */

const sizes: AllocationRow[] = [
  {
    name: 'an S parcel gets an S compartment although M and L are free',
    compartments: [
      compartment('A1', { size: 'L' }),
      compartment('A2', { size: 'M' }),
      compartment('A3'),
    ],
    expected: { chosen: 'A3', reasons: ['smallest_fit'] },
  },
  {
    name: 'an M parcel gets M, never the smaller S',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M' }),
      compartment('A3', { size: 'L' }),
    ],
    request: { parcelSize: 'M' },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'upsizes to M when no S is free',
    compartments: [
      compartment('A1', { occupancy: occupiedBy(bob) }),
      compartment('A2', { size: 'M' }),
      compartment('A3', { size: 'L' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'upsizes past a size that is full too',
    compartments: [
      compartment('A1', { occupancy: occupiedBy(bob) }),
      compartment('A2', { size: 'M', occupancy: occupiedBy(bob) }),
      compartment('A3', { size: 'L' }),
    ],
    expected: { chosen: 'A3', reasons: ['upsized'] },
  },
  {
    name: 'refuses an L parcel when only smaller compartments are free',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M' }),
      compartment('A3', { size: 'L', occupancy: occupiedBy(bob) }),
    ],
    request: { parcelSize: 'L' },
    expected: { refused: 'no_compartment_available', causes: ['all_in_use'] },
  },
  {
    name: 'refuses in a bank without compartments',
    compartments: [],
    expected: { refused: 'no_compartment_available', causes: ['all_in_use'] },
  },
];

const availability: AllocationRow[] = [
  {
    name: 'never an out-of-service compartment',
    compartments: [
      compartment('A1', { service: 'out_of_service' }),
      compartment('A2', { size: 'M' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  ...compartmentFaults.map((fault): AllocationRow => ({
    name: `never a compartment with a fault: ${fault}`,
    compartments: [compartment('A1', { fault }), compartment('A2', { size: 'M' })],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  })),
  {
    name: 'never a compartment reserved for someone else',
    compartments: [
      compartment('A1', { occupancy: reservedFor(bob) }),
      compartment('A2', { size: 'M' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'never a compartment holding someone else’s parcels',
    compartments: [
      compartment('A1', { occupancy: occupiedBy(bob) }),
      compartment('A2', { size: 'M' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'a bank where nothing is available is full, with no other cause',
    compartments: [
      compartment('A1', { service: 'out_of_service' }),
      compartment('A2', { fault: 'failed_to_open' }),
      compartment('A3', { occupancy: reservedFor(bob) }),
      compartment('A4', { occupancy: occupiedBy(bob) }),
    ],
    expected: { refused: 'no_compartment_available', causes: ['all_in_use'] },
  },
];

const reservations: AllocationRow[] = [
  {
    name: 'a compartment reserved in advance for Alice comes before a smaller free one (D2)',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M', occupancy: reservedFor(alice) }),
    ],
    expected: { chosen: 'A2', reasons: ['reserved_in_advance'] },
  },
  {
    name: 'a reservation for this very parcel is used',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M', occupancy: reservedFor(alice, { parcelId: 'p1' }) }),
    ],
    request: { parcelId: 'p1' },
    expected: { chosen: 'A2', reasons: ['reserved_in_advance'] },
  },
  {
    name: 'a reservation for another of Alice’s parcels is left for that parcel',
    compartments: [
      compartment('A1', { occupancy: reservedFor(alice, { parcelId: 'p2' }) }),
      compartment('A2'),
    ],
    request: { parcelId: 'p1' },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'a reservation for one parcel is not used for a parcel nobody named',
    compartments: [
      compartment('A1', { occupancy: reservedFor(alice, { parcelId: 'p1' }) }),
      compartment('A2'),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'Alice’s storage reservation is not used for a delivery to her',
    compartments: [
      compartment('A1', { occupancy: reservedFor(alice, { purpose: 'storage' }) }),
      compartment('A2'),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'a department and a recipient with the same id are different parties',
    compartments: [
      compartment('A1', { occupancy: reservedFor(aliceDepartment) }),
      compartment('A2'),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
];

const dedication: AllocationRow[] = [
  {
    name: 'a compartment dedicated to Alice comes before a smaller free one (D5)',
    compartments: [compartment('A1'), compartment('A2', { size: 'M', dedicatedTo: alice })],
    expected: { chosen: 'A2', reasons: ['dedicated_to_recipient'] },
  },
  {
    name: 'among her dedicated compartments, the smallest that fits',
    compartments: [
      compartment('A1', { size: 'L', dedicatedTo: alice }),
      compartment('A2', { size: 'M', dedicatedTo: alice }),
      compartment('A3'),
    ],
    expected: { chosen: 'A2', reasons: ['dedicated_to_recipient'] },
  },
  {
    name: 'a compartment dedicated to Bob is never Alice’s',
    compartments: [compartment('A1', { dedicatedTo: bob }), compartment('A2', { size: 'M' })],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'refuses when the only free compartment is dedicated to someone else',
    compartments: [compartment('A1', { dedicatedTo: bob })],
    expected: { refused: 'no_compartment_available', causes: ['dedicated_to_others'] },
  },
  {
    name: 'a department’s parcel goes to the department’s compartment',
    compartments: [compartment('A1'), compartment('A2', { size: 'M', dedicatedTo: finance })],
    request: { party: finance },
    expected: { chosen: 'A2', reasons: ['dedicated_to_department'] },
  },
  {
    name: 'a department’s compartment is not for a personal parcel',
    compartments: [compartment('A1', { dedicatedTo: finance }), compartment('A2', { size: 'M' })],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'a compartment dedicated to a department named like Alice is not hers',
    compartments: [
      compartment('A1', { dedicatedTo: aliceDepartment }),
      compartment('A2', { size: 'M' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'her dedicated compartment is skipped while it holds someone else’s parcel',
    compartments: [
      compartment('A1', { dedicatedTo: alice, occupancy: occupiedBy(bob) }),
      compartment('A2', { size: 'M' }),
    ],
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
];

const accessibility: AllocationRow[] = [
  {
    name: 'an accessible recipient gets only a door within reach (B5)',
    compartments: [compartment('A1', high), compartment('A2', low), compartment('A3', reachable)],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A3', reasons: ['smallest_fit', 'accessible_door'] },
  },
  {
    name: 'an accessible recipient is upsized rather than given a door out of reach',
    compartments: [compartment('A1', high), compartment('A2', { size: 'M', ...reachable })],
    request: { accessibilityNeed: true },
    expected: { chosen: 'A2', reasons: ['upsized', 'accessible_door'] },
  },
  {
    name: 'refuses an accessible recipient when only doors out of reach are free, saying why',
    compartments: [compartment('A1', high), compartment('A2', low)],
    request: { accessibilityNeed: true },
    expected: { refused: 'no_compartment_available', causes: ['accessibility_need'] },
  },
  {
    name: 'a recipient without the need gets a door out of reach first, saving the reachable ones',
    compartments: [compartment('A1', reachable), compartment('A2', high)],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'saving reachable doors never costs a bigger compartment',
    compartments: [compartment('A1', reachable), compartment('A2', { size: 'M', ...high })],
    expected: { chosen: 'A1', reasons: ['smallest_fit'] },
  },
];

const deliveryReserve: AllocationRow[] = [
  {
    name: 'storage takes an S while more S are free than are kept for deliveries (C6)',
    compartments: [compartment('A1'), compartment('A2')],
    policy: { keptForDeliveries: { S: 1 } },
    request: { purpose: 'storage' },
    expected: { chosen: 'A1', reasons: ['smallest_fit'] },
  },
  {
    name: 'storage is upsized when the free S are all kept for deliveries',
    compartments: [compartment('A1'), compartment('A2', { size: 'M' })],
    policy: { keptForDeliveries: { S: 1 } },
    request: { purpose: 'storage' },
    expected: { chosen: 'A2', reasons: ['upsized'] },
  },
  {
    name: 'storage is refused when every free compartment is kept for deliveries',
    compartments: [compartment('A1'), compartment('A2', { size: 'M' })],
    policy: { keptForDeliveries: { S: 1, M: 1 } },
    request: { purpose: 'storage' },
    expected: { refused: 'no_compartment_available', causes: ['kept_for_deliveries'] },
  },
  {
    name: 'a delivery uses the compartments kept for deliveries',
    compartments: [compartment('A1')],
    policy: { keptForDeliveries: { S: 5 } },
    expected: { chosen: 'A1', reasons: ['smallest_fit'] },
  },
  {
    name: 'faulty, out-of-service and dedicated compartments do not count as kept',
    compartments: [
      compartment('A1'),
      compartment('A2', { fault: 'failed_to_open' }),
      compartment('A3', { service: 'out_of_service' }),
      compartment('A4', { dedicatedTo: bob }),
      compartment('A5', { size: 'M' }),
    ],
    policy: { keptForDeliveries: { S: 1 } },
    request: { purpose: 'storage' },
    expected: { chosen: 'A5', reasons: ['upsized'] },
  },
  {
    name: 'storage may use a compartment dedicated to its user whatever the reserve',
    compartments: [compartment('A1', { dedicatedTo: alice }), compartment('A2')],
    policy: { keptForDeliveries: { S: 1 } },
    request: { purpose: 'storage' },
    expected: { chosen: 'A1', reasons: ['dedicated_to_recipient'] },
  },
  {
    name: 'storage uses its own advance reservation whatever the reserve (F2)',
    compartments: [
      compartment('A1', { occupancy: reservedFor(alice, { purpose: 'storage' }) }),
      compartment('A2'),
    ],
    policy: { keptForDeliveries: { S: 5 } },
    request: { purpose: 'storage' },
    expected: { chosen: 'A1', reasons: ['reserved_in_advance'] },
  },
];

const consolidation: AllocationRow[] = [
  {
    name: 'a parcel joins the compartment already holding Alice’s parcels (D6)',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M', occupancy: occupiedBy(alice) }),
    ],
    expected: { chosen: 'A2', reasons: ['consolidated'] },
  },
  {
    name: 'one parcel per compartment: a new compartment instead (C7)',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M', occupancy: occupiedBy(alice) }),
    ],
    policy: { consolidation: false },
    expected: { chosen: 'A1', reasons: ['smallest_fit'] },
  },
  {
    name: 'only if the parcel fits her compartment',
    compartments: [
      compartment('A1', { size: 'M', occupancy: occupiedBy(alice) }),
      compartment('A2', { size: 'L' }),
    ],
    request: { parcelSize: 'L' },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'a parcel never joins her stored items',
    compartments: [
      compartment('A1', { size: 'M', occupancy: occupiedBy(alice, 'storage') }),
      compartment('A2'),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'storage never joins her parcels',
    compartments: [
      compartment('A1', { size: 'M', occupancy: occupiedBy(alice) }),
      compartment('A2'),
    ],
    request: { purpose: 'storage' },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'refuses under one parcel per compartment when only her compartment would do',
    compartments: [compartment('A1', { occupancy: occupiedBy(alice) })],
    policy: { consolidation: false },
    expected: { refused: 'no_compartment_available', causes: ['one_parcel_per_compartment'] },
  },
  {
    name: 'a department’s parcel joins the department’s parcels',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M', occupancy: occupiedBy(finance) }),
    ],
    request: { party: finance },
    expected: { chosen: 'A2', reasons: ['consolidated'] },
  },
];

const operatorSize: AllocationRow[] = [
  {
    name: 'the operator’s size is used although a smaller one is free',
    compartments: [
      compartment('A1'),
      compartment('A2', { size: 'M' }),
      compartment('A3', { size: 'L' }),
    ],
    request: { mode: { kind: 'size', size: 'M', allowUpsizing: false } },
    expected: { chosen: 'A2', reasons: ['operator_size'] },
  },
  {
    name: 'without upsizing, a full size is refused although a bigger one is free',
    compartments: [
      compartment('A2', { size: 'M', occupancy: occupiedBy(bob) }),
      compartment('A3', { size: 'L' }),
    ],
    request: { mode: { kind: 'size', size: 'M', allowUpsizing: false } },
    expected: { refused: 'no_compartment_available', causes: ['size_fixed_by_operator'] },
  },
  {
    name: 'with upsizing, a full size gives the next one up',
    compartments: [
      compartment('A2', { size: 'M', occupancy: occupiedBy(bob) }),
      compartment('A3', { size: 'L' }),
    ],
    request: { mode: { kind: 'size', size: 'M', allowUpsizing: true } },
    expected: { chosen: 'A3', reasons: ['upsized'] },
  },
  {
    name: 'a size below what the parcel needs is raised to the parcel’s size',
    compartments: [compartment('A1'), compartment('A2', { size: 'M' })],
    request: { parcelSize: 'M', mode: { kind: 'size', size: 'S', allowUpsizing: false } },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
];

const exclusions: AllocationRow[] = [
  {
    name: 'a compartment left out of this request (its door did not open) is skipped',
    compartments: [compartment('A1'), compartment('A2')],
    request: { excludedCompartmentIds: ['id-A1'] },
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'refuses when only compartments left out would do',
    compartments: [compartment('A1'), compartment('A2', { occupancy: occupiedBy(bob) })],
    request: { excludedCompartmentIds: ['id-A1'] },
    expected: { refused: 'no_compartment_available', causes: ['excluded_compartments'] },
  },
];

const tieBreaks: AllocationRow[] = [
  {
    name: 'at equal size and reach, the lower door',
    compartments: [
      compartment('A1', { doorBottomCm: 80, doorTopCm: 110 }),
      compartment('A2', { doorBottomCm: 40, doorTopCm: 70 }),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'at equal doors, the label first in natural order',
    compartments: [compartment('A10'), compartment('A9'), compartment('A2')],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'out-of-reach doors nearest the reachable range first',
    compartments: [
      compartment('A1', { doorBottomCm: 170, doorTopCm: 200 }),
      compartment('A2', { doorBottomCm: 125, doorTopCm: 150 }),
      compartment('A3', reachable),
    ],
    expected: { chosen: 'A2', reasons: ['smallest_fit'] },
  },
  {
    name: 'tiers come before size: her dedicated L before a free S',
    compartments: [compartment('A1'), compartment('A2', { size: 'L', dedicatedTo: alice })],
    expected: { chosen: 'A2', reasons: ['dedicated_to_recipient'] },
  },
  {
    name: 'her parcels’ compartment before her dedicated one, her reservation before both',
    compartments: [
      compartment('A1', { dedicatedTo: alice }),
      compartment('A2', { occupancy: occupiedBy(alice) }),
      compartment('A3', { size: 'L', occupancy: reservedFor(alice) }),
    ],
    expected: { chosen: 'A3', reasons: ['reserved_in_advance'] },
  },
];

describe('allocation, one constraint at a time', () => {
  describe.each([
    ['smallest size that fits, upsizing (X5)', sizes],
    ['out of service, faulty, reserved and occupied compartments', availability],
    ['advance reservations (D2)', reservations],
    ['dedicated compartments (D5)', dedication],
    ['accessibility (B5)', accessibility],
    ['compartments kept for deliveries (C6)', deliveryReserve],
    ['consolidation (D6, C7)', consolidation],
    ['a size chosen by the operator (C2)', operatorSize],
    ['compartments left out of a request', exclusions],
    ['order among equal candidates', tieBreaks],
  ])('%s', (_title, rows) => {
    it.each(rows)('$name', (row) => {
      checkRow(row);
    });
  });

  it('names the compartment and sizes in the reasons', () => {
    const result = checkRow(sizes[2]!);
    expect(result.ok && result.choice.reasons[0]).toEqual({
      code: 'upsized',
      params: { label: 'A2', size: 'M', requestedSize: 'S' },
    });
  });

  it('names the need’s range in the accessibility cause', () => {
    const result = checkRow(accessibility[2]!);
    expect(!result.ok && result.refusal.causes).toEqual([
      { code: 'accessibility_need', params: { minCm: 38, maxCm: 122 } },
    ]);
  });

  it('names her compartment when one parcel per compartment keeps it closed', () => {
    const result = checkRow(consolidation[5]!);
    expect(!result.ok && result.refusal.causes).toEqual([
      { code: 'one_parcel_per_compartment', params: { label: 'A1' } },
    ]);
  });

  it('names the compartments left out, in natural order', () => {
    const result = checkRow({
      name: 'left out',
      compartments: [compartment('A10'), compartment('A9')],
      request: { excludedCompartmentIds: ['id-A10', 'id-A9'] },
      expected: { refused: 'no_compartment_available', causes: ['excluded_compartments'] },
    });
    expect(!result.ok && result.refusal.causes[0]?.params).toEqual({ labels: 'A9, A10' });
  });

  it('names the size no compartment is free at', () => {
    const result = checkRow(sizes[4]!);
    expect(!result.ok && result.refusal.causes[0]?.params).toEqual({ size: 'L' });
  });

  it('names the operator’s size when no upsizing kept a bigger one closed', () => {
    const result = checkRow(operatorSize[1]!);
    expect(!result.ok && result.refusal.causes[0]?.params).toEqual({ size: 'M' });
  });

  it('chooses the lower id between two compartments with the same label', () => {
    const twins = [compartment('A1', { id: 'b' }), compartment('A1', { id: 'a' })];
    for (const compartments of [twins, [...twins].reverse()]) {
      const result = checkRow({
        name: 'twins',
        compartments,
        expected: { chosen: 'A1', reasons: ['smallest_fit'] },
      });
      expect(result.ok && result.choice.compartmentId).toBe('a');
    }
  });

  it('returns the door heights and tier of the compartment chosen', () => {
    const result = checkRow(consolidation[0]!);
    expect(result.ok && result.choice).toMatchObject({
      compartmentId: 'id-A2',
      size: 'M',
      doorBottomCm: reachable.doorBottomCm,
      doorTopCm: reachable.doorTopCm,
      tier: 'consolidation',
    });
  });
});
