import { isValidFrame, replyFrameLength, startByte } from './codec.js';

/**
 * Cuts a KR-CU16 byte stream into checked frames (hardware.md "Framing"). Serial reads split
 * and merge frames at random, and RS-485 lines pick up noise, so: resync on STX, take a whole
 * frame, keep it only if ETX and the sum check out. A candidate that fails loses only its STX
 * byte, so a real frame starting inside it is still found.
 *
 * The same framer reads 9-byte replies on the kiosk side and 5-byte requests in the simulator.
 */
export class KerongFramer {
  readonly frameLength: number;
  /** Candidates that started with STX but failed the ETX or sum check. */
  rejectedFrames = 0;
  /** Bytes skipped while looking for STX, plus the STX of each rejected candidate. */
  discardedBytes = 0;
  #buffer: number[] = [];

  constructor(frameLength: number = replyFrameLength) {
    if (!Number.isInteger(frameLength) || frameLength < 3) {
      throw new RangeError(`a KR-CU16 frame has at least 3 bytes, got ${frameLength}`);
    }
    this.frameLength = frameLength;
  }

  /** Feeds received bytes; returns every complete valid frame they finish, in order. */
  push(chunk: ArrayLike<number>): Uint8Array[] {
    for (let index = 0; index < chunk.length; index++) {
      this.#buffer.push((chunk[index] ?? 0) & 0xff);
    }
    const frames: Uint8Array[] = [];
    let start = 0;
    for (;;) {
      while (start < this.#buffer.length && this.#buffer[start] !== startByte) {
        start++;
        this.discardedBytes++;
      }
      if (this.#buffer.length - start < this.frameLength) {
        break;
      }
      const candidate = this.#buffer.slice(start, start + this.frameLength);
      if (isValidFrame(candidate)) {
        frames.push(Uint8Array.from(candidate));
        start += this.frameLength;
      } else {
        this.rejectedFrames++;
        this.discardedBytes++;
        start++;
      }
    }
    this.#buffer = this.#buffer.slice(start);
    return frames;
  }

  /** Bytes held waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.#buffer.length;
  }

  /** Drops a partial frame (after a timeout: its rest will never come, or belongs to the past). */
  reset(): void {
    this.discardedBytes += this.#buffer.length;
    this.#buffer = [];
  }
}
