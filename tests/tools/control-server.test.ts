import { afterEach, describe, expect, it } from 'vitest';
import { fromHex } from '../../src-main/hardware/kerong-cu16/codec.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import {
  runBoardSimulator,
  type RunningBoardSimulator,
} from '../../tools/sim/board-simulator-runtime.js';
import { KerongCu16Bank } from '../../tools/sim/kerong-cu16-bank.js';
import { FakeSerialLine } from '../main/hardware/fake-serial-line.js';

let running: RunningBoardSimulator | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start() {
  const clock = new ManualClock();
  const line = new FakeSerialLine();
  const simulator = new KerongCu16Bank({ boards: 2, clock, closeAfterMs: 300 });
  running = await runBoardSimulator({ simulator, line, clock, controlPort: 0 });
  const url = running.controlUrl;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** Sends request bytes as the kiosk would and returns what went back on the line. */
  const request = async (hex: string) => {
    const before = line.written.length;
    line.deliver(fromHex(hex));
    await new Promise((resolve) => setImmediate(resolve));
    return line.written.slice(before);
  };
  return { clock, line, simulator, url, call, request };
}

describe('board simulator control API and line wiring', () => {
  it('listens on 127.0.0.1 and answers requests written to the line', async () => {
    const { url, request } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await request('02 10 30 03 45')).toEqual(['02 10 35 00 00 00 00 03 4A']);
  });

  it('GET /doors lists every board, door and item', async () => {
    const { call } = await start();
    const { status, body } = await call('GET', '/doors');
    expect(status).toBe(200);
    const boards = body['boards'] as { board: number; locks: unknown[] }[];
    expect(boards.map((board) => board.board)).toEqual([0, 1]);
    expect(boards[1]?.locks[2]).toEqual({
      channel: 3,
      door: 'closed',
      item: false,
      holdOpen: false,
      jammed: false,
      itemStuck: null,
    });
  });

  it('opens and closes doors by hand, holds them open and sets items', async () => {
    const { call, request, clock } = await start();
    expect((await call('POST', '/doors/1/3/open')).body).toMatchObject({
      board: 1,
      channel: 3,
      door: 'open',
    });
    expect(await request('02 10 30 03 45')).toEqual(['02 10 35 04 00 00 00 03 4E']);
    await call('POST', '/doors/1/3/close');
    await call('POST', '/items/1/9', { present: true });
    expect(await request('02 10 30 03 45')).toEqual(['02 10 35 00 00 00 01 03 4B']);

    await call('POST', '/doors/0/1/hold-open', { hold: true });
    await request('02 00 31 03 36');
    await clock.advance(1000);
    const boards = (await call('GET', '/doors')).body['boards'] as { locks: unknown[] }[];
    expect(boards[0]?.locks[0]).toMatchObject({
      channel: 1,
      door: 'open',
      item: false,
      holdOpen: true,
    });
  });

  it('GET /log shows received frames in hex and the valid / ignored counts', async () => {
    const { call, request } = await start();
    await request('02 12 31 03 48');
    await request('02 10 30 03 3E');
    const { body } = await call('GET', '/log');
    expect(body).toMatchObject({ validFrames: 1, ignoredFrames: 1 });
    expect((body['frames'] as { hex: string }[]).map((frame) => frame.hex)).toEqual([
      '02 12 31 03 48',
    ]);
  });

  it('switches the KR-CU16 unlock reply mode at run time through /settings', async () => {
    const { call, request } = await start();
    expect((await call('GET', '/settings')).body).toEqual({
      protocol: 'kerong-cu16',
      unlockReply: 'silent',
      lockBitOpenValue: 1,
    });
    expect(await request('02 00 31 03 36')).toEqual([]);
    const changed = await call('POST', '/settings', { unlockReply: 'replying' });
    expect(changed).toMatchObject({ status: 200, body: { unlockReply: 'replying' } });
    // ADDR echoes the request's, lock index included.
    expect(await request('02 01 31 03 37')).toEqual(['02 01 35 03 00 00 00 03 3E']);
    await call('POST', '/settings', { unlockReply: 'silent' });
    expect(await request('02 02 31 03 38')).toEqual([]);
    const refused = await call('POST', '/settings', { unlockReply: 'sometimes' });
    expect(refused.status).toBe(400);
    expect(refused.body['error']).toMatch(/unlockReply/);
    expect((await call('POST', '/settings', { unlockReplyDelayMs: 5 })).status).toBe(400);
  });

  it('GET /log also says what went out on the line after the faults', async () => {
    const { call, request } = await start();
    await call('POST', '/faults/line', { noReply: true });
    await request('02 00 30 03 35');
    await call('POST', '/faults/line', { noReply: false });
    await request('02 00 30 03 35');
    expect((await call('GET', '/log')).body).toMatchObject({
      repliesSent: 2,
      line: { repliesWritten: 1, repliesDropped: 1 },
    });
  });

  it('answers 404 for an unknown lock or route and 400 for a bad body', async () => {
    const { call } = await start();
    expect((await call('POST', '/doors/2/1/open')).status).toBe(404);
    expect((await call('POST', '/doors/0/17/open')).status).toBe(404);
    expect((await call('GET', '/nothing')).status).toBe(404);
    expect((await call('POST', '/items/0/1', { present: 'yes' })).status).toBe(400);
    expect((await call('POST', '/doors/0/1/hold-open', undefined)).status).toBe(400);
  });

  it('stop() closes the line and the server and clears the door timers', async () => {
    const { line, url, request, clock } = await start();
    await request('02 12 31 03 48');
    expect(clock.pendingTimers).toBe(1);
    await running?.stop();
    running = undefined;
    expect(line.isOpen).toBe(false);
    expect(clock.pendingTimers).toBe(0);
    await expect(fetch(`${url}/doors`)).rejects.toThrow();
  });
});
