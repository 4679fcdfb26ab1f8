import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeStatusReply,
  fromHex,
  isValidFrame,
  toHex,
} from '../../../src-main/hardware/kerong-cu16/codec.js';
import { KerongFramer } from '../../../src-main/hardware/kerong-cu16/framer.js';

const replyBoard1 = fromHex('02 10 35 05 80 02 01 03 D2');
const replyBoard0 = fromHex('02 00 35 00 00 00 00 03 3A');

function feedAll(framer: KerongFramer, chunks: Uint8Array[]): string[] {
  return chunks.flatMap((chunk) => framer.push(chunk)).map((frame) => toHex(frame));
}

/** Cuts `bytes` into consecutive chunks of the given sizes (the last takes the rest). */
function chop(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const size of sizes) {
    if (offset >= bytes.length) {
      break;
    }
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  if (offset < bytes.length) {
    chunks.push(bytes.subarray(offset));
  }
  return chunks;
}

const reply = fc
  .record({
    board: fc.integer({ min: 0, max: 15 }),
    doorsOpen: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    itemsPresent: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    polarity: fc.constantFrom(0 as const, 1 as const),
  })
  .map(({ polarity, ...status }) => encodeStatusReply(status, polarity));

describe('KerongFramer', () => {
  it('reassembles a reply split byte by byte', () => {
    const framer = new KerongFramer();
    const frames = feedAll(framer, chop(replyBoard1, Array<number>(9).fill(1)));
    expect(frames).toEqual([toHex(replyBoard1)]);
    expect(framer.pendingBytes).toBe(0);
  });

  it('yields several replies merged into one read, in order', () => {
    const framer = new KerongFramer();
    expect(framer.push(Uint8Array.from([...replyBoard0, ...replyBoard1])).map(toHex)).toEqual([
      toHex(replyBoard0),
      toHex(replyBoard1),
    ]);
  });

  it('drops a bad checksum, counts it, and still finds the frame that follows', () => {
    const framer = new KerongFramer();
    const corrupt = fromHex('02 00 35 01 00 00 00 03 3C'); // sum should be 3B
    expect(framer.push(Uint8Array.from([...corrupt, ...replyBoard0])).map(toHex)).toEqual([
      toHex(replyBoard0),
    ]);
    expect(framer.rejectedFrames).toBe(1);
  });

  it('rejects the public driver\'s "status board 1" 02 10 30 03 3E as a request frame', () => {
    const framer = new KerongFramer(5);
    expect(framer.push(fromHex('02 10 30 03 3E'))).toEqual([]);
    expect(framer.rejectedFrames).toBe(1);
    expect(framer.push(fromHex('02 10 30 03 45')).map(toHex)).toEqual(['02 10 30 03 45']);
  });

  it('skips noise before STX and recovers a reply cut off mid-way once reset', () => {
    const framer = new KerongFramer();
    expect(framer.push(fromHex('FF 00 13 02 10 35'))).toEqual([]);
    expect(framer.discardedBytes).toBe(3);
    framer.reset();
    expect(framer.push(replyBoard1).map(toHex)).toEqual([toHex(replyBoard1)]);
  });

  it('finds a reply right after a truncated one without a reset', () => {
    const framer = new KerongFramer();
    // The cut-off reply's bytes hold no second STX, so the real one is found after it.
    const frames = framer.push(Uint8Array.from([...fromHex('02 00 35 00'), ...replyBoard1]));
    expect(frames.map(toHex)).toEqual([toHex(replyBoard1)]);
  });

  it('never throws on random bytes and never yields a frame that does not check out', () => {
    // Biased towards STX, ETX and the reply command so that near-frames are common.
    const byte = fc.oneof(fc.constantFrom(0x02, 0x03, 0x35), fc.integer({ min: 0, max: 255 }));
    const chunk = fc.array(byte, { maxLength: 40 }).map((bytes) => Uint8Array.from(bytes));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 30 }), (chunks) => {
        const framer = new KerongFramer();
        for (const chunk of chunks) {
          for (const frame of framer.push(chunk)) {
            expect(frame).toHaveLength(9);
            expect(isValidFrame(frame)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recovers any valid reply preceded by noise and chopped into random chunks', () => {
    // Noise holds no STX: a random 0x02 in it could, once in 65 536, frame a false candidate
    // that checks out and swallows the head of the real reply (a real line has that risk too).
    const noise = fc
      .uint8Array({ maxLength: 30 })
      .map((bytes) => bytes.map((byte) => (byte === 2 ? 0 : byte)));
    fc.assert(
      fc.property(
        noise,
        fc.array(reply, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 40 }),
        (garbage, replies, sizes) => {
          const stream = Uint8Array.from([...garbage, ...replies.flatMap((frame) => [...frame])]);
          const framer = new KerongFramer();
          expect(feedAll(framer, chop(stream, sizes))).toEqual(replies.map(toHex));
          expect(framer.pendingBytes).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a frame length too short to hold STX, ETX and a sum', () => {
    expect(() => new KerongFramer(2)).toThrow(RangeError);
  });
});
