import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src-main/hardware/hex.js';
import {
  encodeQueryReply,
  encodeUnlockReply,
  hasValidChecksum,
} from '../../../src-main/hardware/xor-8a/codec.js';
import {
  scanBurst,
  Xor8aFramer,
  type Xor8aBurst,
} from '../../../src-main/hardware/xor-8a/framer.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

function setup(silenceMs = 25) {
  const clock = new ManualClock();
  const bursts: Xor8aBurst[] = [];
  const framer = new Xor8aFramer({ clock, silenceMs, onBurst: (burst) => bursts.push(burst) });
  const frames = () => bursts.flatMap((burst) => burst.frames.map((frame) => toHex(frame.bytes)));
  return { clock, framer, bursts, frames };
}

const queryBoard1 = fromHex('80 01 80 02 01 33 31');

describe('Xor8aFramer', () => {
  it('completes a reply only after 25 ms of line silence', async () => {
    const { clock, framer, bursts, frames } = setup();
    framer.push(queryBoard1);
    await clock.advance(24);
    expect(bursts).toHaveLength(0);
    expect(framer.pendingBytes).toBe(7);
    await clock.advance(1);
    expect(frames()).toEqual([toHex(queryBoard1)]);
    expect(framer.pendingBytes).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reassembles a reply delivered in bursts shorter than the silence', async () => {
    const { clock, framer, frames } = setup();
    framer.push(queryBoard1.subarray(0, 2));
    await clock.advance(20);
    framer.push(queryBoard1.subarray(2, 5));
    await clock.advance(20);
    framer.push(queryBoard1.subarray(5));
    await clock.advance(24);
    expect(frames()).toEqual([]);
    await clock.advance(1);
    expect(frames()).toEqual([toHex(queryBoard1)]);
  });

  it('splits two replies that came back to back in one burst', async () => {
    const { clock, framer, frames, bursts } = setup();
    const unlockReply = encodeUnlockReply({ board: 1, channel: 3 }, 0x11);
    framer.push(Uint8Array.from([...unlockReply, ...queryBoard1]));
    await clock.advance(25);
    expect(frames()).toEqual([toHex(unlockReply), toHex(queryBoard1)]);
    expect(bursts[0]?.discardedBytes).toBe(0);
    expect(framer.rejectedBursts).toBe(0);
  });

  it('rejects a bad checksum and noise, counts them, and still finds a frame after noise', async () => {
    const { clock, framer, frames, bursts } = setup();
    framer.push(fromHex('80 01 80 02 01 33 30'));
    await clock.advance(25);
    framer.push(Uint8Array.from([0x13, 0x37, 0x00, ...queryBoard1]));
    await clock.advance(25);
    expect(frames()).toEqual([toHex(queryBoard1)]);
    expect(bursts.map((burst) => burst.discardedBytes)).toEqual([7, 3]);
    expect(framer.rejectedBursts).toBe(2);
    expect(framer.validFrames).toBe(1);
  });

  it('cuts a line that never goes quiet into bounded bursts', async () => {
    const { clock, framer, bursts } = setup();
    for (let chunk = 0; chunk < 10; chunk++) {
      framer.push(new Uint8Array(8).fill(0x55));
      await clock.advance(5);
    }
    expect(bursts.length).toBeGreaterThanOrEqual(1);
    expect(framer.pendingBytes).toBeLessThan(48);
  });

  it('reset() drops a partial reply and its timer', async () => {
    const { clock, framer, bursts } = setup();
    framer.push(queryBoard1.subarray(0, 3));
    framer.reset();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(100);
    expect(bursts).toEqual([]);
  });

  it('reads two query replies back to back as two, though together they check out as one', () => {
    const first = encodeQueryReply(2, [false, false, false, false, false, true]);
    const second = encodeQueryReply(3, [true, true, true]);
    const merged = Uint8Array.from([...first, ...second]);
    expect(hasValidChecksum(merged)).toBe(true);
    const burst = scanBurst(merged);
    expect(burst.frames.map((frame) => toHex(frame.bytes))).toEqual([toHex(first), toHex(second)]);
    expect(burst.discardedBytes).toBe(0);
  });

  it('prefers the longest query reply that checks out', () => {
    // Two status bytes 81 33: "80 01 81 33 33" also checks out as a one-byte reply (status 81,
    // trailer 33, XOR 33). The burst is the whole reply, so the longer reading is the right one.
    const burst = scanBurst(fromHex('80 01 81 33 33 00'));
    expect(burst.frames.map((frame) => toHex(frame.bytes))).toEqual(['80 01 81 33 33 00']);
    expect(burst.frames[0]?.reply).toMatchObject({ kind: 'query_reply' });
    const reply = burst.frames[0]?.reply;
    expect(reply?.kind === 'query_reply' ? reply.levels.length : 0).toBe(16);
    expect(burst.discardedBytes).toBe(0);
  });

  it('never throws on random bytes and never yields a frame whose XOR does not check out', async () => {
    // Biased towards the headers, the 0x33 trailer and the feedback levels: near-frames are common.
    const byte = fc.oneof(
      fc.constantFrom(0x80, 0x8a, 0x33, 0x00, 0x11, 0x01),
      fc.integer({ min: 0, max: 255 }),
    );
    const chunk = fc.array(byte, { maxLength: 30 });
    const step = fc.tuple(chunk, fc.integer({ min: 0, max: 40 }));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
        const clock = new ManualClock();
        const found: Uint8Array[] = [];
        const framer = new Xor8aFramer({
          clock,
          onBurst: (burst) => found.push(...burst.frames.map((frame) => frame.bytes)),
        });
        for (const [bytes, gapMs] of steps) {
          framer.push(bytes);
          await clock.advance(gapMs);
        }
        framer.flush();
        for (const frame of found) {
          expect(hasValidChecksum(frame)).toBe(true);
          expect([0x80, 0x8a]).toContain(frame[0]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('recovers any reply preceded by noise and delivered in chunks closer than the silence', async () => {
    // Noise holds no header byte: a random 0x80 could frame a false reply that checks out.
    const noise = fc
      .uint8Array({ maxLength: 20 })
      .map((bytes) => bytes.map((value) => (value === 0x80 || value === 0x8a ? 0x55 : value)));
    const reply = fc.oneof(
      fc
        .record({
          board: fc.integer({ min: 1, max: 31 }),
          levels: fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }),
        })
        .map(({ board, levels }) => encodeQueryReply(board, levels)),
      fc
        .record({
          board: fc.integer({ min: 1, max: 31 }),
          channel: fc.integer({ min: 1, max: 64 }),
          feedback: fc.constantFrom(0x00 as const, 0x11 as const),
        })
        .map(({ board, channel, feedback }) => encodeUnlockReply({ board, channel }, feedback)),
    );
    await fc.assert(
      fc.asyncProperty(
        noise,
        reply,
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 12 }),
        async (garbage, frame, sizes) => {
          const { clock, framer, frames } = setup();
          const stream = Uint8Array.from([...garbage, ...frame]);
          let offset = 0;
          for (const size of [...sizes, stream.length]) {
            if (offset >= stream.length) {
              break;
            }
            framer.push(stream.subarray(offset, offset + size));
            offset += size;
            await clock.advance(10);
          }
          await clock.advance(25);
          expect(frames()).toEqual([toHex(frame)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
