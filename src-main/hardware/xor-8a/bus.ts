import type { LockAddress } from '../../../src-shared/domain/compartment.js';
import type { Clock, TimerHandle } from '../../../src-shared/time/clock.js';
import { BusQueue } from '../bus-queue.js';
import { encodeOrError, LineQuiet } from '../line-quiet.js';
import { toHex } from '../hex.js';
import { LockBusError, type BoardReading, type LockBus } from '../lock-bus.js';
import { listenToBusLine, type SerialLine } from '../serial-line.js';
import {
  defaultFeedbackOpenValue,
  encodeQueryRequest,
  encodeUnlockRequest,
  openLevel,
  type FeedbackLevel,
  type Xor8aReply,
} from './codec.js';
import { Xor8aFramer, type ReplyFrame, type Xor8aBurst } from './framer.js';

export interface Xor8aBusOptions {
  line: SerialLine;
  clock: Clock;
  /**
   * The feedback level (0x00 or 0x11) that means "door open" on this bank's wiring (profile
   * setting); the query-all status bits read the same inputs, so bit 1 = open when it is 0x11.
   * Default 0x11.
   */
  feedbackOpenValue?: FeedbackLevel;
  /** How long to wait for a reply (hardware.md B: 1.5 s; an unlock reply comes ~500 ms late). */
  replyTimeoutMs?: number;
  /** Line silence that completes a reply; default 25 ms. */
  silenceMs?: number;
  /** After a failure the line must stay quiet this long before input is flushed; default 50 ms. */
  recoverySilenceMs?: number;
  /** Upper bound on that wait when the line never goes quiet (noise); default 1000 ms. */
  maxSilenceWaitMs?: number;
}

/** What the board said about a channel right after pulsing it (the unlock reply). */
export interface UnlockFeedback {
  lock: LockAddress;
  level: FeedbackLevel;
  /** The level read with the profile's polarity: the door sensor's view just after the pulse. */
  doorOpen: boolean;
  at: number;
}

type WaitOutcome = ReplyFrame | 'garbled' | undefined;

interface ReplyWaiter {
  accepts(reply: Xor8aReply): boolean;
  finish(outcome: WaitOutcome): void;
}

/**
 * `LockBus` for the generic RS-485 "0x8A/0x80" board (hardware.md B) over one serial line.
 * One transaction at a time, unlocks ahead of polls (BusQueue). An unlock resolves once its
 * frame is written and is never resent; the bus then stays reserved until the board's unlock
 * reply (about 500 ms later) or the 1.5 s timeout, because RS-485 is half duplex and a query
 * sent meanwhile would collide with that reply. The reply's feedback byte is reported through
 * `onUnlockFeedback` (a door reading taken right after the pulse); door truth still comes from
 * query-all polls (X2). A reply that does not check out, or comes from another address, is
 * counted and never trusted.
 */
export class Xor8aBus implements LockBus {
  readonly #line: SerialLine;
  readonly #clock: Clock;
  readonly #feedbackOpenValue: FeedbackLevel;
  readonly #replyTimeoutMs: number;
  readonly #recoverySilenceMs: number;
  readonly #maxSilenceWaitMs: number;
  readonly #framer: Xor8aFramer;
  readonly #queue = new BusQueue();
  readonly #quiet: LineQuiet;
  readonly #stopListening: (() => void)[] = [];
  readonly #feedbackListeners = new Set<(feedback: UnlockFeedback) => void>();
  #waiter: ReplyWaiter | undefined;
  #interruptions = 0;
  #unsolicitedFrames = 0;
  #missedUnlockReplies = 0;

  constructor(options: Xor8aBusOptions) {
    this.#line = options.line;
    this.#clock = options.clock;
    this.#quiet = new LineQuiet(options.clock, () => this.#queue.closedError !== undefined);
    this.#feedbackOpenValue = options.feedbackOpenValue ?? defaultFeedbackOpenValue;
    this.#replyTimeoutMs = options.replyTimeoutMs ?? 1500;
    this.#recoverySilenceMs = options.recoverySilenceMs ?? 50;
    this.#maxSilenceWaitMs = options.maxSilenceWaitMs ?? 1000;
    this.#framer = new Xor8aFramer({
      clock: options.clock,
      ...(options.silenceMs === undefined ? {} : { silenceMs: options.silenceMs }),
      onBurst: (burst) => this.#onBurst(burst),
    });
    this.#stopListening.push(
      ...listenToBusLine(this.#line, {
        data: (chunk) => {
          this.#quiet.heard();
          this.#framer.push(chunk);
        },
        closed: (error) => this.#shutDown(error),
        interrupted: () => this.#interrupted(),
      }),
    );
  }

  /** Noise and corrupt replies seen, replies from the wrong address, unlock replies missed. */
  get lineStatistics(): {
    rejectedBursts: number;
    discardedBytes: number;
    unsolicitedFrames: number;
    missedUnlockReplies: number;
  } {
    return {
      rejectedBursts: this.#framer.rejectedBursts,
      discardedBytes: this.#framer.discardedBytes,
      unsolicitedFrames: this.#unsolicitedFrames,
      missedUnlockReplies: this.#missedUnlockReplies,
    };
  }

  /** Hears the feedback byte of every unlock reply. */
  onUnlockFeedback(listener: (feedback: UnlockFeedback) => void): () => void {
    this.#feedbackListeners.add(listener);
    return () => this.#feedbackListeners.delete(listener);
  }

  /** Rejects with RangeError for an address the board cannot carry (board 1–31, channel 1–64). */
  unlock(lock: LockAddress): Promise<void> {
    const frame = encodeOrError(() => encodeUnlockRequest(lock));
    if (frame instanceof Error) {
      return Promise.reject(frame);
    }
    return this.#queue.enqueue<void>('unlock', async (answer) => {
      const interruptionsBefore = this.#interruptions;
      this.#framer.reset();
      const reply = this.#awaitReply(
        (candidate) =>
          candidate.kind === 'unlock_reply' &&
          candidate.board === lock.board &&
          candidate.channel === lock.channel,
      );
      await this.#writeWhileWaiting(frame, reply);
      answer.resolve();
      const outcome = await reply;
      if (outcome !== undefined && outcome !== 'garbled' && outcome.reply.kind === 'unlock_reply') {
        this.#reportFeedback(lock, outcome.reply.feedback);
        return;
      }
      // Never resent (X2): the door polls that follow tell what happened.
      this.#missedUnlockReplies++;
      if (!this.#queue.closedError && this.#interruptions === interruptionsBefore) {
        await this.#recoverAfterFailure();
      }
    });
  }

  /** Rejects with RangeError for a board address outside 1–31. */
  readBoard(board: number): Promise<BoardReading> {
    const frame = encodeOrError(() => encodeQueryRequest(board));
    if (frame instanceof Error) {
      return Promise.reject(frame);
    }
    return this.#queue.enqueue<BoardReading>('poll', async (answer) => {
      const interruptionsBefore = this.#interruptions;
      this.#framer.reset();
      const reply = this.#awaitReply(
        (candidate) => candidate.kind === 'query_reply' && candidate.board === board,
      );
      await this.#writeWhileWaiting(frame, reply);
      const outcome = await reply;
      if (this.#queue.closedError) {
        throw this.#queue.closedError;
      }
      if (this.#interruptions !== interruptionsBefore) {
        throw new LockBusError(
          'port_closed',
          `the serial device went away while board ${board} was asked`,
        );
      }
      if (outcome !== undefined && outcome !== 'garbled' && outcome.reply.kind === 'query_reply') {
        const open = openLevel(this.#feedbackOpenValue);
        answer.resolve({
          board,
          doorsOpen: outcome.reply.levels.map((level) => level === open),
          itemsPresent: undefined,
        });
        return;
      }
      // The caller hears at once; the bus stays reserved until the line is quiet again.
      answer.reject(
        outcome === 'garbled'
          ? new LockBusError('bad_reply', `board ${board} answered ${toHex(frame)} with noise`)
          : new LockBusError(
              'timeout',
              `board ${board} did not answer within ${this.#replyTimeoutMs} ms`,
            ),
      );
      await this.#recoverAfterFailure();
    });
  }

  async close(): Promise<void> {
    this.#shutDown(new LockBusError('port_closed', 'the lock bus was closed'));
    await this.#queue.untilIdle();
    for (const stop of this.#stopListening.splice(0)) {
      stop();
    }
    this.#framer.reset();
    await this.#line.close();
  }

  /** Writes a request whose reply is already awaited (a fast board can answer before drain). */
  async #writeWhileWaiting(frame: Uint8Array, reply: Promise<WaitOutcome>): Promise<void> {
    try {
      if (this.#queue.closedError) {
        throw this.#queue.closedError;
      }
      await this.#line.write(frame);
    } catch (error) {
      this.#waiter?.finish(undefined);
      await reply;
      if (error instanceof LockBusError) {
        throw error;
      }
      throw new LockBusError('port_error', `could not write ${toHex(frame)}: ${String(error)}`, {
        cause: error,
      });
    }
  }

  #onBurst(burst: Xor8aBurst): void {
    const waiter = this.#waiter;
    for (const frame of burst.frames) {
      if (waiter && this.#waiter === waiter && waiter.accepts(frame.reply)) {
        waiter.finish(frame);
      } else {
        this.#unsolicitedFrames++;
      }
    }
    // Noise where the answer should be: the board's reply was corrupted on the line.
    if (this.#waiter && this.#waiter === waiter && burst.frames.length === 0) {
      this.#waiter.finish('garbled');
    }
  }

  /** The first reply `accepts` takes, 'garbled' for a burst of noise, undefined on timeout. */
  #awaitReply(accepts: (reply: Xor8aReply) => boolean): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const waiter: ReplyWaiter = {
        accepts,
        finish: (outcome) => {
          if (timer) {
            this.#clock.clearTimeout(timer);
            timer = undefined;
          }
          if (this.#waiter === waiter) {
            this.#waiter = undefined;
          }
          resolve(outcome);
        },
      };
      this.#waiter = waiter;
      timer = this.#clock.setTimeout(() => waiter.finish(undefined), this.#replyTimeoutMs);
    });
  }

  #reportFeedback(lock: LockAddress, level: FeedbackLevel): void {
    const feedback: UnlockFeedback = {
      lock: { board: lock.board, channel: lock.channel },
      level,
      doorOpen: level === this.#feedbackOpenValue,
      at: this.#clock.now(),
    };
    for (const listener of this.#feedbackListeners) {
      listener(feedback);
    }
  }

  /** After a timeout or a bad reply: wait for silence, then drop what was buffered. */
  async #recoverAfterFailure(): Promise<void> {
    await this.#quiet.awaitSilence(this.#recoverySilenceMs, this.#maxSilenceWaitMs);
    this.#framer.reset();
  }

  #shutDown(error: LockBusError): void {
    if (this.#queue.closedError) {
      return;
    }
    this.#queue.shutDown(error);
    this.#waiter?.finish(undefined);
    this.#quiet.interrupt();
    this.#framer.reset();
  }

  #interrupted(): void {
    this.#interruptions++;
    this.#waiter?.finish(undefined);
    this.#quiet.interrupt();
    this.#framer.reset();
  }
}
