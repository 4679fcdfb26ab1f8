import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src-main/hardware/kerong-cu16/codec.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import type { BoardReply } from '../../tools/sim/board-protocol.js';
import { KerongCu16Bank, type KerongUnlockReply } from '../../tools/sim/kerong-cu16-bank.js';

const replyHex = (reply: BoardReply) => toHex(reply.encode());

function setup(options: { lockBitOpenValue?: 0 | 1; unlockReply?: KerongUnlockReply } = {}) {
  const clock = new ManualClock();
  const sim = new KerongCu16Bank({ boards: 2, clock, closeAfterMs: 4000, ...options });
  const send = (hex: string) => sim.receive(fromHex(hex)).map(replyHex);
  return { clock, sim, send };
}

describe('simulated KR-CU16 boards', () => {
  it('answers a status request with a valid 9-byte 0x35 frame echoing the address', () => {
    const { send } = setup();
    expect(send('02 00 30 03 35')).toEqual(['02 00 35 00 00 00 00 03 3A']);
    expect(send('02 10 30 03 45')).toEqual(['02 10 35 00 00 00 00 03 4A']);
  });

  it('opens board 1 lock 3 on 02 12 31 03 48, silently, and closes it after closeAfterMs', async () => {
    const { clock, sim, send } = setup();
    expect(send('02 12 31 03 48')).toEqual([]);
    expect(send('02 10 30 03 45')).toEqual(['02 10 35 04 00 00 00 03 4E']);
    await clock.advance(3999);
    expect(sim.bank.snapshot()[1]?.locks[2]?.door).toBe('open');
    await clock.advance(1);
    expect(send('02 10 30 03 45')).toEqual(['02 10 35 00 00 00 00 03 4A']);
  });

  it('opens all 16 locks of a board on 0x33', () => {
    const { send } = setup();
    send('02 00 33 03 38');
    expect(send('02 00 30 03 35')).toEqual(['02 00 35 FF FF 00 00 03 38']);
  });

  it("ignores a frame with a bad checksum (the public driver's 02 10 30 03 3E) and counts it", () => {
    const { sim, send } = setup();
    expect(send('02 10 30 03 3E')).toEqual([]);
    expect(send('02 12 31 03 49')).toEqual([]);
    expect(sim.bank.snapshot()[1]?.locks[2]?.door).toBe('closed');
    const log = sim.log();
    expect(log.ignoredFrames).toBe(2);
    expect(log.validFrames).toBe(0);
  });

  it('answers requests split across reads and merged into one', () => {
    const { sim } = setup();
    expect(sim.receive(fromHex('02 00 30'))).toEqual([]);
    expect(sim.receive(fromHex('03 35 02 10 30 03 45')).map(replyHex)).toEqual([
      '02 00 35 00 00 00 00 03 3A',
      '02 10 35 00 00 00 00 03 4A',
    ]);
  });

  it('stays silent for a board address that is not on the bus', () => {
    const { sim, send } = setup();
    expect(send('02 50 30 03 85')).toEqual([]);
    expect(sim.log().frames.at(-1)).toMatchObject({
      hex: '02 50 30 03 85',
      action: 'no_such_board',
    });
  });

  it('reports items and uses the configured polarity (0 = open)', () => {
    const { sim, send } = setup({ lockBitOpenValue: 0 });
    sim.bank.setItem(0, 9, true);
    sim.bank.openByHand(0, 1);
    expect(send('02 00 30 03 35')).toEqual(['02 00 35 FE FF 00 01 03 38']);
  });

  it('answers unlocks with a status frame when told to act like such boards', () => {
    const { send } = setup({ unlockReply: 'replying' });
    expect(send('02 00 31 03 36')).toEqual(['02 00 35 01 00 00 00 03 3B']);
  });

  it('keeps a held door open after an unlock until released, then closes it', async () => {
    const { clock, sim, send } = setup();
    sim.bank.setHoldOpen(0, 2, true);
    send('02 01 31 03 37');
    await clock.advance(10_000);
    expect(sim.bank.snapshot()[0]?.locks[1]).toMatchObject({ door: 'open', holdOpen: true });
    sim.bank.setHoldOpen(0, 2, false);
    await clock.advance(4000);
    expect(sim.bank.snapshot()[0]?.locks[1]?.door).toBe('closed');
  });

  it('leaves a door opened by hand open, and a pulse does not start its close timer', async () => {
    const { clock, sim, send } = setup();
    sim.bank.openByHand(1, 1);
    send('02 10 31 03 46');
    await clock.advance(10_000);
    expect(sim.bank.snapshot()[1]?.locks[0]?.door).toBe('open');
    expect(sim.log().frames.at(-1)?.action).toBe('unlock:already_open');
    sim.bank.closeByHand(1, 1);
    expect(sim.bank.snapshot()[1]?.locks[0]?.door).toBe('closed');
  });

  it('logs every valid frame in hex and leaves no timer after dispose', () => {
    const { clock, sim, send } = setup();
    send('02 12 31 03 48');
    send('02 10 30 03 45');
    expect(sim.log().frames.map((frame) => frame.hex)).toEqual([
      '02 12 31 03 48',
      '02 10 30 03 45',
    ]);
    expect(sim.log()).toMatchObject({ validFrames: 2, repliesSent: 1, protocol: 'kerong-cu16' });
    expect(clock.pendingTimers).toBe(1);
    sim.bank.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('refuses more boards than a KR-CU16 bus can address', () => {
    expect(
      () => new KerongCu16Bank({ boards: 17, clock: new ManualClock(), closeAfterMs: 1 }),
    ).toThrow(RangeError);
  });
});
