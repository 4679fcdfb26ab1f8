import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessibleDoorRange,
  isAccessibleDoor,
  reachOverflowCm,
} from '../../../src-shared/allocation/accessibility.js';
import { obstacleBit, obstacles } from '../../../src-shared/allocation/assessment.js';
import { compareNatural } from '../../../src-shared/allocation/natural-order.js';
import { nextSizeUp, sizeRank, sizeWindowFor } from '../../../src-shared/allocation/size-order.js';
import { compartmentSizes } from '../../../src-shared/domain/compartment.js';
import { request } from './fixtures.js';

describe('accessible doors (B5: the whole door between 38 and 122 cm)', () => {
  it.each([
    { bottom: 38, top: 122, accessible: true, overflow: 0 },
    { bottom: 60, top: 90, accessible: true, overflow: 0 },
    { bottom: 37, top: 90, accessible: false, overflow: 1 },
    { bottom: 60, top: 123, accessible: false, overflow: 1 },
    { bottom: 0, top: 30, accessible: false, overflow: 38 },
    { bottom: 150, top: 190, accessible: false, overflow: 68 },
    // A door taller than the whole range sticks out at both ends.
    { bottom: 20, top: 140, accessible: false, overflow: 36 },
  ])('$bottom–$top cm: accessible $accessible, $overflow cm out of range', (row) => {
    const door = { doorBottomCm: row.bottom, doorTopCm: row.top };
    expect(isAccessibleDoor(door)).toBe(row.accessible);
    expect(reachOverflowCm(door)).toBe(row.overflow);
  });

  it('uses the range the issue names', () => {
    expect(accessibleDoorRange).toEqual({ minCm: 38, maxCm: 122 });
  });
});

/** The plain way to read natural order: split into digit and other runs, compare run by run. */
function referenceNatural(a: string, b: string): number {
  const runs = (text: string) => text.match(/\d+|\D+/g) ?? [];
  const [aRuns, bRuns] = [runs(a), runs(b)];
  for (let index = 0; index < Math.min(aRuns.length, bRuns.length); index++) {
    const [x, y] = [aRuns[index]!, bRuns[index]!];
    const [xDigits, yDigits] = [/^\d/.test(x), /^\d/.test(y)];
    if (xDigits && yDigits) {
      const [xValue, yValue] = [BigInt(x), BigInt(y)];
      if (xValue !== yValue) {
        return xValue < yValue ? -1 : 1;
      }
      if (x.length !== y.length) {
        return x.length - y.length;
      }
    } else if (xDigits !== yDigits) {
      return xDigits ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return aRuns.length - bRuns.length;
}

describe('labels in natural order', () => {
  it.each([
    ['A2', 'A10'],
    ['A9', 'A10'],
    ['A1', 'B1'],
    ['7', '07'],
    ['1', 'A'],
    ['A', 'A1'],
    ['', 'A'],
    ['B2-3', 'B2-10'],
    ['A99999999999999999998', 'A99999999999999999999'],
  ])('%s before %s', (first, second) => {
    expect(compareNatural(first, second)).toBeLessThan(0);
    expect(compareNatural(second, first)).toBeGreaterThan(0);
  });

  it('agrees with comparing run by run', () => {
    const label = fc.stringMatching(/^[A-C0-9/-]{0,8}$/);
    fc.assert(
      fc.property(label, label, (a, b) => {
        expect(Math.sign(compareNatural(a, b))).toBe(Math.sign(referenceNatural(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is a total order: zero only for equal labels, antisymmetric, transitive', () => {
    const label = fc.stringMatching(/^[A-C0-9-]{0,6}$/);
    fc.assert(
      fc.property(label, label, label, (a, b, c) => {
        expect(compareNatural(a, b) === 0).toBe(a === b);
        expect(Math.sign(compareNatural(a, b)) + Math.sign(compareNatural(b, a))).toBe(0);
        if (compareNatural(a, b) < 0 && compareNatural(b, c) < 0) {
          expect(compareNatural(a, c)).toBeLessThan(0);
        }
      }),
    );
  });
});

describe('size windows', () => {
  it('ranks sizes in the domain’s order, smallest first', () => {
    expect(compartmentSizes.map(sizeRank)).toEqual(compartmentSizes.map((_size, index) => index));
  });

  it('steps up one size at a time and stops at the largest', () => {
    expect([nextSizeUp('S'), nextSizeUp('M'), nextSizeUp('L')]).toEqual(['M', 'L', null]);
  });

  it.each([
    { name: 'engine: parcel size up to L', over: {}, window: { smallest: 'S', largest: 'L' } },
    {
      name: 'operator size without upsizing: that size only',
      over: { mode: { kind: 'size', size: 'M', allowUpsizing: false } },
      window: { smallest: 'M', largest: 'M' },
    },
    {
      name: 'operator size with upsizing',
      over: { mode: { kind: 'size', size: 'M', allowUpsizing: true } },
      window: { smallest: 'M', largest: 'L' },
    },
    {
      name: 'the parcel’s size raises the operator’s',
      over: { parcelSize: 'L', mode: { kind: 'size', size: 'S', allowUpsizing: false } },
      window: { smallest: 'L', largest: 'L' },
    },
    {
      name: 'a retry raises the floor above the largest compartment tried',
      over: {
        tooSmall: [
          { compartmentId: 'a', label: 'A', size: 'M' },
          { compartmentId: 'b', label: 'B', size: 'S' },
        ],
      },
      window: { smallest: 'L', largest: 'L' },
    },
    {
      name: 'nothing once L was too small',
      over: { tooSmall: [{ compartmentId: 'a', label: 'A', size: 'L' }] },
      window: null,
    },
  ] as const)('$name', ({ over, window }) => {
    expect(sizeWindowFor(request(over))).toEqual(window);
  });
});

describe('obstacle bits', () => {
  it('gives every obstacle a bit of its own', () => {
    const bits = obstacles.map((obstacle) => obstacleBit[obstacle]);
    expect(Object.keys(obstacleBit).sort()).toEqual([...obstacles].sort());
    for (const bit of bits) {
      expect(bit > 0 && (bit & (bit - 1)) === 0, `${bit} is one bit`).toBe(true);
    }
    expect(new Set(bits).size).toBe(obstacles.length);
  });
});
