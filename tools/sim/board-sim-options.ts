import { parseArgs } from 'node:util';
import type { LockBitOpenValue } from '../../src-main/hardware/kerong-cu16/codec.js';
import { maxBoard as maxKerongBoard } from '../../src-main/hardware/kerong-cu16/codec.js';
import type { FeedbackLevel } from '../../src-main/hardware/xor-8a/codec.js';
import { maxBoard as maxXor8aBoard, maxChannel } from '../../src-main/hardware/xor-8a/codec.js';
import { kerongUnlockReplies, type KerongUnlockReply } from './kerong-cu16-bank.js';
import { defaultUnlockReplyDelayMs, defaultXor8aChannels } from './xor-8a-bank.js';

export const simulatedProtocols = ['kerong-cu16', 'xor-8a'] as const;
export type SimulatedProtocol = (typeof simulatedProtocols)[number];

interface CommonBoardSimOptions {
  /** The simulator's end of the pty pair (or a real serial device wired to a kiosk). */
  device: string;
  boards: number;
  /** 0 = any free port. */
  controlPort: number;
  closeAfterMs: number;
}

export interface KerongCu16SimOptions extends CommonBoardSimOptions {
  protocol: 'kerong-cu16';
  lockBitOpenValue: LockBitOpenValue;
  unlockReply: KerongUnlockReply;
}

export interface Xor8aSimOptions extends CommonBoardSimOptions {
  protocol: 'xor-8a';
  channels: number;
  feedbackOpenValue: FeedbackLevel;
  unlockReplyDelayMs: number;
}

export type BoardSimOptions = KerongCu16SimOptions | Xor8aSimOptions;

export const boardSimUsage = `Usage: board-sim --protocol kerong-cu16|xor-8a --device <path> --boards <n>
  [--control-port <port>]        control API on 127.0.0.1 (default 0: any free port)
  [--close-after-ms <ms>]        an unlocked door swings shut after this long (default 4000)
 kerong-cu16 (19200 baud, boards 0 … n-1, n ≤ 16, 16 locks each):
  [--lock-bit-open-value 0|1]    status bit value meaning "door open" (default 1)
  [--unlock-reply silent|replying]  answer 0x31/0x33 with a 0x35 status frame? (default silent)
  [--reply-to-unlock]            same as --unlock-reply replying
 xor-8a (9600 baud, boards 1 … n, n ≤ 31):
  [--channels <n>]               channels per board, 1–64 (default 24: 3 status bytes)
  [--feedback-open-value 0x11|0x00]  feedback level meaning "door open" (default 0x11)
  [--unlock-reply-delay-ms <ms>] the unlock reply follows the request this late (default 500)`;

const kerongOnly = ['lock-bit-open-value', 'unlock-reply', 'reply-to-unlock'] as const;
const xor8aOnly = ['channels', 'feedback-open-value', 'unlock-reply-delay-ms'] as const;

/** Parses the command line; throws an Error whose message says what is wrong. */
export function parseBoardSimArguments(argv: readonly string[]): BoardSimOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      protocol: { type: 'string' },
      device: { type: 'string' },
      boards: { type: 'string' },
      'control-port': { type: 'string', default: '0' },
      'close-after-ms': { type: 'string', default: '4000' },
      'lock-bit-open-value': { type: 'string' },
      'unlock-reply': { type: 'string' },
      'reply-to-unlock': { type: 'boolean' },
      channels: { type: 'string' },
      'feedback-open-value': { type: 'string' },
      'unlock-reply-delay-ms': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const protocol = values.protocol;
  if (!isSimulatedProtocol(protocol)) {
    throw new Error(
      `--protocol must be one of ${simulatedProtocols.join(', ')}, got ${String(protocol)}`,
    );
  }
  if (!values.device) {
    throw new Error('--device <path> is required');
  }
  const foreign = protocol === 'kerong-cu16' ? xor8aOnly : kerongOnly;
  const misplaced = foreign.find((name) => values[name] !== undefined);
  if (misplaced) {
    throw new Error(`--${misplaced} does not apply to --protocol ${protocol}`);
  }
  const common: CommonBoardSimOptions = {
    device: values.device,
    boards: integerOption(
      '--boards',
      values.boards,
      1,
      protocol === 'kerong-cu16' ? maxKerongBoard + 1 : maxXor8aBoard,
    ),
    controlPort: integerOption('--control-port', values['control-port'], 0, 65_535),
    closeAfterMs: integerOption('--close-after-ms', values['close-after-ms'], 0, 3_600_000),
  };
  if (protocol === 'kerong-cu16') {
    return {
      protocol,
      ...common,
      lockBitOpenValue: lockBitOpenValueOption(values['lock-bit-open-value']),
      unlockReply: unlockReplyOption(values['unlock-reply'], values['reply-to-unlock']),
    };
  }
  return {
    protocol,
    ...common,
    channels: integerOption(
      '--channels',
      values.channels ?? String(defaultXor8aChannels),
      1,
      maxChannel,
    ),
    feedbackOpenValue: feedbackOpenValueOption(values['feedback-open-value']),
    unlockReplyDelayMs: integerOption(
      '--unlock-reply-delay-ms',
      values['unlock-reply-delay-ms'] ?? String(defaultUnlockReplyDelayMs),
      0,
      600_000,
    ),
  };
}

function isSimulatedProtocol(value: unknown): value is SimulatedProtocol {
  return (simulatedProtocols as readonly unknown[]).includes(value);
}

function lockBitOpenValueOption(text = '1'): LockBitOpenValue {
  if (text !== '0' && text !== '1') {
    throw new Error(`--lock-bit-open-value must be 0 or 1, got ${text}`);
  }
  return text === '1' ? 1 : 0;
}

function unlockReplyOption(text: string | undefined, replyToUnlock = false): KerongUnlockReply {
  const mode = text ?? (replyToUnlock ? 'replying' : 'silent');
  if (!isKerongUnlockReply(mode)) {
    throw new Error(`--unlock-reply must be ${kerongUnlockReplies.join(' or ')}, got ${mode}`);
  }
  if (replyToUnlock && mode !== 'replying') {
    throw new Error('--reply-to-unlock contradicts --unlock-reply silent');
  }
  return mode;
}

function isKerongUnlockReply(value: string): value is KerongUnlockReply {
  return (kerongUnlockReplies as readonly string[]).includes(value);
}

/** 0x11 / 17 or 0x00 / 0: the two levels the board reports (Number() reads the 0x form). */
function feedbackOpenValueOption(text = '0x11'): FeedbackLevel {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (value !== 0x11 && value !== 0x00) {
    throw new Error(`--feedback-open-value must be 0x11 or 0x00, got ${text}`);
  }
  return value;
}

function integerOption(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (
    text === undefined ||
    text.trim() === '' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${String(text)}`);
  }
  return value;
}
