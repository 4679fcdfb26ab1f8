import { toHex } from '../../src-main/hardware/hex.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardReply, ProtocolLog, ReceivedFrame } from './board-protocol.js';

/** What a request framer knows about the bytes it threw away. */
export interface FramerCounts {
  readonly rejectedFrames: number;
  readonly discardedBytes: number;
}

/**
 * The bookkeeping behind GET /log, the same for every protocol: the last valid frames (bounded,
 * so a simulator left running for days does not grow) and the counters tests assert on.
 */
export class FrameLog {
  readonly #protocol: string;
  readonly #clock: Clock;
  readonly #limit: number;
  readonly #framer: FramerCounts;
  readonly #frames: ReceivedFrame[] = [];
  #validFrames = 0;
  #repliesSent = 0;

  constructor(options: { protocol: string; clock: Clock; framer: FramerCounts; limit?: number }) {
    this.#protocol = options.protocol;
    this.#clock = options.clock;
    this.#framer = options.framer;
    this.#limit = options.limit ?? 500;
  }

  /**
   * Lets `handle` answer each request frame, in order, logging what it made of each: the body
   * of every protocol's `receive`.
   */
  answer(
    frames: Iterable<Uint8Array>,
    handle: (frame: Uint8Array) => { action: string; reply?: BoardReply },
  ): BoardReply[] {
    const replies: BoardReply[] = [];
    for (const frame of frames) {
      const { action, reply } = handle(frame);
      this.record(frame, action, reply ? 1 : 0);
      if (reply) {
        replies.push(reply);
      }
    }
    return replies;
  }

  record(frame: Uint8Array, action: string, replies: number): void {
    this.#validFrames++;
    this.#repliesSent += replies;
    this.#frames.push({ at: this.#clock.now(), hex: toHex(frame), action });
    if (this.#frames.length > this.#limit) {
      this.#frames.splice(0, this.#frames.length - this.#limit);
    }
  }

  snapshot(): ProtocolLog {
    return {
      protocol: this.#protocol,
      frames: [...this.#frames],
      validFrames: this.#validFrames,
      ignoredFrames: this.#framer.rejectedFrames,
      discardedBytes: this.#framer.discardedBytes,
      repliesSent: this.#repliesSent,
    };
  }
}
