import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src-main/hardware/hex.js';
import { encodeQueryReply, encodeUnlockReply } from '../../../src-main/hardware/xor-8a/codec.js';
import { levels, rejection, setupXor8aBus, track } from './xor-8a-bus-setup.js';

const lock = { board: 2, channel: 1 };
const unlockFrame = '8A 02 01 11 98';
const queryFrame = '80 02 00 33 B1';

describe('Xor8aBus.unlock', () => {
  it('writes exactly 8A 02 01 11 98 and resolves once written, before any reply', async () => {
    const { line, bus } = setupXor8aBus();
    await bus.unlock(lock);
    expect(line.written).toEqual([unlockFrame]);
  });

  it('keeps the bus reserved until the unlock reply, then reports its feedback', async () => {
    const { clock, line, bus, feedback } = setupXor8aBus();
    line.answer = (frame) =>
      toHex(frame) === queryFrame ? [encodeQueryReply(2, levels([1]))] : [];
    await bus.unlock(lock);
    const poll = track(bus.readBoard(2));
    await clock.advance(499);
    expect(line.written).toEqual([unlockFrame]);
    line.deliver(fromHex('8A 02 01 11 98'));
    await clock.advance(24);
    expect(line.written).toEqual([unlockFrame]);
    await clock.advance(1);
    expect(line.written).toEqual([unlockFrame, queryFrame]);
    await clock.advance(25);
    expect((await poll.promise).doorsOpen[0]).toBe(true);
    expect(feedback).toEqual([
      { lock, level: 0x11, doorOpen: true, at: expect.any(Number) as number },
    ]);
    expect(bus.lineStatistics.missedUnlockReplies).toBe(0);
  });

  it('reads the feedback byte with the profile polarity', async () => {
    const inverted = setupXor8aBus({ feedbackOpenValue: 0x00 });
    await inverted.bus.unlock(lock);
    inverted.line.deliver(fromHex('8A 02 01 00 89'));
    await inverted.clock.advance(25);
    expect(inverted.feedback.map((heard) => [heard.level, heard.doorOpen])).toEqual([[0x00, true]]);

    const usual = setupXor8aBus();
    await usual.bus.unlock(lock);
    usual.line.deliver(encodeUnlockReply(lock, 0x00));
    await usual.clock.advance(25);
    expect(usual.feedback.map((heard) => [heard.level, heard.doorOpen])).toEqual([[0x00, false]]);
  });

  it('never resends an unlock whose reply is lost; the bus waits the full 1.5 s', async () => {
    const { clock, line, bus, feedback } = setupXor8aBus();
    await bus.unlock(lock);
    const poll = track(bus.readBoard(2));
    await clock.advance(1499);
    expect(line.written).toEqual([unlockFrame]);
    // Timeout at 1500 ms, then 50 ms of silence before the next transaction.
    await clock.advance(1 + 49);
    expect(line.written).toEqual([unlockFrame]);
    await clock.advance(1);
    expect(line.written).toEqual([unlockFrame, queryFrame]);
    await clock.advance(10_000);
    expect(line.written.filter((frame) => frame === unlockFrame)).toHaveLength(1);
    expect(bus.lineStatistics.missedUnlockReplies).toBe(1);
    expect(feedback).toEqual([]);
    expect((await rejection(poll.promise)).kind).toBe('timeout');
  });

  it('does not take a reply for another channel, nor a corrupt one, as the unlock reply', async () => {
    const { clock, line, bus, feedback } = setupXor8aBus();
    await bus.unlock(lock);
    line.deliver(encodeUnlockReply({ board: 2, channel: 3 }, 0x11));
    await clock.advance(100);
    line.deliver(fromHex('8A 02 01 11 99'));
    await clock.advance(100);
    expect(feedback).toEqual([]);
    expect(bus.lineStatistics).toMatchObject({ unsolicitedFrames: 1, rejectedBursts: 1 });
    expect(bus.lineStatistics.missedUnlockReplies).toBe(1);
    await clock.advance(5000);
    expect(line.written).toEqual([unlockFrame]);
  });

  it('goes ahead of queued polls but never interrupts the poll in flight', async () => {
    const { clock, line, bus } = setupXor8aBus();
    const inFlight = track(bus.readBoard(1));
    const queuedPoll = track(bus.readBoard(2));
    const unlock = bus.unlock({ board: 3, channel: 8 });
    await clock.advance(1);
    expect(line.written).toEqual(['80 01 00 33 B2']);
    line.deliver(encodeQueryReply(1, levels([])));
    await clock.advance(25);
    await unlock;
    line.deliver(encodeUnlockReply({ board: 3, channel: 8 }, 0x00));
    await clock.advance(25);
    expect(line.written).toEqual(['80 01 00 33 B2', '8A 03 08 11 90', queryFrame]);
    expect(inFlight.settled).toBe(true);
    expect(queuedPoll.settled).toBe(false);
  });

  it('rejects addresses the board cannot carry, writing nothing', async () => {
    const { line, bus } = setupXor8aBus();
    for (const bad of [
      { board: 0, channel: 1 },
      { board: 32, channel: 1 },
      { board: 1, channel: 0 },
      { board: 1, channel: 65 },
    ]) {
      await expect(bus.unlock(bad)).rejects.toThrow(RangeError);
    }
    await expect(bus.readBoard(0)).rejects.toThrow(RangeError);
    expect(line.written).toEqual([]);
  });

  it('rejects with port_error when the frame cannot be written, and the bus carries on', async () => {
    const { clock, line, bus } = setupXor8aBus();
    line.failWrites = true;
    expect((await rejection(bus.unlock(lock))).kind).toBe('port_error');
    expect((await rejection(bus.readBoard(2))).kind).toBe('port_error');
    line.failWrites = false;
    line.answer = () => [encodeQueryReply(2, levels([4]))];
    const reading = bus.readBoard(2);
    await clock.advance(25);
    expect((await reading).doorsOpen[3]).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });
});
