import { z } from 'zod';
import {
  command,
  defaultLockBitOpenValue,
  encodeStatusReply,
  locksPerBoard,
  maxBoard,
  requestFrameLength,
  type LockBitOpenValue,
} from '../../src-main/hardware/kerong-cu16/codec.js';
import { KerongFramer } from '../../src-main/hardware/kerong-cu16/framer.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardProtocolSimulator, BoardReply, ProtocolLog } from './board-protocol.js';
import { parseControlInput } from './control-input.js';
import { FrameLog } from './frame-log.js';
import { SimulatedBank } from './simulated-bank.js';

/** Sources disagree on whether a board answers 0x31/0x33 (hardware.md A): both exist. */
export const kerongUnlockReplies = ['silent', 'replying'] as const;
export type KerongUnlockReply = (typeof kerongUnlockReplies)[number];

export interface KerongCu16BankOptions {
  /** KR-CU16 boards addressed 0 … boards − 1 (at most 16 on one bus). */
  boards: number;
  clock: Clock;
  closeAfterMs: number;
  /** Status bit value for an open door, as the kiosk's profile must be set; default 1. */
  lockBitOpenValue?: LockBitOpenValue;
  /** `replying`: answer 0x31/0x33 with a 0x35 status frame; default `silent`. */
  unlockReply?: KerongUnlockReply;
  /** How many received frames GET /log keeps; default 500. */
  logLimit?: number;
}

export interface KerongCu16Settings {
  unlockReply: KerongUnlockReply;
  lockBitOpenValue: LockBitOpenValue;
}

const settingsPatchSchema = z.strictObject({
  unlockReply: z.enum(kerongUnlockReplies).optional(),
});

/**
 * Kerong KR-CU16 boards on one RS-485 bus (hardware.md A), simulated: 16 locks and 16 IR item
 * sensors per board. Answers 0x30 with a 9-byte 0x35 status frame, acts on 0x31 / 0x33, and
 * ignores frames with a bad checksum (a board never acts on a frame that does not check out).
 */
export class KerongCu16Bank implements BoardProtocolSimulator {
  readonly protocol = 'kerong-cu16';
  readonly baudRate = 19200;
  readonly hasItemSensors = true;
  readonly bank: SimulatedBank;
  readonly #lockBitOpenValue: LockBitOpenValue;
  #unlockReply: KerongUnlockReply;
  readonly #framer = new KerongFramer(requestFrameLength);
  readonly #log: FrameLog;

  constructor(options: KerongCu16BankOptions) {
    if (options.boards > maxBoard + 1) {
      throw new RangeError(
        `a KR-CU16 bus addresses at most ${maxBoard + 1} boards, got ${options.boards}`,
      );
    }
    this.bank = new SimulatedBank({
      boards: options.boards,
      channelsPerBoard: locksPerBoard,
      clock: options.clock,
      closeAfterMs: options.closeAfterMs,
    });
    this.#lockBitOpenValue = options.lockBitOpenValue ?? defaultLockBitOpenValue;
    this.#unlockReply = options.unlockReply ?? 'silent';
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

  settings(): KerongCu16Settings {
    return { unlockReply: this.#unlockReply, lockBitOpenValue: this.#lockBitOpenValue };
  }

  changeSettings(patch: unknown): KerongCu16Settings {
    const changes = parseControlInput(settingsPatchSchema, patch);
    this.#unlockReply = changes.unlockReply ?? this.#unlockReply;
    return this.settings();
  }

  #handle(frame: Uint8Array): { action: string; reply?: BoardReply } {
    const addressByte = frame[1] ?? 0;
    const board = addressByte >> 4;
    const channel = (addressByte & 0x0f) + 1;
    if (!this.bank.hasBoard(board)) {
      // No board at that address: the bus stays silent, as a real one would.
      return { action: 'no_such_board' };
    }
    switch (frame[2]) {
      case command.status:
        return { action: 'status', reply: this.#statusReply(board, addressByte) };
      case command.unlock: {
        const effect = this.bank.unlock(board, channel);
        return { action: `unlock:${effect}`, ...this.#replyToUnlock(board, addressByte) };
      }
      case command.unlockAll:
        this.bank.unlockAll(board);
        return { action: 'unlock_all', ...this.#replyToUnlock(board, addressByte) };
      default:
        return { action: 'unknown_command' };
    }
  }

  #replyToUnlock(board: number, addressByte: number): { reply?: BoardReply } {
    return this.#unlockReply === 'replying' ? { reply: this.#statusReply(board, addressByte) } : {};
  }

  #statusReply(board: number, addressByte: number): BoardReply {
    // Read when the request comes, as the board answers at once: a slowReply fault then
    // delivers this reading late, as a late reply on a real line would.
    const sensors = this.bank.sensors(board) ?? { doorsOpen: [], itemsPresent: [] };
    const frame = encodeStatusReply({ board, ...sensors }, this.#lockBitOpenValue, addressByte);
    return { delayMs: 0, encode: () => frame };
  }
}
