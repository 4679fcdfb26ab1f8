import { parseArgs } from 'node:util';

export const simulatedProtocols = ['kerong-cu16'] as const;
export type SimulatedProtocol = (typeof simulatedProtocols)[number];

export interface BoardSimOptions {
  protocol: SimulatedProtocol;
  /** The simulator's end of the pty pair (or a real serial device wired to a kiosk). */
  device: string;
  boards: number;
  /** 0 = any free port. */
  controlPort: number;
  closeAfterMs: number;
  lockBitOpenValue: 0 | 1;
  replyToUnlock: boolean;
}

export const boardSimUsage = `Usage: board-sim --protocol kerong-cu16 --device <path> --boards <n>
  [--control-port <port>]       control API on 127.0.0.1 (default 0: any free port)
  [--close-after-ms <ms>]       an unlocked door swings shut after this long (default 4000)
  [--lock-bit-open-value 0|1]   status bit value meaning "door open" (default 1)
  [--reply-to-unlock]           answer unlocks with a status frame, as some boards do`;

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
      'lock-bit-open-value': { type: 'string', default: '1' },
      'reply-to-unlock': { type: 'boolean', default: false },
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
  const lockBitOpenValue = values['lock-bit-open-value'];
  if (lockBitOpenValue !== '0' && lockBitOpenValue !== '1') {
    throw new Error(`--lock-bit-open-value must be 0 or 1, got ${lockBitOpenValue}`);
  }
  return {
    protocol,
    device: values.device,
    boards: integerOption('--boards', values.boards, 1, 16),
    controlPort: integerOption('--control-port', values['control-port'], 0, 65_535),
    closeAfterMs: integerOption('--close-after-ms', values['close-after-ms'], 0, 3_600_000),
    lockBitOpenValue: lockBitOpenValue === '1' ? 1 : 0,
    replyToUnlock: values['reply-to-unlock'],
  };
}

function isSimulatedProtocol(value: unknown): value is SimulatedProtocol {
  return (simulatedProtocols as readonly unknown[]).includes(value);
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
