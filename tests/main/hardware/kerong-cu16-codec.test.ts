import { describe, expect, it } from 'vitest';
import {
  checksum,
  decodeStatusReply,
  encodeStatusReply,
  encodeStatusRequest,
  encodeUnlockAllRequest,
  encodeUnlockRequest,
  fromHex,
  isValidFrame,
  toHex,
} from '../../../src-main/hardware/kerong-cu16/codec.js';

describe('KR-CU16 requests (hardware.md known-good vectors)', () => {
  it('encodes status of board 0 as 02 00 30 03 35', () => {
    expect(toHex(encodeStatusRequest(0))).toBe('02 00 30 03 35');
  });

  it('encodes status of board 1 with sum 45, not the 3E one public driver lists', () => {
    expect(toHex(encodeStatusRequest(1))).toBe('02 10 30 03 45');
    expect(checksum(fromHex('02 10 30 03'))).toBe(0x45);
    expect(isValidFrame(fromHex('02 10 30 03 45'))).toBe(true);
    expect(isValidFrame(fromHex('02 10 30 03 3E'))).toBe(false);
  });

  it.each([
    [{ board: 0, channel: 1 }, '02 00 31 03 36'],
    [{ board: 0, channel: 16 }, '02 0F 31 03 45'],
    [{ board: 1, channel: 1 }, '02 10 31 03 46'],
    [{ board: 1, channel: 3 }, '02 12 31 03 48'],
  ])('encodes unlock %o as %s', (lock, hex) => {
    expect(toHex(encodeUnlockRequest(lock))).toBe(hex);
    expect(isValidFrame(fromHex(hex))).toBe(true);
  });

  it('encodes unlock-all of board 2 as 02 20 33 03 58', () => {
    expect(toHex(encodeUnlockAllRequest(2))).toBe('02 20 33 03 58');
  });

  it('refuses addresses the 4-bit fields cannot carry', () => {
    expect(() => encodeStatusRequest(16)).toThrow(RangeError);
    expect(() => encodeStatusRequest(-1)).toThrow(RangeError);
    expect(() => encodeUnlockRequest({ board: 0, channel: 17 })).toThrow(RangeError);
    expect(() => encodeUnlockRequest({ board: 0, channel: 0 })).toThrow(RangeError);
  });
});

describe('KR-CU16 status reply', () => {
  // Board 1: locks 1 and 3 and 16 bits set (05 80), items 2 and 9 (02 01).
  // Sum 02+10+35+05+80+02+01+03 = 0xD2.
  const reply = fromHex('02 10 35 05 80 02 01 03 D2');

  it('decodes door and item bits with bit 0 = channel 1 (1 = open by default)', () => {
    const status = decodeStatusReply(reply);
    expect(status?.board).toBe(1);
    const openChannels = status?.doorsOpen.flatMap((open, index) => (open ? [index + 1] : []));
    const itemChannels = status?.itemsPresent.flatMap((item, index) => (item ? [index + 1] : []));
    expect(openChannels).toEqual([1, 3, 16]);
    expect(itemChannels).toEqual([2, 9]);
    expect(status?.doorsOpen).toHaveLength(16);
  });

  it('inverts door bits when the profile says 0 = open; item bits never invert', () => {
    const status = decodeStatusReply(reply, 0);
    const openChannels = status?.doorsOpen.flatMap((open, index) => (open ? [index + 1] : []));
    expect(openChannels).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(status?.itemsPresent[1]).toBe(true);
  });

  it('rejects a wrong sum, a missing ETX, a wrong command or a wrong length', () => {
    expect(decodeStatusReply(fromHex('02 10 35 05 80 02 01 03 D3'))).toBeUndefined();
    expect(decodeStatusReply(fromHex('02 10 35 05 80 02 01 04 D3'))).toBeUndefined();
    expect(decodeStatusReply(fromHex('02 10 36 05 80 02 01 03 D3'))).toBeUndefined();
    expect(decodeStatusReply(fromHex('02 10 30 03 45'))).toBeUndefined();
  });

  it('encodes the same bytes it decodes, for either polarity', () => {
    const doorsOpen = Array.from({ length: 16 }, (_, index) => [0, 2, 15].includes(index));
    const itemsPresent = Array.from({ length: 16 }, (_, index) => [1, 8].includes(index));
    expect(toHex(encodeStatusReply({ board: 1, doorsOpen, itemsPresent }))).toBe(toHex(reply));
    const inverted = encodeStatusReply({ board: 1, doorsOpen, itemsPresent }, 0);
    expect(toHex(inverted)).toBe('02 10 35 FA 7F 02 01 03 C6');
    expect(decodeStatusReply(inverted, 0)?.doorsOpen).toEqual(doorsOpen);
  });
});

describe('hex helpers', () => {
  it('round-trips and refuses odd text', () => {
    expect(toHex(fromHex('0212310348'))).toBe('02 12 31 03 48');
    expect(() => fromHex('02 1')).toThrow();
  });
});
