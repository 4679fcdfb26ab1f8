import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCodeLengths,
  generateCode,
  maximumCodeLength,
  type CodeLengths,
} from '../../../src-main/codes/code-generator.js';
import { scriptedRandom } from './code-test-kit.js';

const lengthsArbitrary = fc.record({
  recipient: fc.integer({ min: 6, max: maximumCodeLength }),
  carrier: fc.integer({ min: 8, max: maximumCodeLength }),
});

describe('generateCode', () => {
  it('always gives exactly the configured number of digits, for both audiences (CSPRNG)', () => {
    fc.assert(
      fc.property(
        lengthsArbitrary,
        fc.constantFrom('recipient', 'carrier'),
        (lengths, audience) => {
          const code = generateCode(audience, lengths);
          expect(code).toMatch(new RegExp(`^[0-9]{${lengths[audience]}}$`));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps leading zeros, so the whole 10^n space is used', () => {
    const lengths: CodeLengths = { recipient: 6, carrier: 8 };
    expect(generateCode('recipient', lengths, scriptedRandom([0]))).toBe('000000');
    expect(generateCode('recipient', lengths, scriptedRandom([42]))).toBe('000042');
    expect(generateCode('carrier', lengths, scriptedRandom([99_999_999]))).toBe('99999999');
  });

  it('asks the random source for one draw over the whole space', () => {
    const asked: number[] = [];
    generateCode('carrier', { recipient: 7, carrier: 9 }, (max) => {
      asked.push(max);
      return 0;
    });
    expect(asked).toEqual([1_000_000_000]);
  });

  it('refuses a random source that answers outside the space', () => {
    const lengths: CodeLengths = { recipient: 6, carrier: 8 };
    for (const bad of [-1, 1_000_000, 0.5, Number.NaN]) {
      expect(() => generateCode('recipient', lengths, scriptedRandom([bad]))).toThrow(RangeError);
    }
  });

  it('spreads digits evenly over positions (a crude check that the CSPRNG is used whole)', () => {
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    const samples = 20_000;
    for (let sample = 0; sample < samples; sample++) {
      const code = generateCode('recipient', { recipient: 6, carrier: 8 });
      for (let position = 0; position < 6; position++) {
        counts[position]![Number(code[position])]!++;
      }
    }
    // Expected 2000 per cell, standard deviation ~42; 1700–2300 is over 7 sigma either way.
    for (const row of counts) {
      for (const count of row) {
        expect(count).toBeGreaterThan(1700);
        expect(count).toBeLessThan(2300);
      }
    }
  });
});

describe('checkCodeLengths', () => {
  it('refuses recipient codes under 6 digits and carrier codes under 8', () => {
    expect(() => checkCodeLengths({ recipient: 5, carrier: 8 })).toThrow(/recipient/);
    expect(() => checkCodeLengths({ recipient: 6, carrier: 7 })).toThrow(/carrier/);
    expect(() => checkCodeLengths({ recipient: 13, carrier: 8 })).toThrow(/recipient/);
    expect(() => checkCodeLengths({ recipient: 6.5, carrier: 8 })).toThrow(/recipient/);
    expect(() => checkCodeLengths({ recipient: 6, carrier: 8 })).not.toThrow();
    expect(() => checkCodeLengths({ recipient: 12, carrier: 12 })).not.toThrow();
  });
});
