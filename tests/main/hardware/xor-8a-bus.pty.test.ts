import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LockBusError } from '../../../src-main/hardware/lock-bus.js';
import { openSerialLine } from '../../../src-main/hardware/serial-line.js';
import { Xor8aBus } from '../../../src-main/hardware/xor-8a/bus.js';
import { systemClock } from '../../../src-main/time/system-clock.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../../helpers/board-simulator.js';
import { createPtyPair, type PtyPair } from '../../helpers/pty.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/**
 * Xor8aBus against the xor-8a simulator process over a real pty, with the simulator's line
 * faults: real serial timing for the 25 ms silence, the 500 ms unlock reply and the 1.5 s timeout.
 */
describe('Xor8aBus over a pty to the faulty-line simulator', () => {
  const folder = makeTempFolder('casier-xor-pty-');
  let pty: PtyPair;
  let simulator: BoardSimulator;
  let bus: Xor8aBus;

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startBoardSimulator({
      protocol: 'xor-8a',
      device: pty.deviceSide,
      boards: 2,
      closeAfterMs: 4000,
    });
    const line = await openSerialLine({ path: pty.kioskSide, baudRate: 9600 });
    bus = new Xor8aBus({ line, clock: systemClock });
  });

  afterEach(async () => {
    await simulator.resetFaults();
  });

  afterAll(async () => {
    await bus?.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
  });

  it('reassembles a reply sent in 2-byte chunks 5 ms apart', async () => {
    await simulator.openByHand(2, 10);
    await simulator.setLineFaults({ splitFrames: { chunkBytes: 2, gapMs: 5 } });
    const reading = await bus.readBoard(2);
    expect(reading.doorsOpen).toHaveLength(24);
    expect(reading.doorsOpen.flatMap((open, index) => (open ? [index + 1] : []))).toEqual([10]);
    await simulator.closeByHand(2, 10);
  });

  it('rejects a reply with a bad checksum, then reads again once the line is clean', async () => {
    await simulator.setLineFaults({ badChecksum: true });
    const error: unknown = await bus.readBoard(1).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(LockBusError);
    expect(error).toMatchObject({ kind: 'bad_reply' });
    await simulator.resetFaults();
    expect((await bus.readBoard(1)).doorsOpen).toEqual(Array<boolean>(24).fill(false));
  });

  it('finds its reply behind garbage bytes', async () => {
    await simulator.setLineFaults({ garbage: { hex: 'FF 13 37 00' } });
    const reading = await bus.readBoard(1);
    expect(reading.board).toBe(1);
    expect(bus.lineStatistics.rejectedBursts).toBeGreaterThan(0);
  });

  it('never resends an unlock whose reply is lost; a poll then sees the door open', async () => {
    const log = await simulator.log();
    const before = log.frames.length;
    const missedBefore = bus.lineStatistics.missedUnlockReplies;
    await simulator.setLineFaults({ noReply: true });
    await bus.unlock({ board: 1, channel: 4 });
    const unlockedAt = Date.now();
    const poll = bus.readBoard(1);
    // The board answers ~500 ms after the pulse; the fault swallows that answer.
    await waitForCondition(
      async () => (await simulator.log()).line.repliesDropped > log.line.repliesDropped,
      { description: 'the unlock reply to be dropped' },
    );
    await simulator.resetFaults();
    const reading = await poll;
    // The poll went out only after the unlock reply's 1.5 s timeout: the bus stayed reserved.
    expect(Date.now() - unlockedAt).toBeGreaterThanOrEqual(1500);
    expect(reading.doorsOpen[3]).toBe(true);
    const unlocks = (await simulator.log()).frames
      .slice(before)
      .filter((frame) => frame.action.startsWith('unlock'))
      .map((frame) => frame.hex);
    expect(unlocks).toEqual(['8A 01 04 11 9E']);
    expect(bus.lineStatistics.missedUnlockReplies).toBe(missedBefore + 1);
    await simulator.closeByHand(1, 4);
  });
});
