import type { Clock, TimerHandle } from '../../../src-shared/time/clock.js';
import {
  decodeReply,
  maxReplyLength,
  queryHeader,
  unlockHeader,
  unlockReplyLength,
  type Xor8aReply,
} from './codec.js';

export interface ReplyFrame {
  reply: Xor8aReply;
  bytes: Uint8Array;
}

/** What one burst of bytes (everything between two silences) turned out to hold. */
export interface Xor8aBurst {
  /** Valid frames found in it, in order (usually exactly one). */
  frames: ReplyFrame[];
  /** Bytes that belonged to no valid frame: noise, a corrupt frame, a cut-off frame. */
  discardedBytes: number;
  length: number;
}

/**
 * Finds every valid reply in a burst. Query replies have no length field, and any run of valid
 * frames also checks out as one longer frame (the XOR of each is zero), so the burst is read
 * as a whole: the reading that leaves the fewest bytes outside a valid frame wins, and between
 * equally clean readings the one with more frames (two replies back to back are two replies,
 * not one reply whose status bytes hold the second). So a status byte equal to 0x33 with a
 * matching XOR cannot end a reply early (its rest would be left over), a real frame after noise
 * is still found, and noise that starts no valid frame is discarded byte by byte.
 */
export function scanBurst(bytes: ArrayLike<number>): Xor8aBurst {
  const length = bytes.length;
  // best[start]: the best reading of bytes[start..], built from the end of the burst.
  const best: Reading[] = [];
  best[length] = { discardedBytes: 0, frames: [] };
  for (let start = length - 1; start >= 0; start--) {
    let choice: Reading | undefined;
    for (const frame of framesAt(bytes, start)) {
      const rest = best[start + frame.bytes.length] ?? noReading;
      const reading = { discardedBytes: rest.discardedBytes, frames: [frame, ...rest.frames] };
      if (!choice || isBetter(reading, choice)) {
        choice = reading;
      }
    }
    const skipped = best[start + 1] ?? noReading;
    const skipping = { discardedBytes: skipped.discardedBytes + 1, frames: skipped.frames };
    best[start] = !choice || isBetter(skipping, choice) ? skipping : choice;
  }
  const reading = best[0] ?? noReading;
  return { frames: reading.frames, discardedBytes: reading.discardedBytes, length };
}

interface Reading {
  discardedBytes: number;
  frames: ReplyFrame[];
}

const noReading: Reading = { discardedBytes: 0, frames: [] };

function isBetter(candidate: Reading, current: Reading): boolean {
  return (
    candidate.discardedBytes < current.discardedBytes ||
    (candidate.discardedBytes === current.discardedBytes &&
      candidate.frames.length > current.frames.length)
  );
}

/** Every valid frame starting at `start`, longest first. */
function framesAt(bytes: ArrayLike<number>, start: number): ReplyFrame[] {
  const header = bytes[start];
  const remaining = bytes.length - start;
  const candidateLengths: number[] = [];
  if (header === unlockHeader) {
    candidateLengths.push(unlockReplyLength);
  } else if (header === queryHeader) {
    for (let length = Math.min(maxReplyLength, remaining); length >= 5; length--) {
      candidateLengths.push(length);
    }
  }
  const frames: ReplyFrame[] = [];
  for (const length of candidateLengths) {
    if (length > remaining) {
      continue;
    }
    const candidate = Uint8Array.from({ length }, (_, index) => bytes[start + index] ?? 0);
    const reply = decodeReply(candidate);
    if (reply) {
      frames.push({ reply, bytes: candidate });
    }
  }
  return frames;
}

export interface Xor8aFramerOptions {
  clock: Clock;
  /** A reply is complete after this much line silence (hardware.md B: about 25 ms). */
  silenceMs?: number;
  onBurst: (burst: Xor8aBurst) => void;
}

/**
 * Cuts the 0x8A/0x80 board's byte stream into replies. The frames carry no length, and USB
 * adapters deliver them in bursts, so a reply is whatever arrived before the line went quiet
 * for `silenceMs`; the burst is then searched for frames that check out. Time comes from the
 * injected Clock, so tests drive the silence with fake time.
 */
export class Xor8aFramer {
  readonly silenceMs: number;
  /** Bursts that held at least one byte outside a valid frame (noise, corruption). */
  rejectedBursts = 0;
  discardedBytes = 0;
  validFrames = 0;
  readonly #clock: Clock;
  readonly #onBurst: (burst: Xor8aBurst) => void;
  #pending: number[] = [];
  #timer: TimerHandle | undefined;

  constructor(options: Xor8aFramerOptions) {
    this.#clock = options.clock;
    this.silenceMs = options.silenceMs ?? 25;
    this.#onBurst = options.onBurst;
  }

  /** Feeds received bytes; the burst completes `silenceMs` after the last of them. */
  push(chunk: ArrayLike<number>): void {
    for (let index = 0; index < chunk.length; index++) {
      this.#pending.push((chunk[index] ?? 0) & 0xff);
    }
    this.#cancelTimer();
    // A line that never goes quiet (noise) must not grow the buffer without bound.
    if (this.#pending.length >= maxReplyLength * 4) {
      this.flush();
      return;
    }
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, this.silenceMs);
  }

  /** Completes the pending burst now (the silence timer does this on its own). */
  flush(): void {
    this.#cancelTimer();
    if (this.#pending.length === 0) {
      return;
    }
    const burst = scanBurst(this.#pending);
    this.#pending = [];
    this.validFrames += burst.frames.length;
    this.discardedBytes += burst.discardedBytes;
    if (burst.discardedBytes > 0) {
      this.rejectedBursts++;
    }
    this.#onBurst(burst);
  }

  /** Bytes waiting for the line to go quiet. */
  get pendingBytes(): number {
    return this.#pending.length;
  }

  /** Drops a partial burst without reporting it, and its timer. */
  reset(): void {
    this.#cancelTimer();
    this.discardedBytes += this.#pending.length;
    this.#pending = [];
  }

  #cancelTimer(): void {
    if (this.#timer) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }
}
