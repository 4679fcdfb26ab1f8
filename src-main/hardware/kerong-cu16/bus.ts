import type { LockAddress } from '../../../src-shared/domain/compartment.js';
import type { Clock, TimerHandle } from '../../../src-shared/time/clock.js';
import { BusQueue } from '../bus-queue.js';
import { encodeOrError, LineQuiet } from '../line-quiet.js';
import { LockBusError, type BoardReading, type LockBus } from '../lock-bus.js';
import { listenToBusLine, type SerialLine } from '../serial-line.js';
import {
  address,
  decodeStatusReply,
  defaultLockBitOpenValue,
  encodeStatusRequest,
  encodeUnlockRequest,
  toHex,
  type KerongStatus,
  type LockBitOpenValue,
} from './codec.js';
import { KerongFramer } from './framer.js';

export interface KerongCu16BusOptions {
  line: SerialLine;
  clock: Clock;
  /** The status bit value meaning "door open" (profile setting); default 1. */
  lockBitOpenValue?: LockBitOpenValue;
  /** Whether the boards have IR item sensors worth reporting; default true. */
  itemSensors?: boolean;
  /** How long to wait for a status reply; default 300 ms (a reply takes ~5 ms at 19200 baud). */
  replyTimeoutMs?: number;
  /**
   * After a timeout or a bad reply: the line must stay quiet this long before input is flushed
   * and the next transaction starts, so a late reply cannot answer the next question. Default 50 ms.
   */
  silenceMs?: number;
  /** Upper bound on that wait when the line never goes quiet (noise); default 1000 ms. */
  maxSilenceWaitMs?: number;
  /**
   * After an unlock pulse the bus stays reserved this long, swallowing the status frame some
   * boards send in answer to 0x31 (its ADDR can equal a status reply's). Default 100 ms.
   */
  unlockSettleMs?: number;
}

interface ReplyWaiter {
  expectedAddress: number;
  resolve(status: KerongStatus): void;
}

/**
 * `LockBus` for Kerong KR-CU16 boards over one serial line (hardware.md A). One transaction at
 * a time; unlocks jump ahead of queued polls; an unlock is never resent (X2: a lost reply is
 * resolved by reading the doors, never by pulsing again).
 */
export class KerongCu16Bus implements LockBus {
  readonly #line: SerialLine;
  readonly #clock: Clock;
  readonly #lockBitOpenValue: LockBitOpenValue;
  readonly #itemSensors: boolean;
  readonly #replyTimeoutMs: number;
  readonly #silenceMs: number;
  readonly #maxSilenceWaitMs: number;
  readonly #unlockSettleMs: number;
  readonly #framer = new KerongFramer();
  readonly #queue = new BusQueue();
  readonly #quiet: LineQuiet;
  readonly #stopListening: (() => void)[] = [];
  #waiter: ReplyWaiter | undefined;
  /** Counts devices lost under a reconnecting line; a transaction that saw one fails. */
  #interruptions = 0;
  /** End the current reply wait or pause early when the bus shuts down, so close() never hangs. */
  #cancelWait: (() => void) | undefined;
  /** Frames that arrived when nobody was waiting for them (late or unsolicited replies). */
  #unsolicitedFrames = 0;

  constructor(options: KerongCu16BusOptions) {
    this.#line = options.line;
    this.#clock = options.clock;
    this.#quiet = new LineQuiet(options.clock, () => this.#queue.closedError !== undefined);
    this.#lockBitOpenValue = options.lockBitOpenValue ?? defaultLockBitOpenValue;
    this.#itemSensors = options.itemSensors ?? true;
    this.#replyTimeoutMs = options.replyTimeoutMs ?? 300;
    this.#silenceMs = options.silenceMs ?? 50;
    this.#maxSilenceWaitMs = options.maxSilenceWaitMs ?? 1000;
    this.#unlockSettleMs = options.unlockSettleMs ?? 100;
    this.#stopListening.push(
      ...listenToBusLine(this.#line, {
        data: (chunk) => this.#receive(chunk),
        closed: (error) => this.#shutDown(error),
        interrupted: () => this.#interrupted(),
      }),
    );
  }

  /** Counters from the framer: bad-checksum candidates and skipped bytes. */
  get lineStatistics(): {
    rejectedFrames: number;
    discardedBytes: number;
    unsolicitedFrames: number;
  } {
    return {
      rejectedFrames: this.#framer.rejectedFrames,
      discardedBytes: this.#framer.discardedBytes,
      unsolicitedFrames: this.#unsolicitedFrames,
    };
  }

  /** Rejects with RangeError for an address KR-CU16 cannot carry (board 0–15, lock 1–16). */
  unlock(lock: LockAddress): Promise<void> {
    const frame = encodeOrError(() => encodeUnlockRequest(lock));
    if (frame instanceof Error) {
      return Promise.reject(frame);
    }
    return this.#queue.enqueue<void>('unlock', async (answer) => {
      await this.#write(frame);
      answer.resolve();
      // Fire-and-forget: whatever the board says now is swallowed, then the bus is free.
      await this.#quiet.pause(this.#unlockSettleMs);
      this.#discardInput();
    });
  }

  /** Rejects with RangeError for a board address outside 0–15. */
  readBoard(board: number): Promise<BoardReading> {
    const frame = encodeOrError(() => encodeStatusRequest(board));
    if (frame instanceof Error) {
      return Promise.reject(frame);
    }
    const expectedAddress = address(board);
    return this.#queue.enqueue<BoardReading>('poll', async (answer) => {
      const rejectedBefore = this.#framer.rejectedFrames;
      const interruptionsBefore = this.#interruptions;
      this.#discardInput();
      // Listen before writing: a fast board can answer before the write reports drained.
      const reply = this.#awaitReply(expectedAddress);
      try {
        await this.#write(frame);
      } catch (error) {
        this.#cancelWait?.();
        await reply;
        throw error;
      }
      const status = await reply;
      if (this.#queue.closedError) {
        throw this.#queue.closedError;
      }
      if (this.#interruptions !== interruptionsBefore) {
        throw new LockBusError(
          'port_closed',
          `the serial device went away while board ${board} was asked`,
        );
      }
      if (status) {
        answer.resolve({
          board,
          doorsOpen: status.doorsOpen,
          itemsPresent: this.#itemSensors ? status.itemsPresent : undefined,
        });
        return;
      }
      // The caller hears at once; the bus stays reserved until the line is quiet again.
      const garbled = this.#framer.rejectedFrames > rejectedBefore;
      answer.reject(
        garbled
          ? new LockBusError(
              'bad_reply',
              `board ${board} answered ${toHex(frame)} with a corrupt frame`,
            )
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
    await this.#line.close();
  }

  async #write(frame: Uint8Array): Promise<void> {
    if (this.#queue.closedError) {
      throw this.#queue.closedError;
    }
    try {
      await this.#line.write(frame);
    } catch (error) {
      if (error instanceof LockBusError) {
        // A reconnecting line with its device away already says so: port_closed.
        throw error;
      }
      throw new LockBusError('port_error', `could not write ${toHex(frame)}: ${String(error)}`, {
        cause: error,
      });
    }
  }

  #receive(chunk: Uint8Array): void {
    this.#quiet.heard();
    for (const frame of this.#framer.push(chunk)) {
      const status = decodeStatusReply(frame, this.#lockBitOpenValue);
      if (status && this.#waiter && frame[1] === this.#waiter.expectedAddress) {
        const waiter = this.#waiter;
        this.#waiter = undefined;
        waiter.resolve(status);
      } else {
        this.#unsolicitedFrames++;
      }
    }
  }

  /** The status reply from `expectedAddress`, or undefined after the reply timeout. */
  #awaitReply(expectedAddress: number): Promise<KerongStatus | undefined> {
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const finish = (status: KerongStatus | undefined): void => {
        if (timer) {
          this.#clock.clearTimeout(timer);
          timer = undefined;
        }
        this.#waiter = undefined;
        this.#cancelWait = undefined;
        resolve(status);
      };
      this.#waiter = { expectedAddress, resolve: finish };
      this.#cancelWait = () => finish(undefined);
      timer = this.#clock.setTimeout(() => finish(undefined), this.#replyTimeoutMs);
    });
  }

  /** After a timeout or a bad reply: wait for silence, then drop what was buffered. */
  async #recoverAfterFailure(): Promise<void> {
    await this.#quiet.awaitSilence(this.#silenceMs, this.#maxSilenceWaitMs);
    this.#framer.reset();
  }

  #discardInput(): void {
    this.#framer.reset();
  }

  #shutDown(error: LockBusError): void {
    if (this.#queue.closedError) {
      return;
    }
    this.#queue.shutDown(error);
    this.#cancelWait?.();
    this.#quiet.interrupt();
  }

  /** The device went away under a reconnecting line: end the wait now and drop partial input. */
  #interrupted(): void {
    this.#interruptions++;
    this.#cancelWait?.();
    this.#quiet.interrupt();
    this.#framer.reset();
  }
}
