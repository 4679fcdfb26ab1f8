import type { LockAddress } from '../../../src-shared/domain/compartment.js';

/**
 * The Kerong KR-CU16 wire format (hardware.md, section A). Pure functions on bytes, no I/O:
 * requests are `02 ADDR CMD 03 SUM` (5 bytes), the status reply is
 * `02 ADDR 35 L1-8 L9-16 IR1-8 IR9-16 03 SUM` (9 bytes); SUM is the low byte of the sum of every
 * byte before it; ADDR is `(board << 4) | lockIndex`.
 */
export const startByte = 0x02;
export const endByte = 0x03;

export const command = {
  status: 0x30,
  unlock: 0x31,
  unlockAll: 0x33,
  statusReply: 0x35,
} as const;

export const requestFrameLength = 5;
export const replyFrameLength = 9;
export const locksPerBoard = 16;
export const maxBoard = 15;

/**
 * Which value of a lock status bit means "door open". Sources disagree (hardware.md), so it is a
 * profile setting checked at commissioning. This codebase's default is 1 = open.
 */
export type LockBitOpenValue = 0 | 1;
export const defaultLockBitOpenValue: LockBitOpenValue = 1;

/** Low byte of the sum of the first `length` bytes (the KR-CU16 checksum). */
export function checksum(bytes: ArrayLike<number>, length: number = bytes.length): number {
  let sum = 0;
  for (let index = 0; index < length; index++) {
    sum += bytes[index] ?? 0;
  }
  return sum & 0xff;
}

/** `(board << 4) | lockIndex`; lock index 0 is channel 1. */
export function address(board: number, lockIndex = 0): number {
  if (!Number.isInteger(board) || board < 0 || board > maxBoard) {
    throw new RangeError(`KR-CU16 board must be 0–${maxBoard}, got ${board}`);
  }
  if (!Number.isInteger(lockIndex) || lockIndex < 0 || lockIndex >= locksPerBoard) {
    throw new RangeError(`KR-CU16 lock index must be 0–${locksPerBoard - 1}, got ${lockIndex}`);
  }
  return (board << 4) | lockIndex;
}

function request(addressByte: number, commandByte: number): Uint8Array {
  const frame = new Uint8Array([startByte, addressByte, commandByte, endByte, 0]);
  frame[4] = checksum(frame.subarray(0, 4));
  return frame;
}

/** `02 B0 30 03 SUM`: ask one board for its door and item sensors. */
export function encodeStatusRequest(board: number): Uint8Array {
  return request(address(board), command.status);
}

/** `02 BL 31 03 SUM`: one unlock pulse on one lock (channel 1–16). */
export function encodeUnlockRequest(lock: LockAddress): Uint8Array {
  return request(address(lock.board, lock.channel - 1), command.unlock);
}

/** `02 B0 33 03 SUM`: pulse every lock of a board. */
export function encodeUnlockAllRequest(board: number): Uint8Array {
  return request(address(board), command.unlockAll);
}

/** True when `frame` has STX, ETX one before the end, and a correct trailing sum. */
export function isValidFrame(frame: ArrayLike<number>): boolean {
  const length = frame.length;
  if (length < 3 || frame[0] !== startByte || frame[length - 2] !== endByte) {
    return false;
  }
  return checksum(frame, length - 1) === frame[length - 1];
}

export interface KerongStatus {
  board: number;
  /** Index i is channel i + 1. */
  doorsOpen: boolean[];
  /** Infrared item sensors, bit 1 = item present. Index i is channel i + 1. */
  itemsPresent: boolean[];
}

/**
 * Decodes a validated 9-byte `0x35` status reply. Returns undefined for anything else (wrong
 * length, command, framing or sum): a frame that does not check out is never trusted.
 */
export function decodeStatusReply(
  frame: ArrayLike<number>,
  lockBitOpenValue: LockBitOpenValue = defaultLockBitOpenValue,
): KerongStatus | undefined {
  if (
    frame.length !== replyFrameLength ||
    !isValidFrame(frame) ||
    frame[2] !== command.statusReply
  ) {
    return undefined;
  }
  const bits = (low: number, high: number): boolean[] =>
    Array.from({ length: locksPerBoard }, (_, index) => {
      const byte = index < 8 ? low : high;
      return ((byte >> (index % 8)) & 1) === 1;
    });
  const lockBits = bits(frame[3] ?? 0, frame[4] ?? 0);
  return {
    board: (frame[1] ?? 0) >> 4,
    doorsOpen: lockBits.map((bit) => (bit ? 1 : 0) === lockBitOpenValue),
    itemsPresent: bits(frame[5] ?? 0, frame[6] ?? 0),
  };
}

/** Builds a status reply (the simulator's answer; also handy in tests). */
export function encodeStatusReply(
  status: { board: number; doorsOpen: readonly boolean[]; itemsPresent: readonly boolean[] },
  lockBitOpenValue: LockBitOpenValue = defaultLockBitOpenValue,
  addressByte: number = address(status.board),
): Uint8Array {
  const packBits = (flags: readonly boolean[], offset: number): number => {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) {
      if (flags[offset + bit]) {
        byte |= 1 << bit;
      }
    }
    return byte;
  };
  const lockBits = Array.from(
    { length: locksPerBoard },
    (_, index) => (status.doorsOpen[index] ?? false) === (lockBitOpenValue === 1),
  );
  const frame = new Uint8Array([
    startByte,
    addressByte,
    command.statusReply,
    packBits(lockBits, 0),
    packBits(lockBits, 8),
    packBits(status.itemsPresent, 0),
    packBits(status.itemsPresent, 8),
    endByte,
    0,
  ]);
  frame[8] = checksum(frame.subarray(0, 8));
  return frame;
}

// Re-exported: callers and tests have always found the hex helpers next to the codec.
export { fromHex, toHex } from '../hex.js';
