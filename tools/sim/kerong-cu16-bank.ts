import {
  command,
  defaultLockBitOpenValue,
  encodeStatusReply,
  locksPerBoard,
  requestFrameLength,
  toHex,
  type LockBitOpenValue,
} from '../../src-main/hardware/kerong-cu16/codec.js';
import { KerongFramer } from '../../src-main/hardware/kerong-cu16/framer.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardProtocolSimulator, ProtocolLog, ReceivedFrame } from './board-protocol.js';
import { SimulatedBank } from './simulated-bank.js';

export interface KerongCu16BankOptions {
  /** KR-CU16 boards addressed 0 … boards − 1 (at most 16 on one bus). */
  boards: number;
  clock: Clock;
  closeAfterMs: number;
  /** Status bit value for an open door, as the kiosk's profile must be set; default 1. */
  lockBitOpenValue?: LockBitOpenValue;
  /** Behave like the boards that answer 0x31/0x33 with a status frame; default false (silent). */
  replyToUnlock?: boolean;
  /** How many received frames GET /log keeps; default 500. */
  logLimit?: number;
}

/**
 * Kerong KR-CU16 boards on one RS-485 bus (hardware.md A), simulated: 16 locks and 16 IR item
 * sensors per board. Answers 0x30 with a 9-byte 0x35 status frame, acts on 0x31 / 0x33, and
 * ignores frames with a bad checksum (a board never acts on a frame that does not check out).
 */
export class KerongCu16Bank implements BoardProtocolSimulator {
  readonly protocol = 'kerong-cu16';
  readonly baudRate = 19200;
  readonly bank: SimulatedBank;
  readonly #clock: Clock;
  readonly #lockBitOpenValue: LockBitOpenValue;
  readonly #replyToUnlock: boolean;
  readonly #logLimit: number;
  readonly #framer = new KerongFramer(requestFrameLength);
  readonly #frames: ReceivedFrame[] = [];
  #validFrames = 0;
  #repliesSent = 0;

  constructor(options: KerongCu16BankOptions) {
    if (options.boards > 16) {
      throw new RangeError(`a KR-CU16 bus addresses at most 16 boards, got ${options.boards}`);
    }
    this.bank = new SimulatedBank({
      boards: options.boards,
      channelsPerBoard: locksPerBoard,
      clock: options.clock,
      closeAfterMs: options.closeAfterMs,
    });
    this.#clock = options.clock;
    this.#lockBitOpenValue = options.lockBitOpenValue ?? defaultLockBitOpenValue;
    this.#replyToUnlock = options.replyToUnlock ?? false;
    this.#logLimit = options.logLimit ?? 500;
  }

  receive(chunk: Uint8Array): Uint8Array[] {
    const replies: Uint8Array[] = [];
    for (const frame of this.#framer.push(chunk)) {
      this.#validFrames++;
      const { action, reply } = this.#handle(frame);
      this.#remember({ at: this.#clock.now(), hex: toHex(frame), action });
      if (reply) {
        replies.push(reply);
      }
    }
    this.#repliesSent += replies.length;
    return replies;
  }

  log(): ProtocolLog {
    return {
      protocol: this.protocol,
      frames: [...this.#frames],
      validFrames: this.#validFrames,
      ignoredFrames: this.#framer.rejectedFrames,
      discardedBytes: this.#framer.discardedBytes,
      repliesSent: this.#repliesSent,
    };
  }

  #handle(frame: Uint8Array): { action: string; reply?: Uint8Array } {
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
        return { action: `unlock:${effect}`, ...this.#unlockReply(board, addressByte) };
      }
      case command.unlockAll:
        this.bank.unlockAll(board);
        return { action: 'unlock_all', ...this.#unlockReply(board, addressByte) };
      default:
        return { action: 'unknown_command' };
    }
  }

  #unlockReply(board: number, addressByte: number): { reply?: Uint8Array } {
    return this.#replyToUnlock ? { reply: this.#statusReply(board, addressByte) } : {};
  }

  #statusReply(board: number, addressByte: number): Uint8Array | undefined {
    const sensors = this.bank.sensors(board);
    if (!sensors) {
      return undefined;
    }
    return encodeStatusReply({ board, ...sensors }, this.#lockBitOpenValue, addressByte);
  }

  #remember(frame: ReceivedFrame): void {
    this.#frames.push(frame);
    if (this.#frames.length > this.#logLimit) {
      this.#frames.splice(0, this.#frames.length - this.#logLimit);
    }
  }
}
