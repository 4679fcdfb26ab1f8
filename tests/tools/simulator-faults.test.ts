import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src-main/hardware/hex.js';
import { isValidFrame } from '../../src-main/hardware/kerong-cu16/codec.js';
import { hasValidChecksum } from '../../src-main/hardware/xor-8a/codec.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { BoardProtocolSimulator } from '../../tools/sim/board-protocol.js';
import {
  runBoardSimulator,
  type RunningBoardSimulator,
} from '../../tools/sim/board-simulator-runtime.js';
import { KerongCu16Bank } from '../../tools/sim/kerong-cu16-bank.js';
import { Xor8aBank } from '../../tools/sim/xor-8a-bank.js';
import { FakeSerialLine } from '../main/hardware/fake-serial-line.js';

/**
 * Every fault of hardware.md "Simulators", switched through the control API, for each protocol,
 * on fake time: what goes out on the line is compared byte for byte.
 */
interface ProtocolCase {
  protocol: string;
  create(clock: Clock): BoardProtocolSimulator;
  /** The first board on the bus, whose lock 1 the tests use. */
  board: number;
  query: string;
  /** The answer to `query` with every door closed, then with lock 1 open. */
  allClosed: string;
  lockOneOpen: string;
  unlockLockOne: string;
  /** The reply to that unlock, and how long the board takes to send it. */
  unlockReply: { delayMs: number; opened: string; stayedShut: string };
  isValid(frame: Uint8Array): boolean;
}

const closeAfterMs = 4000;

const protocols: ProtocolCase[] = [
  {
    protocol: 'kerong-cu16',
    // Replying mode, so that an unlock has an answer to break like the 0x8A board's.
    create: (clock) =>
      new KerongCu16Bank({ boards: 2, clock, closeAfterMs, unlockReply: 'replying' }),
    board: 0,
    query: '02 00 30 03 35',
    allClosed: '02 00 35 00 00 00 00 03 3A',
    lockOneOpen: '02 00 35 01 00 00 00 03 3B',
    unlockLockOne: '02 00 31 03 36',
    unlockReply: {
      delayMs: 0,
      opened: '02 00 35 01 00 00 00 03 3B',
      stayedShut: '02 00 35 00 00 00 00 03 3A',
    },
    isValid: isValidFrame,
  },
  {
    protocol: 'xor-8a',
    create: (clock) => new Xor8aBank({ boards: 2, clock, closeAfterMs }),
    board: 1,
    query: '80 01 00 33 B2',
    allClosed: '80 01 00 00 00 33 B2',
    lockOneOpen: '80 01 00 00 01 33 B3',
    unlockLockOne: '8A 01 01 11 9B',
    unlockReply: { delayMs: 500, opened: '8A 01 01 11 9B', stayedShut: '8A 01 01 00 8A' },
    isValid: hasValidChecksum,
  },
];

let running: RunningBoardSimulator | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(testCase: ProtocolCase) {
  const clock = new ManualClock();
  const line = new FakeSerialLine();
  running = await runBoardSimulator({
    simulator: testCase.create(clock),
    line,
    clock,
    controlPort: 0,
  });
  const url = running.controlUrl;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const post = async (path: string, body?: unknown) => {
    const answer = await call('POST', path, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  let seen = 0;
  /** Every write since the last call, one hex string per write. */
  const newWrites = () => {
    const writes = line.written.slice(seen);
    seen = line.written.length;
    return writes;
  };
  /** The kiosk writes `hex`; returns the writes that went back at once. */
  const request = async (hex: string) => {
    newWrites();
    line.deliver(fromHex(hex));
    await clock.advance(0);
    return newWrites();
  };
  /** Unlocks lock 1 and returns what went out until the board's unlock reply was due. */
  const unlock = async () => {
    const atOnce = await request(testCase.unlockLockOne);
    await clock.advance(testCase.unlockReply.delayMs);
    return [...atOnce, ...newWrites()];
  };
  const lockOne = async () => {
    const boards = (await call('GET', '/doors')).body['boards'] as {
      board: number;
      locks: { door: string; item: boolean; itemStuck: string | null }[];
    }[];
    return boards.find((candidate) => candidate.board === testCase.board)?.locks[0];
  };
  const lineStatistics = async () =>
    (await call('GET', '/log')).body['line'] as Record<string, number>;
  return { clock, line, call, post, request, unlock, newWrites, lockOne, lineStatistics };
}

describe.each(protocols)('$protocol simulator faults', (testCase) => {
  const { board, query, allClosed, lockOneOpen, unlockLockOne, unlockReply } = testCase;

  it('answers normally with no fault switched on', async () => {
    const { request, unlock } = await start(testCase);
    expect(await request(query)).toEqual([allClosed]);
    expect(await unlock()).toEqual([unlockReply.opened]);
  });

  it('noReply: the board still acts on requests, but nothing goes out', async () => {
    const { clock, post, request, newWrites, lockOne, lineStatistics } = await start(testCase);
    await post('/faults/line', { noReply: true });
    expect(await request(unlockLockOne)).toEqual([]);
    expect(await request(query)).toEqual([]);
    await clock.advance(2000);
    expect(newWrites()).toEqual([]);
    expect((await lockOne())?.door).toBe('open');
    expect(await lineStatistics()).toMatchObject({ repliesDropped: 2, repliesWritten: 0 });
    await post('/faults/line', { noReply: false });
    expect(await request(query)).toEqual([lockOneOpen]);
  });

  it('badChecksum: replies go out with a checksum that does not check out', async () => {
    const { post, request } = await start(testCase);
    await post('/faults/line', { badChecksum: true });
    const [reply] = await request(query);
    const expected = fromHex(allClosed);
    expected[expected.length - 1] = (expected.at(-1) ?? 0) ^ 0xff;
    expect(reply).toBe(toHex(expected));
    expect(testCase.isValid(fromHex(reply ?? ''))).toBe(false);
  });

  it('garbage: noise goes out before every reply', async () => {
    const { post, request, lineStatistics } = await start(testCase);
    await post('/faults/line', { garbage: { hex: '55 AA 02 80' } });
    expect(await request(query)).toEqual([`55 AA 02 80 ${allClosed}`]);
    expect(await request(query)).toEqual([`55 AA 02 80 ${allClosed}`]);
    await post('/faults/line', { garbage: { length: 6 } });
    const [noisy] = await request(query);
    expect(noisy?.endsWith(allClosed)).toBe(true);
    expect(fromHex(noisy ?? '').length).toBe(6 + fromHex(allClosed).length);
    expect((await lineStatistics()).garbageBytes).toBe(14);
  });

  it('splitFrames: a reply goes out in chunks with gaps between them', async () => {
    const { clock, post, request, newWrites } = await start(testCase);
    await post('/faults/line', { splitFrames: { chunkBytes: 3, gapMs: 8 } });
    const first = await request(query);
    expect(first).toEqual([allClosed.slice(0, 8)]);
    await clock.advance(7);
    expect(newWrites()).toEqual([]);
    await clock.advance(100);
    const all = [...first, ...newWrites()];
    expect(all.length).toBe(Math.ceil(fromHex(allClosed).length / 3));
    expect(all.join(' ')).toBe(allClosed);
  });

  it('slowReply: every reply goes out the given delay late', async () => {
    const { clock, post, request, newWrites } = await start(testCase);
    await post('/faults/line', { slowReply: { delayMs: 800 } });
    expect(await request(query)).toEqual([]);
    await clock.advance(799);
    expect(newWrites()).toEqual([]);
    await clock.advance(1);
    expect(newWrites()).toEqual([allClosed]);
    await request(unlockLockOne);
    await clock.advance(unlockReply.delayMs + 799);
    expect(newWrites()).toEqual([]);
    await clock.advance(1);
    expect(newWrites()).toEqual([unlockReply.opened]);
  });

  it('jammed: an unlock does nothing, and the board says the door stayed shut', async () => {
    const { call, post, request, unlock, lockOne } = await start(testCase);
    await post(`/doors/${board}/1/faults`, { jammed: true });
    expect(await unlock()).toEqual([unlockReply.stayedShut]);
    expect(await lockOne()).toMatchObject({ door: 'closed', jammed: true });
    expect(await request(query)).toEqual([allClosed]);
    expect((await call('GET', '/faults')).body['doors']).toEqual([
      { board, channel: 1, jammed: true, leftOpen: false, itemStuck: null },
    ]);
    await post(`/doors/${board}/1/faults`, { jammed: false });
    await request(unlockLockOne);
    expect((await lockOne())?.door).toBe('open');
  });

  it('leftOpen: a door opened by an unlock does not swing shut until released', async () => {
    const { clock, post, request, lockOne } = await start(testCase);
    await post(`/doors/${board}/1/faults`, { leftOpen: true });
    await request(unlockLockOne);
    await clock.advance(10 * closeAfterMs);
    expect(await lockOne()).toMatchObject({ door: 'open', holdOpen: true });
    expect(await request(query)).toEqual([lockOneOpen]);
    await post(`/doors/${board}/1/faults`, { leftOpen: false });
    await clock.advance(closeAfterMs);
    expect(await request(query)).toEqual([allClosed]);
  });

  it('a door opened by hand, without a command, shows open and stays open', async () => {
    const { clock, call, post, request } = await start(testCase);
    await post(`/doors/${board}/1/open`);
    await clock.advance(10 * closeAfterMs);
    expect(await request(query)).toEqual([lockOneOpen]);
    const log = (await call('GET', '/log')).body as { frames: { action: string }[] };
    expect(log.frames.map((frame) => frame.action)).not.toContainEqual(
      expect.stringMatching(/^unlock/),
    );
  });

  it('POST /faults/reset puts the line and every door back in working order', async () => {
    const { call, post, request } = await start(testCase);
    await post('/faults/line', { noReply: true, badChecksum: true, slowReply: true });
    await post(`/doors/${board}/1/faults`, { jammed: true });
    await post('/faults/reset');
    expect((await call('GET', '/faults')).body).toEqual({
      line: {
        noReply: false,
        badChecksum: false,
        garbage: null,
        splitFrames: null,
        slowReply: null,
      },
      doors: [],
    });
    await request(unlockLockOne);
    expect(await request(query)).toEqual([lockOneOpen]);
  });

  it('refuses bad fault bodies with 400 and unknown doors with 404', async () => {
    const { call } = await start(testCase);
    expect((await call('POST', '/faults/line', { noReply: 1 })).status).toBe(400);
    expect((await call('POST', '/faults/line', { slowReply: { delayMs: 'x' } })).status).toBe(400);
    expect((await call('POST', `/doors/${board}/1/faults`, { stuck: true })).status).toBe(400);
    expect((await call('POST', `/doors/${board + 5}/1/faults`, { jammed: true })).status).toBe(404);
  });
});

describe('item sensor stuck', () => {
  const [kerong, xor8a] = protocols as [ProtocolCase, ProtocolCase];

  it('kerong-cu16: the IR bit reads the stuck value whatever is in the compartment', async () => {
    const { post, request, lockOne } = await start(kerong);
    await post('/doors/0/1/faults', { itemStuck: 'present' });
    expect(await request(kerong.query)).toEqual(['02 00 35 00 00 01 00 03 3B']);
    expect(await lockOne()).toMatchObject({ item: false, itemStuck: 'present' });
    await post('/items/0/1', { present: true });
    await post('/doors/0/1/faults', { itemStuck: 'absent' });
    expect(await request(kerong.query)).toEqual([kerong.allClosed]);
    await post('/doors/0/1/faults', { itemStuck: null });
    expect(await request(kerong.query)).toEqual(['02 00 35 00 00 01 00 03 3B']);
  });

  it('xor-8a: the boards have no item sensors, so items and stuck sensors are refused', async () => {
    const { call } = await start(xor8a);
    const stuck = await call('POST', '/doors/1/1/faults', { itemStuck: 'present' });
    expect(stuck.status).toBe(409);
    expect(stuck.body['error']).toMatch(/no item sensors/);
    expect((await call('POST', '/items/1/1', { present: true })).status).toBe(409);
  });
});
