import type { LockAddress } from '../../../src-shared/domain/compartment.js';

/**
 * The generic RS-485 "0x8A/0x80" lock board (hardware.md, section B). Pure functions on bytes,
 * no I/O. Every frame ends with the XOR of all the bytes before it.
 *
 *   unlock request     8A BB CC 11 XX        BB board (DIP 1–31), CC channel counted from 1
 *   unlock reply       8A BB CC SS XX        SS 00 or 11: the channel's feedback level
 *   query-all request  80 BB 00 33 XX
 *   query-all reply    80 BB Sn … S1 33 XX   highest channel group first; S1 = channels 1–8
 *
 * Note: an unlock reply with SS = 11 is byte for byte the unlock request, and a query reply of
 * one all-zero status byte is the query request. An adapter that echoes its own transmission
 * would therefore be heard as an answer; the usual auto-direction RS-485 adapters do not echo.
 */
export const unlockHeader = 0x8a;
export const queryHeader = 0x80;
export const unlockCommand = 0x11;
export const queryTrailer = 0x33;

/** The two feedback levels an unlock reply carries; which one means "open" is wiring. */
export const feedbackLevels = [0x00, 0x11] as const;
export type FeedbackLevel = (typeof feedbackLevels)[number];
export const defaultFeedbackOpenValue: FeedbackLevel = 0x11;

export const minBoard = 1;
export const maxBoard = 31;
/** Boards come with 8 to 50 channels; one request byte could address more, 64 is our bound. */
export const maxChannel = 64;
/** Status bytes in a query reply: one per group of 8 channels. */
export const maxStatusBytes = maxChannel / 8;
export const requestFrameLength = 5;
export const unlockReplyLength = 5;

/** XOR of the first `length` bytes (the board's checksum). */
export function xorChecksum(bytes: ArrayLike<number>, length: number = bytes.length): number {
  let xor = 0;
  for (let index = 0; index < length; index++) {
    xor ^= bytes[index] ?? 0;
  }
  return xor & 0xff;
}

/** True when the last byte is the XOR of all the others. */
export function hasValidChecksum(frame: ArrayLike<number>): boolean {
  return frame.length >= 2 && xorChecksum(frame, frame.length - 1) === frame[frame.length - 1];
}

function checkBoard(board: number): void {
  if (!Number.isInteger(board) || board < minBoard || board > maxBoard) {
    throw new RangeError(`0x8A board address must be ${minBoard}–${maxBoard}, got ${board}`);
  }
}

function checkChannel(channel: number): void {
  if (!Number.isInteger(channel) || channel < 1 || channel > maxChannel) {
    throw new RangeError(`0x8A channel must be 1–${maxChannel}, got ${channel}`);
  }
}

function sealed(bytes: number[]): Uint8Array {
  const frame = Uint8Array.from([...bytes, 0]);
  frame[frame.length - 1] = xorChecksum(frame, frame.length - 1);
  return frame;
}

/** `8A BB CC 11 XX`: one unlock pulse. */
export function encodeUnlockRequest(lock: LockAddress): Uint8Array {
  checkBoard(lock.board);
  checkChannel(lock.channel);
  return sealed([unlockHeader, lock.board, lock.channel, unlockCommand]);
}

/** `80 BB 00 33 XX`: ask one board for every channel's feedback. */
export function encodeQueryRequest(board: number): Uint8Array {
  checkBoard(board);
  return sealed([queryHeader, board, 0x00, queryTrailer]);
}

export type Xor8aRequest =
  { kind: 'unlock'; board: number; channel: number } | { kind: 'query'; board: number };

/**
 * Decodes a 5-byte request as a board reads it (the simulator's side): right header, fixed
 * bytes and checksum, else undefined. The address is not range-checked here: a board simply
 * ignores a frame for another address.
 */
export function decodeRequest(frame: ArrayLike<number>): Xor8aRequest | undefined {
  if (frame.length !== requestFrameLength || !hasValidChecksum(frame)) {
    return undefined;
  }
  const board = frame[1] ?? 0;
  if (frame[0] === unlockHeader && frame[3] === unlockCommand) {
    return { kind: 'unlock', board, channel: frame[2] ?? 0 };
  }
  if (frame[0] === queryHeader && frame[2] === 0x00 && frame[3] === queryTrailer) {
    return { kind: 'query', board };
  }
  return undefined;
}

export interface UnlockReply {
  kind: 'unlock_reply';
  board: number;
  channel: number;
  /** The raw level; compare with the profile's feedbackOpenValue. */
  feedback: FeedbackLevel;
}

export interface QueryReply {
  kind: 'query_reply';
  board: number;
  /** Raw status bits, index i = channel i + 1 (8 per status byte). */
  levels: boolean[];
}

export type Xor8aReply = UnlockReply | QueryReply;

function isFeedbackLevel(value: number | undefined): value is FeedbackLevel {
  return value === 0x00 || value === 0x11;
}

/**
 * Decodes a complete reply frame: `8A BB CC SS XX` with SS 00/11, or `80 BB Sn … S1 33 XX` with
 * 1–8 status bytes. Undefined for anything else (wrong header, length, trailer or checksum):
 * a frame that does not check out is never trusted.
 */
export function decodeReply(frame: ArrayLike<number>): Xor8aReply | undefined {
  if (frame.length < 5 || !hasValidChecksum(frame)) {
    return undefined;
  }
  const board = frame[1] ?? 0;
  if (frame[0] === unlockHeader) {
    const feedback = frame[3];
    if (frame.length !== unlockReplyLength || !isFeedbackLevel(feedback)) {
      return undefined;
    }
    return { kind: 'unlock_reply', board, channel: frame[2] ?? 0, feedback };
  }
  if (frame[0] === queryHeader) {
    const statusBytes = frame.length - 4;
    if (statusBytes > maxStatusBytes || frame[frame.length - 2] !== queryTrailer) {
      return undefined;
    }
    const levels: boolean[] = [];
    // The last status byte (just before 0x33) holds channels 1–8; earlier bytes, higher groups.
    for (let group = 0; group < statusBytes; group++) {
      const byte = frame[2 + statusBytes - 1 - group] ?? 0;
      for (let bit = 0; bit < 8; bit++) {
        levels.push(((byte >> bit) & 1) === 1);
      }
    }
    return { kind: 'query_reply', board, levels };
  }
  return undefined;
}

/** The longest a reply can be (query reply with every status byte). */
export const maxReplyLength = 4 + maxStatusBytes;

/** Builds an unlock reply (the simulator's answer; also handy in tests). */
export function encodeUnlockReply(lock: LockAddress, feedback: FeedbackLevel): Uint8Array {
  checkBoard(lock.board);
  checkChannel(lock.channel);
  return sealed([unlockHeader, lock.board, lock.channel, feedback]);
}

/**
 * Builds a query reply from raw levels (index i = channel i + 1), one status byte per started
 * group of 8 channels, highest group first.
 */
export function encodeQueryReply(board: number, levels: readonly boolean[]): Uint8Array {
  checkBoard(board);
  const statusBytes = Math.max(1, Math.ceil(levels.length / 8));
  if (statusBytes > maxStatusBytes) {
    throw new RangeError(`a query reply carries at most ${maxChannel} channels`);
  }
  const groups = Array.from({ length: statusBytes }, (_, group) => {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) {
      if (levels[group * 8 + bit]) {
        byte |= 1 << bit;
      }
    }
    return byte;
  });
  return sealed([queryHeader, board, ...groups.reverse(), queryTrailer]);
}

/** The level (as a status bit) that means "open", from the profile's feedback setting. */
export function openLevel(feedbackOpenValue: FeedbackLevel): boolean {
  return feedbackOpenValue === 0x11;
}
