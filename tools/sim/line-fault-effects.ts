import { fromHex } from '../../src-main/hardware/hex.js';
import type { GarbageFault } from './line-faults.js';

/**
 * What each line fault does to a reply's bytes: pure functions, so the byte-level effect is
 * tested apart from the timing.
 */

/**
 * Flips every bit of the last byte, the checksum in both protocols (KR-CU16 sum, 0x8A XOR):
 * the result can never check out, whatever the frame.
 */
export function corruptChecksum(frame: Uint8Array): Uint8Array {
  const corrupted = Uint8Array.from(frame);
  const last = corrupted.length - 1;
  if (last >= 0) {
    corrupted[last] = (corrupted[last] ?? 0) ^ 0xff;
  }
  return corrupted;
}

/** The noise to put before one reply. `random` returns [0, 1), like Math.random. */
export function garbageBytes(fault: GarbageFault, random: () => number): Uint8Array {
  if ('hex' in fault) {
    return fromHex(fault.hex);
  }
  return Uint8Array.from({ length: fault.length }, () => Math.floor(random() * 256) & 0xff);
}

export function splitIntoChunks(bytes: Uint8Array, chunkBytes: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    chunks.push(bytes.slice(start, start + chunkBytes));
  }
  return chunks;
}

export function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}
