import { describe, expect, it } from 'vitest';
import { KerongCu16Bus } from '../../../src-main/hardware/kerong-cu16/bus.js';
import { encodeStatusReply } from '../../../src-main/hardware/kerong-cu16/codec.js';
import { toHex } from '../../../src-main/hardware/hex.js';
import { Xor8aBus } from '../../../src-main/hardware/xor-8a/bus.js';
import { encodeQueryReply } from '../../../src-main/hardware/xor-8a/codec.js';
import { startReconnectingLine } from './fake-serial-device.js';
import { rejection, track } from './xor-8a-bus-setup.js';

const sixteen = Array<boolean>(16).fill(false);
const kerongReply = (board: number, openChannel: number) =>
  encodeStatusReply({
    board,
    doorsOpen: sixteen.map((_, index) => index + 1 === openChannel),
    itemsPresent: sixteen,
  });

async function kerongOnReconnectingLine() {
  const setup = await startReconnectingLine();
  const bus = new KerongCu16Bus({ line: setup.line, clock: setup.clock });
  return { ...setup, bus };
}

async function xorOnReconnectingLine() {
  const setup = await startReconnectingLine();
  const bus = new Xor8aBus({ line: setup.line, clock: setup.clock });
  return { ...setup, bus };
}

describe('KerongCu16Bus on a reconnecting line', () => {
  it('fails the poll in flight at once when the adapter is unplugged, and works once it is back', async () => {
    const { clock, device, bus } = await kerongOnReconnectingLine();
    const inFlight = track(bus.readBoard(0));
    await clock.advance(10);
    device.unplug();
    await clock.advance(0);
    expect(inFlight.settled).toBe(true);
    expect((await rejection(inFlight.promise)).kind).toBe('port_closed');
    // While absent every command fails at once, and clearly.
    expect((await rejection(bus.unlock({ board: 0, channel: 1 }))).kind).toBe('port_closed');
    expect((await rejection(bus.readBoard(0))).kind).toBe('port_closed');

    device.present = true;
    device.answer = (frame) => (frame[2] === 0x30 ? [kerongReply(0, 4)] : []);
    await clock.advance(1000);
    expect((await bus.readBoard(0)).doorsOpen[3]).toBe(true);
    await bus.unlock({ board: 0, channel: 4 });
    expect(device.current?.written).toEqual(['02 00 30 03 35', '02 03 31 03 39']);
  });

  it('ends the post-unlock settle pause when the device goes away', async () => {
    const { clock, device, bus } = await kerongOnReconnectingLine();
    await bus.unlock({ board: 0, channel: 1 });
    const next = track(bus.readBoard(0));
    device.unplug();
    await clock.advance(0);
    expect(next.settled).toBe(true);
    expect((await rejection(next.promise)).kind).toBe('port_closed');
  });

  it('shuts down for good when the line is closed, failing what is queued', async () => {
    const { clock, line, bus } = await kerongOnReconnectingLine();
    const inFlight = bus.readBoard(0);
    const queued = bus.readBoard(1);
    await line.close();
    await clock.advance(0);
    expect((await rejection(inFlight)).kind).toBe('port_closed');
    expect((await rejection(queued)).kind).toBe('port_closed');
    expect(clock.pendingTimers).toBe(0);
  });

  it('answers a corrupt reply at once, then keeps the bus until the line is quiet', async () => {
    const { clock, device, bus } = await kerongOnReconnectingLine();
    const corrupt = kerongReply(0, 1);
    corrupt[8] = ((corrupt[8] ?? 0) + 1) & 0xff;
    device.answer = () => [corrupt];
    const first = track(bus.readBoard(0));
    const second = track(bus.readBoard(0));
    await clock.advance(300);
    expect((await rejection(first.promise)).kind).toBe('bad_reply');
    // 50 ms of silence counted from the failure, not from the corrupt reply.
    expect(device.current?.written).toHaveLength(1);
    device.answer = () => [kerongReply(0, 2)];
    await clock.advance(50);
    expect(device.current?.written).toHaveLength(2);
    expect((await second.promise).doorsOpen[1]).toBe(true);
  });
});

describe('Xor8aBus on a reconnecting line', () => {
  it('fails the poll in flight at once when unplugged and works once the adapter is back', async () => {
    const { clock, device, bus } = await xorOnReconnectingLine();
    const inFlight = track(bus.readBoard(1));
    await clock.advance(100);
    device.unplug();
    await clock.advance(0);
    expect(inFlight.settled).toBe(true);
    expect((await rejection(inFlight.promise)).kind).toBe('port_closed');
    expect((await rejection(bus.readBoard(1))).kind).toBe('port_closed');

    device.present = true;
    device.answer = (frame) =>
      toHex(frame) === '80 01 00 33 B2' ? [encodeQueryReply(1, [false, true])] : [];
    await clock.advance(1000);
    const reading = bus.readBoard(1);
    await clock.advance(25);
    expect((await reading).doorsOpen.slice(0, 2)).toEqual([false, true]);
  });

  it('stops holding the bus for an unlock reply when the device goes away', async () => {
    const { clock, device, bus } = await xorOnReconnectingLine();
    await bus.unlock({ board: 1, channel: 2 });
    const queued = track(bus.readBoard(1));
    await clock.advance(200);
    expect(queued.settled).toBe(false);
    device.unplug();
    await clock.advance(0);
    expect(queued.settled).toBe(true);
    expect((await rejection(queued.promise)).kind).toBe('port_closed');
    expect(bus.lineStatistics.missedUnlockReplies).toBe(1);
    expect(device.lines[0]?.written).toEqual(['8A 01 02 11 98']);
  });
});
