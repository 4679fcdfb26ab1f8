import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src-main/hardware/hex.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import type { BoardReply } from '../../tools/sim/board-protocol.js';
import { LineFaultSwitch } from '../../tools/sim/line-faults.js';
import { ReplyTransmitter } from '../../tools/sim/reply-transmitter.js';

function setup(random?: () => number) {
  const clock = new ManualClock();
  const faults = new LineFaultSwitch();
  /** Each write with the fake time it happened at, relative to the start. */
  const writes: [number, string][] = [];
  const start = clock.now();
  const transmitter = new ReplyTransmitter({
    clock,
    faults,
    write: (bytes) => {
      writes.push([clock.now() - start, toHex(bytes)]);
      return Promise.resolve();
    },
    ...(random ? { random } : {}),
  });
  const reply = (hex: string, delayMs = 0): BoardReply => ({ delayMs, encode: () => fromHex(hex) });
  return { clock, faults, writes, transmitter, reply };
}

const statusReply = '02 00 35 00 00 00 00 03 3A';

describe('ReplyTransmitter', () => {
  it('writes a reply due now without waiting for any timer', async () => {
    const { clock, writes, transmitter, reply } = setup();
    transmitter.send(reply(statusReply));
    expect(clock.pendingTimers).toBe(0);
    await transmitter.idle();
    expect(writes).toEqual([[0, statusReply]]);
    expect(transmitter.statistics()).toMatchObject({ repliesWritten: 1, repliesDropped: 0 });
  });

  it("waits out the board's own delay on the clock, and builds the bytes when due", async () => {
    const { clock, writes, transmitter } = setup();
    let built = 0;
    transmitter.send({ delayMs: 500, encode: () => fromHex(`8A 02 01 11 9${(built++, 8)}`) });
    await clock.advance(499);
    expect(writes).toEqual([]);
    expect(built).toBe(0);
    await clock.advance(1);
    expect(writes).toEqual([[500, '8A 02 01 11 98']]);
    expect(built).toBe(1);
  });

  it('noReply drops replies (counted) and is read as the reply leaves', async () => {
    const { clock, faults, writes, transmitter, reply } = setup();
    faults.update({ noReply: true });
    transmitter.send(reply(statusReply));
    faults.update({ noReply: false });
    transmitter.send(reply('8A 02 01 11 98', 500));
    faults.update({ noReply: true });
    await clock.advance(500);
    expect(writes).toEqual([]);
    expect(transmitter.statistics()).toMatchObject({ repliesWritten: 0, repliesDropped: 2 });
  });

  it('badChecksum flips the last byte of each reply', async () => {
    const { faults, writes, transmitter, reply } = setup();
    faults.update({ badChecksum: true });
    transmitter.send(reply(statusReply));
    await transmitter.idle();
    expect(writes).toEqual([[0, '02 00 35 00 00 00 00 03 C5']]);
    expect(transmitter.statistics().repliesCorrupted).toBe(1);
  });

  it('garbage puts the given bytes, or random ones, before every reply', async () => {
    const randoms = [0, 0.5, 0.999];
    const { faults, writes, transmitter, reply } = setup(() => randoms.shift() ?? 0);
    faults.update({ garbage: { hex: 'ff 02' } });
    transmitter.send(reply(statusReply));
    faults.update({ garbage: { length: 3 } });
    transmitter.send(reply('80 01 00 33 B2'));
    await transmitter.idle();
    expect(writes).toEqual([
      [0, `FF 02 ${statusReply}`],
      [0, '00 80 FF 80 01 00 33 B2'],
    ]);
    expect(transmitter.statistics().garbageBytes).toBe(5);
  });

  it('splitFrames writes chunks with gaps on the clock, and the next reply queues behind', async () => {
    const { clock, faults, writes, transmitter, reply } = setup();
    faults.update({ splitFrames: { chunkBytes: 4, gapMs: 10 } });
    transmitter.send(reply(statusReply));
    transmitter.send(reply('80 01 00 33 B2'));
    await transmitter.idle();
    expect(writes).toEqual([[0, '02 00 35 00']]);
    await clock.advance(50);
    expect(writes).toEqual([
      [0, '02 00 35 00'],
      [10, '00 00 00 03'],
      [20, '3A'],
      [20, '80 01 00 33'],
      [30, 'B2'],
    ]);
    expect(transmitter.statistics().repliesSplit).toBe(2);
  });

  it('slowReply adds its delay to every reply', async () => {
    const { clock, faults, writes, transmitter, reply } = setup();
    faults.update({ slowReply: { delayMs: 800 } });
    transmitter.send(reply(statusReply));
    transmitter.send(reply('8A 02 01 11 98', 500));
    await clock.advance(799);
    expect(writes).toEqual([]);
    await clock.advance(1);
    expect(writes).toEqual([[800, statusReply]]);
    await clock.advance(500);
    expect(writes.at(-1)).toEqual([1300, '8A 02 01 11 98']);
    expect(transmitter.statistics().repliesDelayed).toBe(2);
  });

  it('applies several faults together: garbage, then the corrupted reply, split', async () => {
    const { clock, faults, writes, transmitter, reply } = setup();
    faults.update({
      badChecksum: true,
      garbage: { hex: 'AA' },
      splitFrames: { chunkBytes: 3, gapMs: 1 },
    });
    transmitter.send(reply('80 01 00 33 B2'));
    await clock.advance(5);
    expect(writes.map(([, hex]) => hex)).toEqual(['AA 80 01', '00 33 4D']);
  });

  it('dispose cancels replies not yet due and chunks not yet written', async () => {
    const { clock, faults, writes, transmitter, reply } = setup();
    faults.update({ splitFrames: { chunkBytes: 2, gapMs: 10 } });
    transmitter.send(reply(statusReply));
    transmitter.send(reply('8A 02 01 11 98', 500));
    transmitter.dispose();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(1000);
    expect(writes).toEqual([[0, '02 00']]);
    transmitter.send(reply(statusReply));
    await transmitter.idle();
    expect(writes).toHaveLength(1);
  });

  it('reports a failed write and keeps writing the next replies', async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    const written: string[] = [];
    let fail = true;
    const transmitter = new ReplyTransmitter({
      clock,
      faults: new LineFaultSwitch(),
      write: (bytes) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('EIO'));
        }
        written.push(toHex(bytes));
        return Promise.resolve();
      },
      onError: (error) => errors.push(error),
    });
    transmitter.send({ delayMs: 0, encode: () => fromHex('01') });
    transmitter.send({ delayMs: 0, encode: () => fromHex('02') });
    await transmitter.idle();
    expect(errors).toEqual([new Error('EIO')]);
    expect(written).toEqual(['02']);
    expect(transmitter.statistics().errors).toBe(1);
  });
});
