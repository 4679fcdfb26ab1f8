import { describe, expect, it } from 'vitest';
import { KerongCu16Bus } from '../../../src-main/hardware/kerong-cu16/bus.js';
import { encodeStatusReply, fromHex, toHex } from '../../../src-main/hardware/kerong-cu16/codec.js';
import { LockBusError } from '../../../src-main/hardware/lock-bus.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeSerialLine } from './fake-serial-line.js';

function reply(board: number, openChannels: number[], itemChannels: number[] = []): Uint8Array {
  const flags = (channels: number[]) =>
    Array.from({ length: 16 }, (_, index) => channels.includes(index + 1));
  return encodeStatusReply({
    board,
    doorsOpen: flags(openChannels),
    itemsPresent: flags(itemChannels),
  });
}

function openChannels(doorsOpen: boolean[]): number[] {
  return doorsOpen.flatMap((open, index) => (open ? [index + 1] : []));
}

/** A board bank that answers every status request at once with the doors in `doors`. */
function answeringBoards(line: FakeSerialLine, doors: Map<number, number[]>): void {
  line.answer = (frame) => {
    const board = (frame[1] ?? 0) >> 4;
    const open = doors.get(board);
    return frame[2] === 0x30 && open ? [reply(board, open)] : [];
  };
}

function setup(options: Partial<ConstructorParameters<typeof KerongCu16Bus>[0]> = {}) {
  const clock = new ManualClock();
  const line = new FakeSerialLine();
  const bus = new KerongCu16Bus({ line, clock, ...options });
  return { clock, line, bus };
}

async function rejection(promise: Promise<unknown>): Promise<LockBusError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LockBusError);
  return error as LockBusError;
}

describe('KerongCu16Bus.readBoard', () => {
  it('sends 02 10 30 03 45 and decodes the reply whose address echoes board 1', async () => {
    const { line, bus } = setup();
    line.answer = () => [reply(1, [3, 16], [2])];
    const reading = await bus.readBoard(1);
    expect(line.written).toEqual(['02 10 30 03 45']);
    expect(reading.board).toBe(1);
    expect(openChannels(reading.doorsOpen)).toEqual([3, 16]);
    expect(reading.itemsPresent?.[1]).toBe(true);
  });

  it('waits for a reply that arrives in pieces', async () => {
    const { clock, line, bus } = setup();
    const pending = bus.readBoard(0);
    await clock.advance(5);
    const bytes = reply(0, [1]);
    line.deliver(bytes.subarray(0, 4));
    await clock.advance(5);
    line.deliver(bytes.subarray(4));
    expect(openChannels((await pending).doorsOpen)).toEqual([1]);
  });

  it('reads the profile polarity: with 0 = open, a zero bit is an open door', async () => {
    const { line, bus } = setup({ lockBitOpenValue: 0, itemSensors: false });
    line.answer = () => [fromHex('02 00 35 FE FF 00 00 03 37')];
    const reading = await bus.readBoard(0);
    expect(openChannels(reading.doorsOpen)).toEqual([1]);
    expect(reading.itemsPresent).toBeUndefined();
  });

  it('times out after 300 ms when no board answers, ignoring replies from other boards', async () => {
    const { clock, line, bus } = setup();
    line.answer = () => [reply(2, [])];
    let settled = false;
    const pending = bus.readBoard(1).finally(() => {
      settled = true;
    });
    await clock.advance(299);
    expect(settled).toBe(false);
    await clock.advance(1);
    const error = await rejection(pending);
    expect(error.kind).toBe('timeout');
    expect(bus.lineStatistics.unsolicitedFrames).toBe(1);
  });

  it('reports a corrupt reply as bad_reply, never as a reading', async () => {
    const { clock, line, bus } = setup();
    line.answer = () => [fromHex('02 00 35 01 00 00 00 03 3C')];
    const pending = bus.readBoard(0);
    await clock.advance(300);
    expect((await rejection(pending)).kind).toBe('bad_reply');
    expect(bus.lineStatistics.rejectedFrames).toBe(1);
  });

  it('after a timeout waits for silence and drops a late reply so it cannot answer the next poll', async () => {
    const { clock, line, bus } = setup({ silenceMs: 50 });
    const first = bus.readBoard(0);
    const second = bus.readBoard(0);
    await clock.advance(300);
    expect((await rejection(first)).kind).toBe('timeout');
    // The board's late answer to the first poll (door 5 open) comes while the bus waits for quiet.
    await clock.advance(30);
    line.deliver(reply(0, [5]).subarray(0, 6));
    await clock.advance(40);
    expect(line.written).toHaveLength(1);
    line.answer = () => [reply(0, [7])];
    await clock.advance(50);
    expect(line.written).toHaveLength(2);
    expect(openChannels((await second).doorsOpen)).toEqual([7]);
  });
});

describe('KerongCu16Bus.unlock', () => {
  it('writes the unlock frame once, resolves without any reply, and never resends it', async () => {
    const { clock, line, bus } = setup();
    await bus.unlock({ board: 1, channel: 3 });
    expect(line.written).toEqual(['02 12 31 03 48']);
    await clock.advance(10_000);
    expect(line.written).toEqual(['02 12 31 03 48']);
  });

  it('goes ahead of polls already waiting in the queue', async () => {
    const { clock, line, bus } = setup();
    answeringBoards(
      line,
      new Map([
        [0, []],
        [1, []],
      ]),
    );
    line.answer = (() => {
      const answer = line.answer;
      return (frame: Uint8Array) => (toHex(frame) === '02 00 30 03 35' ? [] : answer(frame));
    })();
    const inFlight = bus.readBoard(0).catch(() => undefined);
    const queuedPoll = bus.readBoard(1);
    const unlock = bus.unlock({ board: 1, channel: 1 });
    await clock.advance(1000);
    await Promise.all([inFlight, queuedPoll, unlock]);
    expect(line.written).toEqual(['02 00 30 03 35', '02 10 31 03 46', '02 10 30 03 45']);
  });

  it('absorbs the status frame some boards send in answer to 0x31', async () => {
    const { clock, line, bus } = setup({ unlockSettleMs: 100 });
    await bus.unlock({ board: 0, channel: 1 });
    const poll = bus.readBoard(0);
    // Board 0 answers the unlock of lock 1 5 ms later, with ADDR 00 (the same as its status
    // reply) and the door still closed. Taken as the poll's answer, it would hide the opening.
    await clock.advance(5);
    line.deliver(reply(0, []));
    await clock.advance(95);
    expect(line.written).toEqual(['02 00 31 03 36', '02 00 30 03 35']);
    line.deliver(reply(0, [1]));
    expect(openChannels((await poll).doorsOpen)).toEqual([1]);
    expect(bus.lineStatistics.unsolicitedFrames).toBe(1);
  });

  it('rejects with port_error when the frame cannot be written', async () => {
    const { line, bus } = setup();
    line.failWrites = true;
    expect((await rejection(bus.unlock({ board: 0, channel: 2 }))).kind).toBe('port_error');
    expect((await rejection(bus.readBoard(0))).kind).toBe('port_error');
  });
});

describe('KerongCu16Bus lifecycle', () => {
  it('rejects (never throws) for addresses KR-CU16 cannot carry, writing nothing', async () => {
    const { line, bus } = setup();
    await expect(bus.readBoard(16)).rejects.toThrow(RangeError);
    await expect(bus.unlock({ board: 0, channel: 17 })).rejects.toThrow(RangeError);
    expect(line.written).toEqual([]);
  });

  it('fails the transaction in flight and every later one when the line is lost', async () => {
    const { line, bus } = setup();
    const pending = bus.readBoard(0);
    const queued = bus.unlock({ board: 0, channel: 1 });
    line.lose();
    expect((await rejection(pending)).kind).toBe('port_closed');
    expect((await rejection(queued)).kind).toBe('port_closed');
    expect((await rejection(bus.readBoard(0))).kind).toBe('port_closed');
  });

  it('close() ends a wait at once, closes the line and leaves no timer', async () => {
    const { clock, line, bus } = setup();
    const pending = bus.readBoard(0);
    await clock.advance(10);
    await bus.close();
    expect((await rejection(pending)).kind).toBe('port_closed');
    expect(line.isOpen).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });
});
