import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src-main/hardware/hex.js';
import { encodeQueryReply, encodeUnlockReply } from '../../../src-main/hardware/xor-8a/codec.js';
import { levels, rejection, setChannels, setupXor8aBus, track } from './xor-8a-bus-setup.js';

const queryFrame = '80 02 00 33 B1';

describe('Xor8aBus.readBoard', () => {
  it('sends 80 02 00 33 B1 and reads bit 1 as open with the default 0x11 polarity', async () => {
    const { clock, line, bus } = setupXor8aBus();
    // S2 = 02 (channel 10), S1 = 81 (channels 1 and 8): the highest group comes first.
    line.answer = () => [fromHex('80 02 02 81 33 32')];
    const pending = bus.readBoard(2);
    await clock.advance(25);
    const reading = await pending;
    expect(line.written).toEqual([queryFrame]);
    expect(reading.board).toBe(2);
    expect(reading.doorsOpen).toHaveLength(16);
    expect(setChannels(reading.doorsOpen)).toEqual([1, 8, 10]);
    expect(reading.itemsPresent).toBeUndefined();
  });

  it('reads bit 0 as open when the profile says 0x00 means open', async () => {
    const { clock, line, bus } = setupXor8aBus({ feedbackOpenValue: 0x00 });
    line.answer = () => [fromHex('80 02 05 33 B4')];
    const pending = bus.readBoard(2);
    await clock.advance(25);
    expect(setChannels((await pending).doorsOpen)).toEqual([2, 4, 5, 6, 7, 8]);
  });

  it('reassembles a reply split across reads that come closer than the silence', async () => {
    const { clock, line, bus } = setupXor8aBus();
    const pending = track(bus.readBoard(2));
    const bytes = encodeQueryReply(2, levels([3, 12], 16));
    await clock.advance(300);
    line.deliver(bytes.subarray(0, 2));
    await clock.advance(20);
    line.deliver(bytes.subarray(2, 4));
    await clock.advance(20);
    line.deliver(bytes.subarray(4));
    await clock.advance(24);
    expect(pending.settled).toBe(false);
    await clock.advance(1);
    expect(setChannels((await pending.promise).doorsOpen)).toEqual([3, 12]);
  });

  it('picks its reply out of merged frames and leading noise, trusting nothing else', async () => {
    const { clock, line, bus } = setupXor8aBus();
    const late = encodeUnlockReply({ board: 2, channel: 5 }, 0x11);
    const other = encodeQueryReply(3, levels([1, 2, 3]));
    const mine = encodeQueryReply(2, levels([6]));
    line.answer = () => [Uint8Array.from([0xff, 0x13, ...late, ...other, ...mine])];
    const pending = track(bus.readBoard(2));
    await clock.advance(25);
    expect(pending.settled).toBe(true);
    expect(setChannels((await pending.promise).doorsOpen)).toEqual([6]);
    expect(bus.lineStatistics).toMatchObject({
      unsolicitedFrames: 2,
      rejectedBursts: 1,
      discardedBytes: 2,
    });
  });

  it("never reads its reply and the next board's, back to back, as one longer reply", async () => {
    const { clock, line, bus } = setupXor8aBus();
    // Together the two frames also check out as one 6-status-byte reply from board 2.
    line.answer = () => [fromHex('80 02 20 33 91 80 03 07 33 B7')];
    const pending = bus.readBoard(2);
    await clock.advance(25);
    const reading = await pending;
    expect(reading.doorsOpen).toHaveLength(8);
    expect(setChannels(reading.doorsOpen)).toEqual([6]);
    expect(bus.lineStatistics).toMatchObject({ unsolicitedFrames: 1, rejectedBursts: 0 });
  });

  it('rejects a bad checksum as bad_reply at once, never as a reading', async () => {
    const { clock, line, bus } = setupXor8aBus();
    line.answer = () => [fromHex('80 02 05 33 B5')];
    const pending = track(bus.readBoard(2));
    await clock.advance(25);
    expect(pending.settled).toBe(true);
    const error = await rejection(pending.promise);
    expect(error.kind).toBe('bad_reply');
    expect(bus.lineStatistics.rejectedBursts).toBe(1);
  });

  it('rejects garbage as bad_reply', async () => {
    const { clock, line, bus } = setupXor8aBus();
    line.answer = () => [fromHex('00 FF 80 02 33')];
    const pending = bus.readBoard(2);
    await clock.advance(25);
    expect((await rejection(pending)).kind).toBe('bad_reply');
  });

  it('treats a reply cut by a pause longer than the silence as noise', async () => {
    const { clock, line, bus } = setupXor8aBus();
    const pending = track(bus.readBoard(2));
    const bytes = encodeQueryReply(2, levels([1]));
    line.deliver(bytes.subarray(0, 3));
    await clock.advance(30);
    line.deliver(bytes.subarray(3));
    await clock.advance(30);
    expect((await rejection(pending.promise)).kind).toBe('bad_reply');
  });

  it('times out at 1.5 s with LockBusError, ignoring replies from other boards', async () => {
    const { clock, line, bus } = setupXor8aBus();
    line.answer = () => [encodeQueryReply(1, levels([]))];
    const pending = track(bus.readBoard(2));
    await clock.advance(1499);
    expect(pending.settled).toBe(false);
    await clock.advance(1);
    const error = await rejection(pending.promise);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/1500 ms/);
    expect(bus.lineStatistics.unsolicitedFrames).toBe(1);
  });

  it('after a failure waits for silence and flushes, so a late reply cannot answer the next poll', async () => {
    const { clock, line, bus } = setupXor8aBus();
    const first = track(bus.readBoard(2));
    const second = track(bus.readBoard(2));
    await clock.advance(1500);
    expect((await rejection(first.promise)).kind).toBe('timeout');
    // The board's late reply (door 5 open) dribbles in while the bus waits for quiet.
    const late = encodeQueryReply(2, levels([5]));
    await clock.advance(40);
    line.deliver(late.subarray(0, 3));
    await clock.advance(40);
    line.deliver(late.subarray(3));
    await clock.advance(49);
    expect(line.written).toEqual([queryFrame]);
    line.answer = () => [encodeQueryReply(2, levels([7]))];
    await clock.advance(1);
    expect(line.written).toEqual([queryFrame, queryFrame]);
    await clock.advance(25);
    expect(setChannels((await second.promise).doorsOpen)).toEqual([7]);
  });

  it('gives up waiting for silence after maxSilenceWaitMs on a noisy line', async () => {
    const { clock, line, bus } = setupXor8aBus({ maxSilenceWaitMs: 1000 });
    const first = track(bus.readBoard(2));
    const second = track(bus.readBoard(2));
    line.answer = () => [];
    await clock.advance(1500);
    expect(first.settled).toBe(true);
    for (let tick = 0; tick < 99; tick++) {
      line.deliver(Uint8Array.of(0x55));
      await clock.advance(10);
    }
    expect(line.written).toHaveLength(1);
    await clock.advance(10);
    expect(line.written).toHaveLength(2);
    expect(second.settled).toBe(false);
  });
});

describe('Xor8aBus lifecycle', () => {
  it('fails the transaction in flight and every later one when the line is lost', async () => {
    const { line, bus } = setupXor8aBus();
    const pending = bus.readBoard(2);
    const queued = bus.unlock({ board: 2, channel: 1 });
    line.lose();
    expect((await rejection(pending)).kind).toBe('port_closed');
    expect((await rejection(queued)).kind).toBe('port_closed');
    expect((await rejection(bus.readBoard(2))).kind).toBe('port_closed');
  });

  it('close() ends a wait at once, closes the line and leaves no timer', async () => {
    const { clock, line, bus } = setupXor8aBus();
    const pending = bus.readBoard(2);
    line.deliver(Uint8Array.of(0x80));
    await clock.advance(10);
    await bus.close();
    expect((await rejection(pending)).kind).toBe('port_closed');
    expect(line.isOpen).toBe(false);
    expect(clock.pendingTimers).toBe(0);
    expect(toHex(Uint8Array.of(0x80))).toBe('80');
  });

  it('close() during the post-failure silence wait returns without waiting it out', async () => {
    const { clock, bus } = setupXor8aBus();
    const first = bus.readBoard(2);
    await clock.advance(1500);
    expect((await rejection(first)).kind).toBe('timeout');
    await bus.close();
    expect(clock.pendingTimers).toBe(0);
  });
});
