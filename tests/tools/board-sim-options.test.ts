import { describe, expect, it } from 'vitest';
import { parseBoardSimArguments } from '../../tools/sim/board-sim-options.js';

describe('board-sim command line', () => {
  it('reads the documented options with their defaults', () => {
    expect(
      parseBoardSimArguments(['--protocol', 'kerong-cu16', '--device', '/tmp/b', '--boards', '2']),
    ).toEqual({
      protocol: 'kerong-cu16',
      device: '/tmp/b',
      boards: 2,
      controlPort: 0,
      closeAfterMs: 4000,
      lockBitOpenValue: 1,
      replyToUnlock: false,
    });
    expect(
      parseBoardSimArguments([
        '--protocol=kerong-cu16',
        '--device=/tmp/b',
        '--boards=16',
        '--control-port=5999',
        '--close-after-ms=300',
        '--lock-bit-open-value=0',
        '--reply-to-unlock',
      ]),
    ).toMatchObject({
      boards: 16,
      controlPort: 5999,
      closeAfterMs: 300,
      lockBitOpenValue: 0,
      replyToUnlock: true,
    });
  });

  it.each([
    [['--device', '/tmp/b', '--boards', '2'], /--protocol/],
    [['--protocol', 'modbus', '--device', '/tmp/b', '--boards', '2'], /--protocol/],
    [['--protocol', 'kerong-cu16', '--boards', '2'], /--device/],
    [['--protocol', 'kerong-cu16', '--device', '/tmp/b', '--boards', '17'], /--boards/],
    [['--protocol', 'kerong-cu16', '--device', '/tmp/b'], /--boards/],
    [
      [
        '--protocol',
        'kerong-cu16',
        '--device',
        '/tmp/b',
        '--boards',
        '1',
        '--lock-bit-open-value',
        '2',
      ],
      /polarity|--lock-bit-open-value/,
    ],
    [
      [
        '--protocol',
        'kerong-cu16',
        '--device',
        '/tmp/b',
        '--boards',
        '1',
        '--close-after-ms',
        'soon',
      ],
      /--close-after-ms/,
    ],
    [['--protocol', 'kerong-cu16', '--device', '/tmp/b', '--boards', '1', '--colour'], /colour/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBoardSimArguments(argv)).toThrow(message);
  });
});
