import type {
  AllocationBank,
  AllocationCompartment,
  AllocationParty,
  AllocationRequest,
} from '../../src-shared/allocation/index.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';

/**
 * A realistic large bank for the allocation benchmark, the same on every run (seeded):
 * columns of stacked doors from 5 cm to about 2 m (about half the S, a third M, the rest L),
 * ~70 % holding parcels or reserved, a few out of service or faulty, some dedicated to
 * departments or people, and some compartments kept for deliveries.
 */

/** mulberry32: a small seeded generator, so the bank and requests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const doorHeightCm: Record<CompartmentSize, number> = { S: 15, M: 30, L: 45 };
const recipients = Array.from({ length: 400 }, (_, index): AllocationParty => ({
  kind: 'recipient',
  id: `r${index}`,
}));
const departments = Array.from({ length: 12 }, (_, index): AllocationParty => ({
  kind: 'department',
  id: `d${index}`,
}));

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sizeAt(random: () => number): CompartmentSize {
  const draw = random();
  return draw < 0.5 ? 'S' : draw < 0.83 ? 'M' : 'L';
}

function anyParty(random: () => number): AllocationParty {
  return random() < 0.05 ? pick(random, departments) : pick(random, recipients);
}

function occupancyAt(random: () => number): AllocationCompartment['occupancy'] {
  const draw = random();
  if (draw < 0.62) {
    return {
      state: 'occupied',
      party: anyParty(random),
      purpose: random() < 0.9 ? 'delivery' : 'storage',
    };
  }
  if (draw < 0.7) {
    return {
      state: 'reserved',
      party: anyParty(random),
      purpose: 'delivery',
      parcelId: random() < 0.5 ? `p${Math.floor(random() * 100)}` : null,
    };
  }
  return { state: 'free' };
}

export function largeBank(compartmentCount: number, seed = 4): AllocationBank {
  const random = seededRandom(seed);
  const compartments: AllocationCompartment[] = [];
  for (let column = 1; compartments.length < compartmentCount; column++) {
    let bottom = 5;
    for (let row = 1; compartments.length < compartmentCount; row++) {
      const size = sizeAt(random);
      const top = bottom + doorHeightCm[size];
      if (top > 200) {
        break;
      }
      const dedication = random();
      compartments.push({
        id: `c${column}-${row}`,
        label: `${column}-${row}`,
        size,
        doorBottomCm: bottom,
        doorTopCm: top,
        service: random() < 0.02 ? 'out_of_service' : 'in_service',
        fault: random() < 0.01 ? 'failed_to_open' : null,
        occupancy: occupancyAt(random),
        dedicatedTo:
          dedication < 0.03
            ? pick(random, departments)
            : dedication < 0.05
              ? pick(random, recipients)
              : null,
      });
      bottom = top + 2;
    }
  }
  return {
    compartments,
    policy: { consolidation: true, keptForDeliveries: { S: 10, M: 5, L: 3 } },
  };
}

/** Drop-offs and storage requests as a busy mailroom makes them, the same on every run. */
export function requestMix(bank: AllocationBank, count: number, seed = 5): AllocationRequest[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (): AllocationRequest => {
    const modeDraw = random();
    return {
      purpose: random() < 0.1 ? 'storage' : 'delivery',
      party: anyParty(random),
      accessibilityNeed: random() < 0.15,
      parcelId: `p${Math.floor(random() * 100)}`,
      parcelSize: random() < 0.6 ? 'S' : random() < 0.75 ? 'M' : 'L',
      mode:
        modeDraw < 0.8
          ? { kind: 'engine' }
          : modeDraw < 0.95
            ? { kind: 'size', size: sizeAt(random), allowUpsizing: random() < 0.5 }
            : { kind: 'compartment', compartmentId: pick(random, bank.compartments).id },
    };
  });
}

/**
 * The same bank with every free compartment taken by a stranger's parcels: the engine must
 * refuse almost every request and explain why, its slowest path.
 */
export function fullBank(bank: AllocationBank): AllocationBank {
  const stranger: AllocationParty = { kind: 'recipient', id: 'stranger' };
  return {
    ...bank,
    compartments: bank.compartments.map((compartment) =>
      compartment.occupancy.state === 'free'
        ? { ...compartment, occupancy: { state: 'occupied', party: stranger, purpose: 'delivery' } }
        : compartment,
    ),
  };
}
