import { describe, expect, it } from 'vitest';
import { isValidFrame } from '../../src-main/hardware/kerong-cu16/codec.js';
import { fromHex, toHex } from '../../src-main/hardware/hex.js';
import { hasValidChecksum } from '../../src-main/hardware/xor-8a/codec.js';
import { InvalidControlInput } from '../../tools/sim/board-protocol.js';
import { parseControlInput } from '../../tools/sim/control-input.js';
import {
  corruptChecksum,
  garbageBytes,
  splitIntoChunks,
} from '../../tools/sim/line-fault-effects.js';
import {
  LineFaultSwitch,
  lineFaultPatchSchema,
  noLineFaults,
} from '../../tools/sim/line-faults.js';

const parsePatch = (body: unknown) => parseControlInput(lineFaultPatchSchema, body);

describe('line fault settings (POST /faults/line bodies)', () => {
  it('switches a fault on with its defaults for true, off for false or null', () => {
    const faults = new LineFaultSwitch();
    faults.update(parsePatch({ garbage: true, splitFrames: true, slowReply: true, noReply: true }));
    expect(faults.current).toEqual({
      noReply: true,
      badChecksum: false,
      garbage: { length: 4 },
      splitFrames: { chunkBytes: 2, gapMs: 5 },
      slowReply: { delayMs: 2000 },
    });
    faults.update(parsePatch({ garbage: false, splitFrames: null }));
    expect(faults.current).toMatchObject({ garbage: null, splitFrames: null, noReply: true });
    faults.clear();
    expect(faults.current).toEqual(noLineFaults);
  });

  it('changes only the faults named, filling unnamed settings with defaults', () => {
    const faults = new LineFaultSwitch();
    faults.update(parsePatch({ badChecksum: true }));
    faults.update(parsePatch({ splitFrames: { gapMs: 40 }, garbage: { hex: 'ff 0213' } }));
    expect(faults.current).toEqual({
      ...noLineFaults,
      badChecksum: true,
      splitFrames: { chunkBytes: 2, gapMs: 40 },
      garbage: { hex: 'FF 02 13' },
    });
  });

  it.each([
    [{ noReply: 'yes' }, /noReply/],
    [{ slowReply: { delayMs: -5 } }, /slowReply/],
    [{ splitFrames: { chunkBytes: 0 } }, /splitFrames/],
    [{ garbage: { hex: 'zz' } }, /garbage/],
    [{ garbage: { hex: 'FF', length: 2 } }, /garbage/],
    [{ jammed: true }, /jammed/],
    [null, /object/],
  ])('refuses %j, naming the field', (body, message) => {
    expect(() => parsePatch(body)).toThrow(InvalidControlInput);
    expect(() => parsePatch(body)).toThrow(message);
  });
});

describe('what line faults do to bytes', () => {
  it('a corrupted checksum never checks out, in either protocol', () => {
    const kerong = fromHex('02 00 35 01 00 00 00 03 3B');
    const xor = fromHex('80 02 00 00 01 33 B0');
    expect(isValidFrame(kerong) && hasValidChecksum(xor)).toBe(true);
    expect(isValidFrame(corruptChecksum(kerong))).toBe(false);
    expect(hasValidChecksum(corruptChecksum(xor))).toBe(false);
    expect(toHex(corruptChecksum(xor))).toBe('80 02 00 00 01 33 4F');
    // The original is left alone: the board's frame is not the line's.
    expect(toHex(xor)).toBe('80 02 00 00 01 33 B0');
  });

  it('random garbage has the asked length and uses the whole byte range', () => {
    const values = [0, 0.25, 0.9999];
    expect(toHex(garbageBytes({ length: 3 }, () => values.shift() ?? 0))).toBe('00 40 FF');
  });

  it('splits a frame into chunks of the asked size, the last one shorter', () => {
    expect(splitIntoChunks(fromHex('01 02 03 04 05'), 2).map(toHex)).toEqual([
      '01 02',
      '03 04',
      '05',
    ]);
  });
});
