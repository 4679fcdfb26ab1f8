import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src-main/hardware/hex.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { InvalidControlInput, type BoardReply } from '../../tools/sim/board-protocol.js';
import { Xor8aBank, type Xor8aBankOptions } from '../../tools/sim/xor-8a-bank.js';

function setup(options: Partial<Omit<Xor8aBankOptions, 'clock'>> = {}) {
  const clock = new ManualClock();
  const sim = new Xor8aBank({ boards: 2, clock, closeAfterMs: 4000, ...options });
  /** The replies to `hex`, each as [delay, bytes built now]. */
  const send = (hex: string) =>
    sim.receive(fromHex(hex)).map((reply) => [reply.delayMs, toHex(reply.encode())] as const);
  const door = (board: number, channel: number) =>
    sim.bank.snapshot().find((candidate) => candidate.board === board)?.locks[channel - 1]?.door;
  return { clock, sim, send, door };
}

describe('simulated 0x8A/0x80 boards: the known-good vectors of hardware.md B', () => {
  it('answers the query of board 2 (80 02 00 33 B1) with three status bytes for 24 channels', () => {
    const { send } = setup();
    expect(send('80 02 00 33 B1')).toEqual([[0, '80 02 00 00 00 33 B1']]);
  });

  it('answers the query of board 1 (80 01 00 33 B2): boards are addressed from 1', () => {
    const { send } = setup();
    expect(send('80 01 00 33 B2')).toEqual([[0, '80 01 00 00 00 33 B2']]);
  });

  it('opens board 2 channel 1 on 8A 02 01 11 98 and answers 8A 02 01 11 98 500 ms later', async () => {
    const { clock, sim, send, door } = setup();
    const replies = sim.receive(fromHex('8A 02 01 11 98'));
    expect(door(2, 1)).toBe('open');
    expect(replies.map((reply) => reply.delayMs)).toEqual([500]);
    await clock.advance(500);
    expect(replies.map((reply) => toHex(reply.encode()))).toEqual(['8A 02 01 11 98']);
    // Channel 1 is bit 0 of the last status byte.
    expect(send('80 02 00 33 B1')).toEqual([[0, '80 02 00 00 01 33 B0']]);
    await clock.advance(3500);
    expect(door(2, 1)).toBe('closed');
  });
});

describe('simulated 0x8A/0x80 boards', () => {
  it('puts the highest channel group first in a query reply', () => {
    const { sim, send } = setup();
    sim.bank.openByHand(1, 17);
    expect(send('80 01 00 33 B2')).toEqual([[0, '80 01 01 00 00 33 B3']]);
    sim.bank.closeByHand(1, 17);
    sim.bank.openByHand(1, 24);
    expect(send('80 01 00 33 B2')).toEqual([[0, '80 01 80 00 00 33 32']]);
  });

  it('sends one status byte per started group of 8 channels', () => {
    expect(setup({ channelsPerBoard: 8 }).send('80 01 00 33 B2')).toEqual([[0, '80 01 00 33 B2']]);
    const [[, reply] = []] = setup({ channelsPerBoard: 50 }).send('80 01 00 33 B2');
    expect(reply).toBe('80 01 00 00 00 00 00 00 00 33 B2');
  });

  it('uses the configured feedback level (0x00 = open) in unlock and query replies', () => {
    const { send } = setup({ feedbackOpenValue: 0x00 });
    expect(send('80 01 00 33 B2')).toEqual([[0, '80 01 FF FF FF 33 4D']]);
    expect(send('8A 01 01 11 9B')).toEqual([[500, '8A 01 01 00 8A']]);
    expect(send('80 01 00 33 B2')).toEqual([[0, '80 01 FF FF FE 33 4C']]);
  });

  it('reads the feedback when the reply leaves, as the board does after its pulse', async () => {
    const { clock, sim } = setup();
    const [reply] = sim.receive(fromHex('8A 02 01 11 98')) as [BoardReply];
    await clock.advance(200);
    sim.bank.closeByHand(2, 1);
    await clock.advance(300);
    expect(toHex(reply.encode())).toBe('8A 02 01 00 89');
  });

  it('answers an unlock of a door already open with the open level', () => {
    const { sim, send } = setup();
    sim.bank.openByHand(2, 1);
    expect(send('8A 02 01 11 98')).toEqual([[500, '8A 02 01 11 98']]);
    expect(sim.log().frames.at(-1)?.action).toBe('unlock:already_open');
  });

  it('stays silent for a board address it does not have (0 and 3 on a 2-board bus)', () => {
    const { sim, send } = setup();
    expect(send('80 00 00 33 B3')).toEqual([]);
    expect(send('80 03 00 33 B0')).toEqual([]);
    expect(send('8A 03 01 11 99')).toEqual([]);
    expect(sim.log().frames.map((frame) => frame.action)).toEqual([
      'no_such_board',
      'no_such_board',
      'no_such_board',
    ]);
  });

  it('stays silent for a channel the board does not have, and does not open anything', () => {
    const { sim, send } = setup();
    expect(send('8A 01 19 11 83')).toEqual([]);
    expect(send('8A 01 00 11 9A')).toEqual([]);
    expect(sim.log().frames.map((frame) => frame.action)).toEqual([
      'no_such_channel',
      'no_such_channel',
    ]);
    expect(send('8A 01 18 11 82')).toEqual([[500, '8A 01 18 11 82']]);
  });

  it('ignores frames with a bad XOR and counts them', () => {
    const { sim, send, door } = setup();
    expect(send('80 02 00 33 B0')).toEqual([]);
    expect(send('8A 02 01 11 99')).toEqual([]);
    expect(door(2, 1)).toBe('closed');
    expect(sim.log()).toMatchObject({ validFrames: 0, ignoredFrames: 2, repliesSent: 0 });
  });

  it('logs a frame whose XOR checks out but whose command it does not know, and stays silent', () => {
    const { sim, send } = setup();
    expect(send('8A 01 01 22 A8')).toEqual([]);
    expect(sim.log().frames).toEqual([
      expect.objectContaining({ hex: '8A 01 01 22 A8', action: 'unknown_command' }),
    ]);
  });

  it('finds requests split across reads, merged into one, and after noise', () => {
    const { sim } = setup();
    expect(sim.receive(fromHex('00 FF 80 02'))).toEqual([]);
    const replies = sim.receive(fromHex('00 33 B1 80 01 00 33 B2'));
    expect(replies.map((reply) => toHex(reply.encode()))).toEqual([
      '80 02 00 00 00 33 B1',
      '80 01 00 00 00 33 B2',
    ]);
    expect(sim.log()).toMatchObject({ validFrames: 2, discardedBytes: 2 });
  });

  it('finds a real request that starts inside a cut-off one', () => {
    const { sim } = setup();
    // "8A 02" lost the rest of its frame; the query right behind it must still be answered.
    const replies = sim.receive(fromHex('8A 02 80 01 00 33 B2'));
    expect(replies.map((reply) => toHex(reply.encode()))).toEqual(['80 01 00 00 00 33 B2']);
    expect(sim.log().ignoredFrames).toBeGreaterThan(0);
  });

  it('does nothing for a jammed door and reports the closed level', () => {
    const { sim, send, door } = setup();
    sim.bank.setFaults(2, 1, { jammed: true });
    expect(send('8A 02 01 11 98')).toEqual([[500, '8A 02 01 00 89']]);
    expect(door(2, 1)).toBe('closed');
    expect(sim.log().frames.at(-1)?.action).toBe('unlock:jammed');
  });

  it('changes the unlock reply delay at run time and refuses a bad settings body', () => {
    const { sim, send } = setup({ unlockReplyDelayMs: 300 });
    expect(sim.settings()).toEqual({
      unlockReplyDelayMs: 300,
      feedbackOpenValue: 0x11,
      channelsPerBoard: 24,
    });
    sim.changeSettings({ unlockReplyDelayMs: 40 });
    expect(send('8A 01 01 11 9B')).toEqual([[40, '8A 01 01 11 9B']]);
    expect(() => sim.changeSettings({ unlockReplyDelayMs: -1 })).toThrow(InvalidControlInput);
    expect(() => sim.changeSettings({ unlockReply: 'replying' })).toThrow(InvalidControlInput);
  });

  it('speaks 9600 baud, has no item sensors and refuses impossible buses', () => {
    const { sim } = setup();
    expect(sim).toMatchObject({ protocol: 'xor-8a', baudRate: 9600, hasItemSensors: false });
    const clock = new ManualClock();
    expect(() => new Xor8aBank({ boards: 32, clock, closeAfterMs: 1 })).toThrow(RangeError);
    expect(() => new Xor8aBank({ boards: 0, clock, closeAfterMs: 1 })).toThrow(RangeError);
    expect(
      () => new Xor8aBank({ boards: 1, channelsPerBoard: 65, clock, closeAfterMs: 1 }),
    ).toThrow(RangeError);
  });
});
