import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KerongCu16Bus } from '../../src-main/hardware/kerong-cu16/bus.js';
import { openSerialLine } from '../../src-main/hardware/serial-line.js';
import { systemClock } from '../../src-main/time/system-clock.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../helpers/board-simulator.js';
import { createPtyPair, type PtyPair } from '../helpers/pty.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

/**
 * The kiosk's KerongCu16Bus against the KR-CU16 simulator process over a real pty pair, with
 * each fault switched on through the control API. Waits are on real events, bounded.
 */
describe('the kiosk KerongCu16Bus against the KR-CU16 simulator process, with faults', () => {
  const folder = makeTempFolder('casier-kerong-faults-');
  let pty: PtyPair;
  let simulator: BoardSimulator;
  let bus: KerongCu16Bus;

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startBoardSimulator({
      device: pty.deviceSide,
      boards: 2,
      closeAfterMs: 60_000,
      unlockReply: 'replying',
    });
    const line = await openSerialLine({ path: pty.kioskSide, baudRate: 19200 });
    bus = new KerongCu16Bus({ line, clock: systemClock });
  });

  afterEach(async () => {
    await simulator?.resetFaults();
    await simulator?.changeSettings({ unlockReply: 'replying' });
    for (const board of (await simulator?.doors()) ?? []) {
      for (const lock of board.locks) {
        if (lock.door === 'open') {
          await simulator.closeByHand(board.board, lock.channel);
        }
        if (lock.item) {
          await simulator.setItem(board.board, lock.channel, false);
        }
      }
    }
  });

  afterAll(async () => {
    await bus?.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
  });

  /** Waits until the simulator has logged `count` more frames than `before`. */
  async function framesAfter(before: number, count: number) {
    return waitForCondition(
      async () => {
        const log = await simulator.log();
        return log.validFrames >= before + count && log;
      },
      { description: `${count} more frames at the simulator` },
    );
  }

  it('--unlock-reply replying answers unlocks; switched to silent at run time, it does not', async () => {
    expect(await simulator.settings()).toMatchObject({ unlockReply: 'replying' });
    let log = await simulator.log();
    await bus.unlock({ board: 0, channel: 1 });
    log = await framesAfter(log.validFrames, 1);
    expect(log.frames.at(-1)?.action).toBe('unlock:opened');
    await waitForCondition(async () => (await simulator.log()).line.repliesWritten > 0, {
      description: 'the status frame answering the unlock',
    });
    const repliesBefore = (await simulator.log()).repliesSent;

    await simulator.changeSettings({ unlockReply: 'silent' });
    await bus.unlock({ board: 0, channel: 2 });
    log = await framesAfter(log.validFrames, 1);
    expect(log.frames.at(-1)?.action).toBe('unlock:opened');
    expect(log.repliesSent).toBe(repliesBefore);
    expect((await bus.readBoard(0)).doorsOpen.slice(0, 2)).toEqual([true, true]);
  });

  it('a jammed door: the unlock is heard, the door stays shut', async () => {
    await simulator.setDoorFaults(1, 3, { jammed: true });
    const before = (await simulator.log()).validFrames;
    await bus.unlock({ board: 1, channel: 3 });
    const log = await framesAfter(before, 1);
    expect(log.frames.at(-1)?.action).toBe('unlock:jammed');
    expect((await bus.readBoard(1)).doorsOpen[2]).toBe(false);
  });

  it('a door left open stays open in every poll, long after it would have closed', async () => {
    await simulator.changeSettings({ unlockReply: 'silent' });
    await simulator.setDoorFaults(0, 4, { leftOpen: true });
    await bus.unlock({ board: 0, channel: 4 });
    await waitForCondition(async () => (await simulator.lock(0, 4)).door === 'open');
    expect(await simulator.faults()).toMatchObject({
      doors: [{ board: 0, channel: 4, leftOpen: true, jammed: false }],
    });
    expect((await bus.readBoard(0)).doorsOpen[3]).toBe(true);
  });

  it('a door opened without a command and a stuck item sensor show in the poll', async () => {
    await simulator.openByHand(1, 16);
    await simulator.setDoorFaults(1, 5, { itemStuck: 'present' });
    await simulator.setItem(1, 6, true);
    await simulator.setDoorFaults(1, 6, { itemStuck: 'absent' });
    const reading = await bus.readBoard(1);
    expect(reading.doorsOpen[15]).toBe(true);
    expect(reading.itemsPresent?.slice(4, 6)).toEqual([true, false]);
  });

  it('rejects a reply with a bad checksum as bad_reply', async () => {
    await simulator.setLineFaults({ badChecksum: true });
    await expect(bus.readBoard(0)).rejects.toMatchObject({ kind: 'bad_reply' });
  });

  it('times out when the reply is lost', async () => {
    await simulator.setLineFaults({ noReply: true });
    await expect(bus.readBoard(0)).rejects.toMatchObject({ kind: 'timeout' });
    expect((await simulator.log()).line.repliesDropped).toBeGreaterThan(0);
  });

  it('reads through garbage (with a stray STX) before a reply split into chunks', async () => {
    await simulator.setLineFaults({
      garbage: { hex: '02 55 AA' },
      splitFrames: { chunkBytes: 4, gapMs: 5 },
    });
    await simulator.openByHand(0, 9);
    expect((await bus.readBoard(0)).doorsOpen[8]).toBe(true);
    expect((await simulator.log()).line).toMatchObject({ garbageBytes: 3, repliesSplit: 1 });
  });

  it('times out on a slow reply, and reads correctly once the late reply is out', async () => {
    await simulator.setLineFaults({ slowReply: { delayMs: 600 } });
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
    await simulator.openByHand(1, 1);
    expect((await bus.readBoard(1)).doorsOpen[0]).toBe(true);
  });
});
