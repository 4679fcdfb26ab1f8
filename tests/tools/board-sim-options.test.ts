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
      unlockReply: 'silent',
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
      unlockReply: 'replying',
    });
  });

  it('reads the xor-8a options with their defaults: 24 channels, 0x11 = open, 500 ms', () => {
    expect(
      parseBoardSimArguments(['--protocol', 'xor-8a', '--device', '/tmp/b', '--boards', '2']),
    ).toEqual({
      protocol: 'xor-8a',
      device: '/tmp/b',
      boards: 2,
      controlPort: 0,
      closeAfterMs: 4000,
      channels: 24,
      feedbackOpenValue: 0x11,
      unlockReplyDelayMs: 500,
    });
    expect(
      parseBoardSimArguments([
        '--protocol=xor-8a',
        '--device=/tmp/b',
        '--boards=31',
        '--channels=50',
        '--feedback-open-value=0x00',
        '--unlock-reply-delay-ms=120',
      ]),
    ).toMatchObject({ boards: 31, channels: 50, feedbackOpenValue: 0, unlockReplyDelayMs: 120 });
    expect(
      parseBoardSimArguments(
        ['--protocol', 'xor-8a', '--device', '/b', '--boards', '1'].concat([
          '--feedback-open-value',
          '17',
        ]),
      ),
    ).toMatchObject({ feedbackOpenValue: 0x11 });
  });

  it('reads --unlock-reply for kerong-cu16', () => {
    const base = ['--protocol', 'kerong-cu16', '--device', '/tmp/b', '--boards', '1'];
    expect(parseBoardSimArguments([...base, '--unlock-reply', 'replying'])).toMatchObject({
      unlockReply: 'replying',
    });
    expect(parseBoardSimArguments([...base, '--unlock-reply', 'silent'])).toMatchObject({
      unlockReply: 'silent',
    });
  });

  it.each([
    [['--device', '/tmp/b', '--boards', '2'], /--protocol/],
    [['--protocol', 'xor-8a', '--device', '/b', '--boards', '32'], /--boards .* 1 to 31/],
    [['--protocol', 'xor-8a', '--device', '/b', '--boards', '0'], /--boards/],
    [['--protocol', 'xor-8a', '--device', '/b', '--boards', '1', '--channels', '65'], /--channels/],
    [
      ['--protocol', 'xor-8a', '--device', '/b', '--boards', '1', '--feedback-open-value', '11'],
      /--feedback-open-value must be 0x11 or 0x00/,
    ],
    [
      ['--protocol', 'xor-8a', '--device', '/b', '--boards', '1', '--unlock-reply', 'replying'],
      /--unlock-reply does not apply to --protocol xor-8a/,
    ],
    [
      ['--protocol', 'xor-8a', '--device', '/b', '--boards', '1', '--lock-bit-open-value', '0'],
      /--lock-bit-open-value does not apply/,
    ],
    [
      ['--protocol', 'kerong-cu16', '--device', '/b', '--boards', '1', '--channels', '8'],
      /--channels does not apply to --protocol kerong-cu16/,
    ],
    [
      ['--protocol', 'kerong-cu16', '--device', '/b', '--boards', '1', '--unlock-reply', 'maybe'],
      /--unlock-reply must be silent or replying/,
    ],
    [
      [
        '--protocol',
        'kerong-cu16',
        '--device',
        '/b',
        '--boards',
        '1',
        '--unlock-reply',
        'silent',
        '--reply-to-unlock',
      ],
      /contradicts/,
    ],
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
