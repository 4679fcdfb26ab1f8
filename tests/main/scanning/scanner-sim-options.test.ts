import { describe, expect, it } from 'vitest';
import {
  parseScannerSimArguments,
  unescapeScanText,
} from '../../../tools/sim/scanner-sim-options.js';

describe('scanner simulator options', () => {
  it('has defaults for everything but the device', () => {
    expect(parseScannerSimArguments(['--device', '/tmp/scanner-tty'])).toEqual({
      device: '/tmp/scanner-tty',
      baudRate: 9600,
      suffix: 'cr',
      charDelayMs: 0,
      controlPort: 0,
    });
  });

  it('reads every option', () => {
    expect(
      parseScannerSimArguments([
        '--device',
        '/dev/pts/7',
        '--baud',
        '115200',
        '--suffix',
        'none',
        '--char-delay-ms',
        '15',
        '--control-port',
        '5190',
      ]),
    ).toEqual({
      device: '/dev/pts/7',
      baudRate: 115200,
      suffix: 'none',
      charDelayMs: 15,
      controlPort: 5190,
    });
  });

  it.each([
    [[], /--device/],
    [['--device', 'x', '--suffix', 'semicolon'], /--suffix/],
    [['--device', 'x', '--char-delay-ms', '-1'], /--char-delay-ms/],
    [['--device', 'x', '--colour', 'red'], /colour/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseScannerSimArguments(argv)).toThrow(message);
  });

  it('turns \\xHH into bytes so a person can type GS', () => {
    expect(unescapeScanText(String.raw`]C142022153\x1D9205590164917312751089`)).toBe(
      ']C142022153\u001d9205590164917312751089',
    );
    expect(unescapeScanText(String.raw`a\\x1Db`)).toBe(String.raw`a\x1Db`);
  });

  it('takes \\x7F as the last ASCII byte', () => {
    expect(new TextEncoder().encode(unescapeScanText(String.raw`a\x7Fb`))).toEqual(
      Uint8Array.of(0x61, 0x7f, 0x62),
    );
  });

  // U+0080–U+00FF are two bytes in UTF-8, so the byte typed would not be the byte sent.
  it.each(['\\x80', '\\xE9', '\\xff'])('refuses %s, naming the escape', (escape) => {
    expect(() => unescapeScanText(`]C1${escape}123`)).toThrow(`${escape} is not ASCII`);
  });

  it('leaves an escaped backslash before x80 alone', () => {
    expect(unescapeScanText(String.raw`\\x80`)).toBe(String.raw`\x80`);
  });
});
