import { parseArgs } from 'node:util';

/** What the simulated scanner sends after each code, as scanners can be set up to. */
export const scanSuffixes = { cr: '\r', lf: '\n', crlf: '\r\n', tab: '\t', none: '' } as const;
export type ScanSuffix = keyof typeof scanSuffixes;

export interface ScannerSimOptions {
  /** The simulator's end of the pty pair (or a real serial device wired to a kiosk). */
  device: string;
  baudRate: number;
  suffix: ScanSuffix;
  /** 0 = the whole scan in one write; more = one byte at a time, like a slow scanner. */
  charDelayMs: number;
  /** 0 = any free port. */
  controlPort: number;
}

export const scannerSimUsage = `Usage: scanner-sim --device <path>
  [--baud <rate>]             serial speed (default 9600; a pty ignores it)
  [--suffix cr|lf|crlf|tab|none]  sent after each code (default cr)
  [--char-delay-ms <ms>]      pause between bytes (default 0: one write per scan)
  [--control-port <port>]     control API on 127.0.0.1 (default 0: any free port)
Each line on stdin is scanned too; write \\xHH for an ASCII byte such as a control byte
(\\x1D is GS), \\\\ for a backslash. ASCII only (\\x00 to \\x7F): the scan is sent as UTF-8,
so \\x80 to \\xFF would become two bytes and are refused.`;

/** Parses the command line; throws an Error whose message says what is wrong. */
export function parseScannerSimArguments(argv: readonly string[]): ScannerSimOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      device: { type: 'string' },
      baud: { type: 'string', default: '9600' },
      suffix: { type: 'string', default: 'cr' },
      'char-delay-ms': { type: 'string', default: '0' },
      'control-port': { type: 'string', default: '0' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.device) {
    throw new Error('--device <path> is required');
  }
  const suffix = values.suffix;
  if (!isScanSuffix(suffix)) {
    throw new Error(
      `--suffix must be one of ${Object.keys(scanSuffixes).join(', ')}, got ${suffix}`,
    );
  }
  return {
    device: values.device,
    baudRate: integerOption('--baud', values.baud, 300, 4_000_000),
    suffix,
    charDelayMs: integerOption('--char-delay-ms', values['char-delay-ms'], 0, 1000),
    controlPort: integerOption('--control-port', values['control-port'], 0, 65_535),
  };
}

export function isScanSuffix(value: unknown): value is ScanSuffix {
  return typeof value === 'string' && Object.hasOwn(scanSuffixes, value);
}

/**
 * A typed line as the scan's text: `\xHH` is that ASCII character (`\x1D` is GS), `\\` a
 * backslash, so a person at a terminal can scan GS1 codes and control characters. Only ASCII
 * (`\x00`–`\x7F`): the scan is written as UTF-8, where U+0080–U+00FF take two bytes, so
 * `\x80`–`\xFF` would not send the byte typed; they throw an Error naming the escape.
 */
export function unescapeScanText(line: string): string {
  return line.replace(/\\(x[0-9A-Fa-f]{2}|\\)/g, (escape, code: string) => {
    if (code === '\\') {
      return '\\';
    }
    const value = Number.parseInt(code.slice(1), 16);
    if (value > 0x7f) {
      throw new Error(
        `${escape} is not ASCII: only \\x00 to \\x7F can be typed (the scan is sent as UTF-8, ` +
          `where ${escape} would become two bytes)`,
      );
    }
    return String.fromCharCode(value);
  });
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
