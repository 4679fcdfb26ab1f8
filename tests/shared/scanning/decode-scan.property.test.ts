import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassifiedScan, maxScanLength, scanSources } from '../../../src-shared/domain/scan.js';
import { decodeScan } from '../../../src-shared/scanning/decode-scan.js';
import { stripScanSuffix } from '../../../src-shared/scanning/scan-text.js';
import { referenceValid } from './reference-check-digits.js';
import { trackingExamples } from './tracking-examples.js';

const GS = '\u001d';
const aimIds = ['', ']C0', ']C1', ']E0', ']Q1', ']Q3', ']d2', ']e0', ']A0', ']I1'];

/** Strings of any UTF-16 code units, lone surrogates and control characters included. */
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 300,
});
/** Any Unicode code points, astral ones included. */
const anyCodePoints = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 100 })
  .map((codePoints) => String.fromCodePoint(...codePoints));
/** Bytes read as Latin-1, the way garbage on a serial line would arrive one char per byte. */
const anyBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => String.fromCharCode(...bytes));
/** Text shaped like scans: AIM identifiers, GS separators, digits, our credential prefix. */
const scanLike = fc
  .tuple(
    fc.constantFrom(...aimIds),
    fc.array(
      fc.oneof(
        fc.stringMatching(/^\d{1,40}$/),
        fc.constantFrom(GS, '\r', '\n', '\t', '00', '420', '92', '96', '1Z', 'TBA', 'CSR1-', 'PU-'),
        fc.stringMatching(/^[A-Z]{1,3}$/),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([aim, parts]) => aim + parts.join(''));
/** Near-misses of carrier formats: the right lengths and prefixes, digits at random. */
const trackingShaped = fc.tuple(
  fc.constantFrom('', ']C0', ']C1', ']E0', ']Q1'),
  fc.oneof(
    fc.stringMatching(/^\d{10,12}$/),
    fc.stringMatching(/^\d{15,16}$/),
    fc.stringMatching(/^\d{18,22}$/),
    fc.stringMatching(/^9[1-6]\d{20}$/),
    fc.stringMatching(/^9[1-5]\d{24}$/),
    fc.stringMatching(/^420\d{5}9[1-5]\d{20}$/),
    fc.stringMatching(/^420\d{9}9[1-5]\d{20}$/),
    fc.stringMatching(/^(96|10)\d{32}$/),
    fc.stringMatching(/^1Z[0-9A-Z]{16}$/),
    fc.stringMatching(/^[A-Z]{2}\d{9}(CA|US|GB|FR|DE|XX)$/),
    fc.stringMatching(/^00\d{18}$/),
    fc.stringMatching(/^(TBA\d{12}|JJD\d{10}|GM\d{16})$/),
  ),
);

function decodeAnywhere(text: string, sourceIndex = 0) {
  return decodeScan(text, scanSources[sourceIndex % scanSources.length]!);
}

describe('decodeScan properties', () => {
  it('never throws, and every scan it returns fits the API contract', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyCodeUnits, anyCodePoints, anyBytes, scanLike),
        fc.nat(),
        (text, sourceIndex) => {
          const decoding = decodeAnywhere(text, sourceIndex);
          if (decoding.ok) {
            expect(ClassifiedScan.safeParse(decoding.scan).success).toBe(true);
          } else if (decoding.reason === 'too_long') {
            expect(stripScanSuffix(text).length).toBeGreaterThan(maxScanLength);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses over-long text whole, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 50 }), (tail) => {
        const text = `1Z999AA10123456784${'x'.repeat(maxScanLength)}${tail}`;
        expect(decodeAnywhere(text)).toEqual({ ok: false, reason: 'too_long' });
      }),
    );
  });

  it('never names a carrier for a number whose check digit is wrong', () => {
    let named = 0;
    fc.assert(
      fc.property(trackingShaped, ([aimId, number]) => {
        const decoding = decodeAnywhere(aimId + number);
        if (decoding.ok && decoding.scan.kind === 'tracking_number') {
          named++;
          const { carrier, value } = decoding.scan;
          expect(carrier).not.toBeNull();
          expect(value).not.toBeNull();
          expect(referenceValid(carrier!, value!), `${carrier} ${value}`).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    // About one random number in ten passes a check: the property must have been exercised.
    expect(named).toBeGreaterThan(100);
  });

  it('does not take a valid number with one digit changed for that carrier', () => {
    const examples = trackingExamples.map((example) => ({
      ...example,
      digits: [...example.text].flatMap((character, index) =>
        /\d/.test(character) ? [index] : [],
      ),
    }));
    fc.assert(
      fc.property(
        fc
          .constantFrom(...examples)
          .chain((example) =>
            fc.tuple(
              fc.constant(example),
              fc.constantFrom(...example.digits),
              fc.integer({ min: 1, max: 9 }),
            ),
          ),
        ([example, position, shift]) => {
          const digit = (Number(example.text[position]) + shift) % 10;
          const mutated =
            example.text.slice(0, position) + digit + example.text.slice(position + 1);
          const decoding = decodeAnywhere(mutated);
          if (!decoding.ok || decoding.scan.kind !== 'tracking_number') {
            return;
          }
          // Still a number of some carrier: then its check digit must really be right, as for
          // UPS 0↔5 swaps that its weights of 1 and 2 cannot see, or a change in a ZIP code.
          expect(referenceValid(decoding.scan.carrier!, decoding.scan.value!)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('catches every single-digit change in numbers checked by GS1 modulo 10', () => {
    // Weights 3 and 1 are both prime to 10: any one changed digit changes the check.
    const checked = trackingExamples.filter((example) =>
      ['USPS IMpb 22', 'USPS IMpb 26', 'USPS 20', 'Canada Post 16', 'FedEx Ground 15'].includes(
        example.format,
      ),
    );
    expect(checked.length).toBeGreaterThanOrEqual(6);
    for (const example of checked) {
      for (let position = 0; position < example.text.length; position++) {
        for (let shift = 1; shift <= 9; shift++) {
          const digit = (Number(example.text[position]) + shift) % 10;
          const mutated =
            example.text.slice(0, position) + digit + example.text.slice(position + 1);
          const decoding = decodeAnywhere(mutated);
          const sameCarrier =
            decoding.ok &&
            decoding.scan.kind === 'tracking_number' &&
            decoding.scan.carrier === example.carrier;
          expect(sameCarrier, `${example.format} ${mutated}`).toBe(false);
        }
      }
    }
  });
});
