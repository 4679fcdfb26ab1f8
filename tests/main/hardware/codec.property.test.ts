import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checksum,
  decodeStatusReply,
  encodeStatusReply,
} from '../../../src-main/hardware/kerong-cu16/codec.js';
import {
  decodeReply,
  decodeRequest,
  encodeQueryReply,
  xorChecksum,
} from '../../../src-main/hardware/xor-8a/codec.js';

/**
 * Issue 3, item 7, for the pure decoders under the framers: random bytes never throw out of
 * them, and nothing they accept has a wrong checksum. Frames are biased towards the protocols'
 * own header bytes so the interesting paths are reached, not just "wrong length".
 */

function frameOf(headers: readonly number[], lengths: { min: number; max: number }) {
  const byte = fc.oneof(fc.constantFrom(...headers), fc.integer({ min: 0, max: 255 }));
  return fc.array(byte, { minLength: lengths.min, maxLength: lengths.max });
}

describe('KR-CU16 decodeStatusReply on random frames', () => {
  it('never throws and never accepts a frame whose sum does not check out', () => {
    fc.assert(
      fc.property(
        frameOf([0x02, 0x03, 0x35], { min: 0, max: 12 }),
        fc.constantFrom(0 as const, 1 as const),
        (bytes, polarity) => {
          const frame = Uint8Array.from(bytes);
          const status = decodeStatusReply(frame, polarity);
          if (status) {
            expect(frame).toHaveLength(9);
            expect(checksum(frame, 8)).toBe(frame[8]);
            expect(status.doorsOpen).toHaveLength(16);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rejects every single-byte corruption of a valid reply', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 255 }),
        (board, doors, position, flip) => {
          const frame = encodeStatusReply({ board, doorsOpen: doors, itemsPresent: doors }, 1);
          frame[position] = (frame[position] ?? 0) ^ flip;
          expect(decodeStatusReply(frame, 1)).toBeUndefined();
        },
      ),
    );
  });
});

describe('0x8A decodeReply and decodeRequest on random frames', () => {
  it('never throw and never accept a frame whose XOR does not check out', () => {
    fc.assert(
      fc.property(frameOf([0x80, 0x8a, 0x33, 0x11, 0x00], { min: 0, max: 14 }), (bytes) => {
        const frame = Uint8Array.from(bytes);
        for (const decoded of [decodeReply(frame), decodeRequest(frame)]) {
          if (decoded) {
            expect(xorChecksum(frame, frame.length - 1)).toBe(frame[frame.length - 1]);
          }
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects every single-byte corruption of a valid query reply', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (board, levels, at, flip) => {
          const frame = encodeQueryReply(board, levels);
          const position = at % frame.length;
          const before = decodeReply(frame);
          frame[position] = (frame[position] ?? 0) ^ flip;
          const after = decodeReply(frame);
          expect(before).toBeDefined();
          expect(after).toBeUndefined();
        },
      ),
    );
  });
});
