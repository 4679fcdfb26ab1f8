import {
  hasValidChecksum,
  queryHeader,
  requestFrameLength,
  unlockHeader,
} from '../../src-main/hardware/xor-8a/codec.js';

/**
 * Cuts the kiosk's byte stream into 0x8A/0x80 requests, as a board reads it. Unlike the
 * replies (no length field, so the kiosk frames them by line silence), every request is 5 bytes,
 * so the board side can resync on a header byte and take 5: the KR-CU16 framer's approach. A
 * candidate whose XOR does not check out loses only its first byte, so a real request starting
 * inside it (after noise, or after a cut-off frame) is still found.
 */
export class Xor8aRequestFramer {
  /** Candidates that started with a header byte but failed the XOR check. */
  rejectedFrames = 0;
  /** Bytes skipped while looking for a header, plus the header of each rejected candidate. */
  discardedBytes = 0;
  #buffer: number[] = [];

  /** Feeds received bytes; returns every complete request whose checksum is right, in order. */
  push(chunk: ArrayLike<number>): Uint8Array[] {
    for (let index = 0; index < chunk.length; index++) {
      this.#buffer.push((chunk[index] ?? 0) & 0xff);
    }
    const frames: Uint8Array[] = [];
    let start = 0;
    for (;;) {
      while (start < this.#buffer.length && !isHeader(this.#buffer[start])) {
        start++;
        this.discardedBytes++;
      }
      if (this.#buffer.length - start < requestFrameLength) {
        break;
      }
      const candidate = this.#buffer.slice(start, start + requestFrameLength);
      if (hasValidChecksum(candidate)) {
        frames.push(Uint8Array.from(candidate));
        start += requestFrameLength;
      } else {
        this.rejectedFrames++;
        this.discardedBytes++;
        start++;
      }
    }
    this.#buffer = this.#buffer.slice(start);
    return frames;
  }

  /** Bytes held waiting for the rest of a request. */
  get pendingBytes(): number {
    return this.#buffer.length;
  }
}

function isHeader(byte: number | undefined): boolean {
  return byte === unlockHeader || byte === queryHeader;
}
