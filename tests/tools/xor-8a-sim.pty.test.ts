import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LockBusError } from '../../src-main/hardware/lock-bus.js';
import { openSerialLine } from '../../src-main/hardware/serial-line.js';
import { Xor8aBus, type UnlockFeedback } from '../../src-main/hardware/xor-8a/bus.js';
import { systemClock } from '../../src-main/time/system-clock.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../helpers/board-simulator.js';
import { createPtyPair, type PtyPair } from '../helpers/pty.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { RawKioskSide } from './raw-kiosk-side.js';

/**
 * The 0x8A/0x80 simulator as its own process on a socat pty pair, first byte for byte (the
 * known-good vectors of hardware.md B), then against the kiosk's own Xor8aBus with the faults
 * switched on through the control API. Waits are on real events (bytes, log counters), bounded.
 */
describe('xor-8a board-sim process over a socat pty pair, byte for byte', () => {
  const folder = makeTempFolder('casier-xor-8a-sim-');
  let pty: PtyPair;
  let simulator: BoardSimulator;
  let kiosk: RawKioskSide;

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startBoardSimulator({
      protocol: 'xor-8a',
      device: pty.deviceSide,
      boards: 2,
      closeAfterMs: 60_000,
    });
    kiosk = new RawKioskSide(await openSerialLine({ path: pty.kioskSide, baudRate: 9600 }));
  });

  afterEach(async () => {
    await simulator?.resetFaults();
  });

  afterAll(async () => {
    await kiosk?.line.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
  });

  it('starts with the CLI settings: boards 1 and 2, 24 channels, 0x11 = open, 500 ms', async () => {
    expect(await simulator.settings()).toEqual({
      protocol: 'xor-8a',
      unlockReplyDelayMs: 500,
      feedbackOpenValue: 0x11,
      channelsPerBoard: 24,
    });
    expect((await simulator.doors()).map((board) => board.board)).toEqual([1, 2]);
  });

  it('answers the known-good queries 80 02 00 33 B1 and 80 01 00 33 B2', async () => {
    expect(await kiosk.exchange('80 02 00 33 B1', 7)).toBe('80 02 00 00 00 33 B1');
    expect(await kiosk.exchange('80 01 00 33 B2', 7)).toBe('80 01 00 00 00 33 B2');
  });

  it('opens board 2 channel 1 on 8A 02 01 11 98 and answers with the open level ~500 ms later', async () => {
    const sentAt = Date.now();
    expect(await kiosk.exchange('8A 02 01 11 98', 5)).toBe('8A 02 01 11 98');
    // The board's own delay: the reply cannot come sooner (an upper bound would be flaky).
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(450);
    expect((await simulator.lock(2, 1)).door).toBe('open');
    expect(await kiosk.exchange('80 02 00 33 B1', 7)).toBe('80 02 00 00 01 33 B0');
    await simulator.closeByHand(2, 1);
  });

  it('stays silent for a board it does not have and for a bad checksum', async () => {
    const before = await simulator.log();
    const start = kiosk.received.length;
    // Board 3 (absent), board 2 with a wrong XOR, then board 1: only board 1 answers.
    const reply = await kiosk.exchange('80 03 00 33 B0 80 02 00 33 B0 80 01 00 33 B2', 7);
    expect(reply).toBe('80 01 00 00 00 33 B2');
    expect(kiosk.since(start)).toBe(reply);
    const after = await simulator.log();
    expect(after.ignoredFrames - before.ignoredFrames).toBe(1);
    expect(after.frames.slice(-2)).toEqual([
      expect.objectContaining({ hex: '80 03 00 33 B0', action: 'no_such_board' }),
      expect.objectContaining({ hex: '80 01 00 33 B2', action: 'query' }),
    ]);
  });

  it('writes a reply in several chunks when splitFrames is on', async () => {
    await simulator.setLineFaults({ splitFrames: { chunkBytes: 2, gapMs: 30 } });
    const readsBefore = kiosk.reads;
    expect(await kiosk.exchange('80 02 00 33 B1', 7)).toBe('80 02 00 00 00 33 B1');
    expect(kiosk.reads - readsBefore).toBeGreaterThanOrEqual(2);
    expect((await simulator.log()).line.repliesSplit).toBe(1);
  });

  it('puts garbage before the reply and corrupts its checksum when told', async () => {
    await simulator.setLineFaults({ garbage: { hex: '00 FF 13' }, badChecksum: true });
    expect(await kiosk.exchange('80 01 00 33 B2', 10)).toBe('00 FF 13 80 01 00 00 00 33 4D');
  });
});

describe('the kiosk Xor8aBus against the xor-8a simulator process, with faults', () => {
  const folder = makeTempFolder('casier-xor-8a-bus-');
  const replyTimeoutMs = 400;
  let pty: PtyPair;
  let simulator: BoardSimulator;
  let bus: Xor8aBus;
  const feedback: UnlockFeedback[] = [];

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startBoardSimulator({
      protocol: 'xor-8a',
      device: pty.deviceSide,
      boards: 2,
      channels: 16,
      closeAfterMs: 60_000,
      unlockReplyDelayMs: 200,
    });
    const line = await openSerialLine({ path: pty.kioskSide, baudRate: 9600 });
    bus = new Xor8aBus({ line, clock: systemClock, replyTimeoutMs });
    bus.onUnlockFeedback((reading) => feedback.push(reading));
  });

  afterEach(async () => {
    await simulator?.resetFaults();
    for (const board of (await simulator?.doors()) ?? []) {
      for (const lock of board.locks.filter((candidate) => candidate.door === 'open')) {
        await simulator.closeByHand(board.board, lock.channel);
      }
    }
  });

  afterAll(async () => {
    await bus?.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
  });

  /**
   * Waits on events, not a wall-clock guess: the simulator's repliesWritten counter says the
   * delayed unlock reply went out, then the kiosk hears it. The bounds are generous because a
   * loaded machine (the whole suite in parallel) can stretch the 200 ms reply delay a lot.
   */
  async function unlockAndHearFeedback(board: number, channel: number): Promise<UnlockFeedback> {
    const heard = feedback.length;
    const written = (await simulator.log()).line.repliesWritten;
    await bus.unlock({ board, channel });
    await waitForCondition(async () => (await simulator.log()).line.repliesWritten > written, {
      timeoutMs: 10_000,
      intervalMs: 50,
      description: 'the simulator to write the unlock reply',
    });
    return waitForCondition(() => feedback[heard], {
      timeoutMs: 10_000,
      description: 'the kiosk to hear the unlock feedback',
    });
  }

  it('reads both boards: 16 channels, no item sensors', async () => {
    const [one, two] = await Promise.all([bus.readBoard(1), bus.readBoard(2)]);
    expect(one).toEqual({
      board: 1,
      doorsOpen: Array<boolean>(16).fill(false),
      itemsPresent: undefined,
    });
    expect(two.doorsOpen).toHaveLength(16);
  });

  it('unlocks: the feedback says open, and the next poll sees the door open', async () => {
    expect(await unlockAndHearFeedback(1, 3)).toMatchObject({
      lock: { board: 1, channel: 3 },
      level: 0x11,
      doorOpen: true,
    });
    expect((await bus.readBoard(1)).doorsOpen[2]).toBe(true);
  });

  it('a jammed door: the pulse goes out, the feedback says shut, the door stays shut', async () => {
    await simulator.setDoorFaults(2, 9, { jammed: true });
    expect(await unlockAndHearFeedback(2, 9)).toMatchObject({ level: 0x00, doorOpen: false });
    expect((await bus.readBoard(2)).doorsOpen[8]).toBe(false);
    expect((await simulator.log()).frames.at(-2)?.action).toBe('unlock:jammed');
  });

  it('a door opened without a command shows in the next poll', async () => {
    await simulator.openByHand(2, 16);
    expect((await bus.readBoard(2)).doorsOpen[15]).toBe(true);
  });

  it('rejects a reply with a bad checksum as bad_reply', async () => {
    await simulator.setLineFaults({ badChecksum: true });
    await expect(bus.readBoard(1)).rejects.toMatchObject({ kind: 'bad_reply' });
  });

  it('times out when no reply comes, yet the board did act on an unlock', async () => {
    await simulator.setLineFaults({ noReply: true });
    await expect(bus.readBoard(1)).rejects.toBeInstanceOf(LockBusError);
    await expect(bus.readBoard(2)).rejects.toMatchObject({ kind: 'timeout' });
    await bus.unlock({ board: 2, channel: 5 });
    await waitForCondition(async () => (await simulator.lock(2, 5)).door === 'open', {
      description: 'the door to open although its reply was lost',
    });
    await simulator.setLineFaults({ noReply: false });
    expect((await bus.readBoard(2)).doorsOpen[4]).toBe(true);
  });

  it('reads through garbage before the reply and a reply split into chunks', async () => {
    await simulator.setLineFaults({
      garbage: { hex: '00 FF 13' },
      splitFrames: { chunkBytes: 3, gapMs: 5 },
    });
    await simulator.openByHand(1, 9);
    expect((await bus.readBoard(1)).doorsOpen[8]).toBe(true);
    expect((await simulator.log()).line).toMatchObject({ repliesSplit: 1, garbageBytes: 3 });
  });

  it('times out on a slow reply, and the late reply does not spoil the next read', async () => {
    await simulator.setLineFaults({ slowReply: { delayMs: replyTimeoutMs + 300 } });
    const written = (await simulator.log()).line.repliesWritten;
    const unsolicited = bus.lineStatistics.unsolicitedFrames;
    await expect(bus.readBoard(1)).rejects.toMatchObject({ kind: 'timeout' });
    await simulator.setLineFaults({ slowReply: null });
    await waitForCondition(async () => (await simulator.log()).line.repliesWritten > written, {
      description: 'the late reply to go out',
    });
    // ...and to reach the kiosk, where nobody waits for it any more.
    await waitForCondition(() => bus.lineStatistics.unsolicitedFrames > unsolicited, {
      description: 'the kiosk to hear the late reply',
    });
    await simulator.openByHand(1, 2);
    expect((await bus.readBoard(1)).doorsOpen[1]).toBe(true);
  });

  it('times out for a board the bus does not have', async () => {
    await expect(bus.readBoard(3)).rejects.toMatchObject({ kind: 'timeout' });
  });
});
