import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src-main/hardware/hex.js';
import {
  decodeReply,
  decodeRequest,
  encodeQueryReply,
  encodeQueryRequest,
  encodeUnlockReply,
  encodeUnlockRequest,
  hasValidChecksum,
  openLevel,
  xorChecksum,
} from '../../../src-main/hardware/xor-8a/codec.js';

describe('0x8A/0x80 requests (hardware.md B known-good vectors)', () => {
  it('encodes unlock board 2 channel 1 as 8A 02 01 11 98', () => {
    expect(toHex(encodeUnlockRequest({ board: 2, channel: 1 }))).toBe('8A 02 01 11 98');
    expect(xorChecksum(fromHex('8A 02 01 11'))).toBe(0x98);
  });

  it.each([
    [2, '80 02 00 33 B1'],
    [1, '80 01 00 33 B2'],
  ])('encodes query-all of board %i as %s', (board, hex) => {
    expect(toHex(encodeQueryRequest(board))).toBe(hex);
    expect(hasValidChecksum(fromHex(hex))).toBe(true);
  });

  it('decodes requests as a board reads them, refusing a bad XOR or wrong fixed bytes', () => {
    expect(decodeRequest(fromHex('8A 02 01 11 98'))).toEqual({
      kind: 'unlock',
      board: 2,
      channel: 1,
    });
    expect(decodeRequest(fromHex('80 01 00 33 B2'))).toEqual({ kind: 'query', board: 1 });
    expect(decodeRequest(fromHex('8A 02 01 11 99'))).toBeUndefined();
    // Right XOR, but 0x12 is not the unlock command and 01 is not the query's 00.
    expect(decodeRequest(fromHex('8A 02 01 12 9B'))).toBeUndefined();
    expect(decodeRequest(fromHex('80 01 01 33 B3'))).toBeUndefined();
    expect(decodeRequest(fromHex('81 01 00 33 B3'))).toBeUndefined();
    expect(decodeRequest(fromHex('80 01 00 33'))).toBeUndefined();
  });

  it('refuses addresses the board cannot carry', () => {
    expect(() => encodeQueryRequest(0)).toThrow(RangeError);
    expect(() => encodeQueryRequest(32)).toThrow(RangeError);
    expect(() => encodeUnlockRequest({ board: 1, channel: 0 })).toThrow(RangeError);
    expect(() => encodeUnlockRequest({ board: 1, channel: 65 })).toThrow(RangeError);
    expect(() => encodeUnlockRequest({ board: 1.5, channel: 1 })).toThrow(RangeError);
  });
});

describe('0x8A/0x80 replies', () => {
  it('decodes an unlock reply with either feedback level', () => {
    expect(decodeReply(fromHex('8A 02 01 00 89'))).toEqual({
      kind: 'unlock_reply',
      board: 2,
      channel: 1,
      feedback: 0x00,
    });
    // SS = 11 makes the reply identical to the request (see the codec's note on echoes).
    expect(decodeReply(fromHex('8A 02 01 11 98'))).toMatchObject({ feedback: 0x11 });
    expect(toHex(encodeUnlockReply({ board: 2, channel: 1 }, 0x00))).toBe('8A 02 01 00 89');
  });

  it('refuses an unlock reply with a feedback byte other than 00/11, or a bad XOR', () => {
    expect(decodeReply(fromHex('8A 02 01 01 88'))).toBeUndefined();
    expect(decodeReply(fromHex('8A 02 01 00 88'))).toBeUndefined();
  });

  it('reads query-all status bytes highest channel group first, channels 1–8 last', () => {
    // 24 channels: S3 = 17–24, S2 = 9–16, S1 = 1–8. Channels 1, 10 and 24 high.
    const frame = fromHex('80 01 80 02 01 33 31');
    expect(hasValidChecksum(frame)).toBe(true);
    const reply = decodeReply(frame);
    expect(reply?.kind).toBe('query_reply');
    const levels = reply?.kind === 'query_reply' ? reply.levels : [];
    expect(levels).toHaveLength(24);
    expect(levels.flatMap((high, index) => (high ? [index + 1] : []))).toEqual([1, 10, 24]);
  });

  it('encodes a query reply the same way round and decodes it back', () => {
    const levels = Array.from({ length: 24 }, (_, index) => [0, 9, 23].includes(index));
    expect(toHex(encodeQueryReply(1, levels))).toBe('80 01 80 02 01 33 31');
    const fiftyChannels = Array.from({ length: 50 }, (_, index) => index % 7 === 0);
    const reply = decodeReply(encodeQueryReply(31, fiftyChannels));
    expect(reply).toMatchObject({ kind: 'query_reply', board: 31 });
    expect(reply?.kind === 'query_reply' ? reply.levels.slice(0, 50) : []).toEqual(fiftyChannels);
  });

  it('refuses a query reply without the 0x33 trailer, with a bad XOR, or too long', () => {
    expect(decodeReply(fromHex('80 01 80 02 01 34 36'))).toBeUndefined();
    expect(decodeReply(fromHex('80 01 80 02 01 33 30'))).toBeUndefined();
    const nineBytes = Uint8Array.from([0x80, 0x01, ...Array<number>(9).fill(0), 0x33, 0]);
    nineBytes[nineBytes.length - 1] = xorChecksum(nineBytes, nineBytes.length - 1);
    expect(decodeReply(nineBytes)).toBeUndefined();
    expect(decodeReply(fromHex('80 01 33 B2'))).toBeUndefined();
  });

  it('maps the feedback polarity to the status bit meaning open', () => {
    expect(openLevel(0x11)).toBe(true);
    expect(openLevel(0x00)).toBe(false);
  });
});
