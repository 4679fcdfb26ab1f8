import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, nextHlc, parseHlc, type HlcStamp } from '../../src-shared/time/hlc.js';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    const first = nextHlc(undefined, 1000, 'bank');
    expect(nextHlc(first, 2000, 'bank')).toEqual({ wallMs: 2000, counter: 0, node: 'bank' });
  });

  it('never goes backwards, whatever the wall clock does, and sorts as text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { minLength: 1, maxLength: 50 }),
        (walls) => {
          let previous: HlcStamp | undefined;
          let previousText = '';
          for (const wall of walls) {
            const stamp = nextHlc(previous, wall, 'bank-a');
            const text = formatHlc(stamp);
            expect(text > previousText).toBe(true);
            expect(parseHlc(text)).toEqual(stamp);
            previous = stamp;
            previousText = text;
          }
        },
      ),
    );
  });

  it('rejects text that is not a stamp', () => {
    expect(parseHlc('yesterday')).toBeUndefined();
  });
});
