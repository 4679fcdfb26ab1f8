import { z } from 'zod';
import {
  decodeRequest,
  defaultFeedbackOpenValue,
  encodeQueryReply,
  encodeUnlockReply,
  maxBoard,
  maxChannel,
  minBoard,
  openLevel,
  type FeedbackLevel,
} from '../../src-main/hardware/xor-8a/codec.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardProtocolSimulator, BoardReply, ProtocolLog } from './board-protocol.js';
import { parseControlInput } from './control-input.js';
import { FrameLog } from './frame-log.js';
import { SimulatedBank } from './simulated-bank.js';
import { Xor8aRequestFramer } from './xor-8a-request-framer.js';

export const defaultXor8aChannels = 24;
/** hardware.md B: the unlock reply comes about 500 ms after the request (the pulse). */
export const defaultUnlockReplyDelayMs = 500;

export interface Xor8aBankOptions {
  /** Boards addressed 1 … boards, as their DIP switches would be set (at most 31). */
  boards: number;
  /** Channels per board (real boards have 8–50); default 24, i.e. 3 status bytes. */
  channelsPerBoard?: number;
  clock: Clock;
  closeAfterMs: number;
  /** The feedback level meaning "door open", as the kiosk's profile must be set; default 0x11. */
  feedbackOpenValue?: FeedbackLevel;
  unlockReplyDelayMs?: number;
  /** How many received frames GET /log keeps; default 500. */
  logLimit?: number;
}

export interface Xor8aSettings {
  unlockReplyDelayMs: number;
  feedbackOpenValue: FeedbackLevel;
  channelsPerBoard: number;
}

const settingsPatchSchema = z.strictObject({
  unlockReplyDelayMs: z.int().min(0).max(600_000).optional(),
});

/**
 * Generic RS-485 "0x8A/0x80" lock boards on one bus (hardware.md B), simulated. `8A BB CC 11 XX`
 * pulses a lock and, `unlockReplyDelayMs` later, the board answers `8A BB CC SS XX` with the
 * channel's feedback as read then; `80 BB 00 33 XX` is answered at once with every channel's
 * level, highest group first. The boards have no item sensors. Frames with a bad XOR, and
 * requests for an address or channel the bus does not have, get no answer.
 */
export class Xor8aBank implements BoardProtocolSimulator {
  readonly protocol = 'xor-8a';
  readonly baudRate = 9600;
  readonly hasItemSensors = false;
  readonly bank: SimulatedBank;
  readonly #feedbackOpenValue: FeedbackLevel;
  #unlockReplyDelayMs: number;
  readonly #framer = new Xor8aRequestFramer();
  readonly #log: FrameLog;

  constructor(options: Xor8aBankOptions) {
    const channels = options.channelsPerBoard ?? defaultXor8aChannels;
    if (!Number.isInteger(options.boards) || options.boards < 1 || options.boards > maxBoard) {
      throw new RangeError(`an 0x8A bus addresses 1–${maxBoard} boards, got ${options.boards}`);
    }
    if (!Number.isInteger(channels) || channels < 1 || channels > maxChannel) {
      throw new RangeError(`an 0x8A board has 1–${maxChannel} channels, got ${channels}`);
    }
    this.bank = new SimulatedBank({
      boards: options.boards,
      firstBoard: minBoard,
      channelsPerBoard: channels,
      clock: options.clock,
      closeAfterMs: options.closeAfterMs,
    });
    this.#feedbackOpenValue = options.feedbackOpenValue ?? defaultFeedbackOpenValue;
    this.#unlockReplyDelayMs = options.unlockReplyDelayMs ?? defaultUnlockReplyDelayMs;
    this.#log = new FrameLog({
      protocol: this.protocol,
      clock: options.clock,
      framer: this.#framer,
      ...(options.logLimit === undefined ? {} : { limit: options.logLimit }),
    });
  }

  receive(chunk: Uint8Array): BoardReply[] {
    return this.#log.answer(this.#framer.push(chunk), (frame) => this.#handle(frame));
  }

  log(): ProtocolLog {
    return this.#log.snapshot();
  }

  settings(): Xor8aSettings {
    return {
      unlockReplyDelayMs: this.#unlockReplyDelayMs,
      feedbackOpenValue: this.#feedbackOpenValue,
      channelsPerBoard: this.bank.channelsPerBoard,
    };
  }

  changeSettings(patch: unknown): Xor8aSettings {
    const changes = parseControlInput(settingsPatchSchema, patch);
    this.#unlockReplyDelayMs = changes.unlockReplyDelayMs ?? this.#unlockReplyDelayMs;
    return this.settings();
  }

  #handle(frame: Uint8Array): { action: string; reply?: BoardReply } {
    const request = decodeRequest(frame);
    if (!request) {
      // The XOR checks out but the fixed bytes do not: no command this board knows.
      return { action: 'unknown_command' };
    }
    const { board } = request;
    if (!this.bank.hasBoard(board)) {
      return { action: 'no_such_board' };
    }
    if (request.kind === 'query') {
      return { action: 'query', reply: this.#queryReply(board) };
    }
    const { channel } = request;
    if (!this.bank.hasLock(board, channel)) {
      // Nothing is wired there; what a real board answers is unknown, so say nothing.
      return { action: 'no_such_channel' };
    }
    const effect = this.bank.unlock(board, channel);
    return {
      action: `unlock:${effect}`,
      reply: {
        delayMs: this.#unlockReplyDelayMs,
        // The board reads the channel's feedback after the pulse, when it answers.
        encode: () => encodeUnlockReply({ board, channel }, this.#feedbackLevel(board, channel)),
      },
    };
  }

  #queryReply(board: number): BoardReply {
    const open = openLevel(this.#feedbackOpenValue);
    const levels = (this.bank.sensors(board)?.doorsOpen ?? []).map((doorOpen) =>
      doorOpen ? open : !open,
    );
    const frame = encodeQueryReply(board, levels);
    return { delayMs: 0, encode: () => frame };
  }

  #feedbackLevel(board: number, channel: number): FeedbackLevel {
    const doorOpen = this.bank.sensors(board)?.doorsOpen[channel - 1] ?? false;
    if (doorOpen) {
      return this.#feedbackOpenValue;
    }
    return this.#feedbackOpenValue === 0x11 ? 0x00 : 0x11;
  }
}
