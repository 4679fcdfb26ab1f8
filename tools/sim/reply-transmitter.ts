import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { BoardReply } from './board-protocol.js';
import {
  concatBytes,
  corruptChecksum,
  garbageBytes,
  splitIntoChunks,
} from './line-fault-effects.js';
import type { LineFaultSwitch } from './line-faults.js';

/** What went out on the line (GET /log `line`): what tests wait for instead of sleeping. */
export interface LineStatistics {
  /** Replies put on the line, whole or as their first chunk. */
  repliesWritten: number;
  /** Replies swallowed by the noReply fault. */
  repliesDropped: number;
  repliesCorrupted: number;
  repliesSplit: number;
  repliesDelayed: number;
  garbageBytes: number;
  /** Replies or chunks that could not be written (line gone) or built. */
  errors: number;
}

export interface ReplyTransmitterOptions {
  clock: Clock;
  faults: LineFaultSwitch;
  /** Hands bytes to the line; resolves once they are written. */
  write: (bytes: Uint8Array) => Promise<void>;
  /** [0, 1) like Math.random (the default); tests pass a fixed sequence. */
  random?: () => number;
  onError?: (error: unknown) => void;
}

interface Chunk {
  bytes: Uint8Array;
  /** Line silence after this chunk before the next one goes (split frames). */
  pauseAfterMs: number;
}

/**
 * Puts the boards' replies on the line, through the line faults in force. Every wait (a
 * board's own delay, a slow reply, the gap in a split frame) is a timer on the injected Clock,
 * so tests drive it with fake time. Chunks leave strictly in order: a reply due while another is
 * still being split waits for it, as bytes on one wire must.
 */
export class ReplyTransmitter {
  readonly #clock: Clock;
  readonly #faults: LineFaultSwitch;
  readonly #writeBytes: (bytes: Uint8Array) => Promise<void>;
  readonly #random: () => number;
  readonly #onError: (error: unknown) => void;
  readonly #timers = new Set<TimerHandle>();
  readonly #queue: Chunk[] = [];
  #pausing = false;
  #writing: Promise<void> = Promise.resolve();
  #disposed = false;
  readonly #statistics: LineStatistics = {
    repliesWritten: 0,
    repliesDropped: 0,
    repliesCorrupted: 0,
    repliesSplit: 0,
    repliesDelayed: 0,
    garbageBytes: 0,
    errors: 0,
  };

  constructor(options: ReplyTransmitterOptions) {
    this.#clock = options.clock;
    this.#faults = options.faults;
    this.#writeBytes = options.write;
    this.#random = options.random ?? Math.random;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Sends a reply when it is due: its own delay plus any slowReply fault (read now). */
  send(reply: BoardReply): void {
    if (this.#disposed) {
      return;
    }
    const slow = this.#faults.current.slowReply;
    if (slow) {
      this.#statistics.repliesDelayed++;
    }
    const delayMs = reply.delayMs + (slow?.delayMs ?? 0);
    if (delayMs > 0) {
      this.#after(delayMs, () => this.#transmit(reply));
    } else {
      // At once, not on a zero timer: a KR-CU16 status reply must not wait behind anything.
      this.#transmit(reply);
    }
  }

  statistics(): LineStatistics {
    return { ...this.#statistics };
  }

  /** Resolves once every byte handed to the line so far has been written. */
  idle(): Promise<void> {
    return this.#writing;
  }

  /** Cancels replies not yet due and chunks not yet written (the simulator is stopping). */
  dispose(): void {
    this.#disposed = true;
    for (const timer of this.#timers) {
      this.#clock.clearTimeout(timer);
    }
    this.#timers.clear();
    this.#queue.length = 0;
  }

  /** The faults are read as the reply leaves, so a fault switched on meanwhile applies. */
  #transmit(reply: BoardReply): void {
    const faults = this.#faults.current;
    if (faults.noReply) {
      this.#statistics.repliesDropped++;
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = reply.encode();
    } catch (error) {
      this.#statistics.errors++;
      this.#onError(error);
      return;
    }
    if (faults.badChecksum) {
      bytes = corruptChecksum(bytes);
      this.#statistics.repliesCorrupted++;
    }
    if (faults.garbage) {
      const noise = garbageBytes(faults.garbage, this.#random);
      this.#statistics.garbageBytes += noise.length;
      bytes = concatBytes(noise, bytes);
    }
    const split = faults.splitFrames;
    const chunks = split ? splitIntoChunks(bytes, split.chunkBytes) : [bytes];
    if (chunks.length > 1) {
      this.#statistics.repliesSplit++;
    }
    chunks.forEach((chunk, index) => {
      const last = index === chunks.length - 1;
      this.#queue.push({ bytes: chunk, pauseAfterMs: last || !split ? 0 : split.gapMs });
    });
    this.#statistics.repliesWritten++;
    this.#pump();
  }

  #pump(): void {
    while (!this.#pausing && !this.#disposed) {
      const chunk = this.#queue.shift();
      if (!chunk) {
        return;
      }
      this.#write(chunk.bytes);
      if (chunk.pauseAfterMs > 0) {
        this.#pausing = true;
        this.#after(chunk.pauseAfterMs, () => {
          this.#pausing = false;
          this.#pump();
        });
      }
    }
  }

  #write(bytes: Uint8Array): void {
    this.#writing = this.#writing
      .then(() => this.#writeBytes(bytes))
      .catch((error: unknown) => {
        this.#statistics.errors++;
        this.#onError(error);
      });
  }

  #after(delayMs: number, action: () => void): void {
    const timer = this.#clock.setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, delayMs);
    this.#timers.add(timer);
  }
}
