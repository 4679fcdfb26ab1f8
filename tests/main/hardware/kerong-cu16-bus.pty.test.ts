import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DoorMonitor } from '../../../src-main/hardware/door-monitor.js';
import { KerongCu16Bus } from '../../../src-main/hardware/kerong-cu16/bus.js';
import { createBankHardware } from '../../../src-main/hardware/create-bank-hardware.js';
import { defaultHardwareSettings } from '../../../src-main/hardware/hardware-profile.js';
import { openSerialLine } from '../../../src-main/hardware/serial-line.js';
import { unlockAndObserve } from '../../../src-main/hardware/unlock-observer.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { systemClock } from '../../../src-main/time/system-clock.js';
import type { LockAddress } from '../../../src-shared/domain/compartment.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../../helpers/board-simulator.js';
import { createPtyPair, type PtyPair } from '../../helpers/pty.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/**
 * The kiosk's KR-CU16 adapter against the simulator process over a real pty pair: the same
 * serialport stack, bytes and timing path as a USB RS-485 adapter and two boards.
 */
describe('KerongCu16Bus over a pty to the board simulator', () => {
  const folder = makeTempFolder('casier-kerong-pty-');
  const closeAfterMs = 300;
  let pty: PtyPair;
  let simulator: BoardSimulator;
  let bus: KerongCu16Bus;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startBoardSimulator({ device: pty.deviceSide, boards: 2, closeAfterMs });
    const line = await openSerialLine({ path: pty.kioskSide, baudRate: 19200 });
    bus = new KerongCu16Bus({ line, clock: systemClock });
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  afterAll(async () => {
    await bus?.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
    expect(pty.process.exitCode !== null || pty.process.signalCode !== null).toBe(true);
  });

  async function doorOpen(lock: LockAddress): Promise<boolean | undefined> {
    return (await bus.readBoard(lock.board)).doorsOpen[lock.channel - 1];
  }

  it('reads the status of both boards', async () => {
    const [board0, board1] = await Promise.all([bus.readBoard(0), bus.readBoard(1)]);
    expect(board0.board).toBe(0);
    expect(board1.board).toBe(1);
    expect(board0.doorsOpen).toEqual(Array<boolean>(16).fill(false));
    expect(board1.itemsPresent).toEqual(Array<boolean>(16).fill(false));
  });

  it('times out on a board address nobody answers', async () => {
    await expect(bus.readBoard(5)).rejects.toMatchObject({ name: 'LockBusError', kind: 'timeout' });
  });

  it('unlocks board 1 lock 3 with exactly 02 12 31 03 48; the door opens, then closes', async () => {
    const lock = { board: 1, channel: 3 };
    const before = (await simulator.log()).frames.length;
    await bus.unlock(lock);
    expect(await doorOpen(lock)).toBe(true);
    const unlockFrames = (await simulator.log()).frames
      .slice(before)
      .filter((frame) => frame.action.startsWith('unlock'));
    expect(unlockFrames.map((frame) => frame.hex)).toEqual(['02 12 31 03 48']);
    await waitForCondition(async () => (await doorOpen(lock)) === false, {
      description: `the door to close again after ${closeAfterMs} ms`,
    });
  });

  it('sees a door opened by hand and an item put in through the control API', async () => {
    await simulator.openByHand(0, 7);
    await simulator.setItem(0, 7, true);
    cleanups.push(async () => {
      await simulator.closeByHand(0, 7);
      await simulator.setItem(0, 7, false);
    });
    const reading = await bus.readBoard(0);
    expect(reading.doorsOpen[6]).toBe(true);
    expect(reading.itemsPresent?.[6]).toBe(true);
    expect(reading.doorsOpen.filter(Boolean)).toHaveLength(1);
  });

  it('unlock + DoorMonitor + unlockAndObserve gives door_seen_open, then the close event', async () => {
    const monitor = new DoorMonitor({
      bus,
      clock: systemClock,
      boards: [0, 1],
      pollIntervalMs: 50,
    });
    cleanups.push(() => monitor.stop());
    const events: string[] = [];
    monitor.onDoorChanged((lock, door, previous) => {
      if (previous !== 'unknown' && lock.board === 0 && lock.channel === 2) {
        events.push(door);
      }
    });
    monitor.start();
    await waitForCondition(() => monitor.doorState({ board: 0, channel: 2 }) === 'closed');

    const lock = { board: 0, channel: 2 };
    expect(await unlockAndObserve(bus, monitor, lock, { clock: systemClock })).toBe(
      'door_seen_open',
    );
    expect(monitor.doorState(lock)).toBe('open');
    await waitForCondition(() => events.includes('closed'), {
      description: 'the door-closed event',
    });
    expect(events).toEqual(['open', 'closed']);
    expect(monitor.hardwareStatus).toBe('ok');

    // Opened by hand, the next unlock sends no pulse at all.
    await simulator.openByHand(0, 2);
    cleanups.push(() => simulator.closeByHand(0, 2));
    const unlocksBefore = (await simulator.log()).frames.filter((frame) =>
      frame.action.startsWith('unlock'),
    ).length;
    expect(await unlockAndObserve(bus, monitor, lock, { clock: systemClock })).toBe(
      'door_already_open',
    );
    const unlocksAfter = (await simulator.log()).frames.filter((frame) =>
      frame.action.startsWith('unlock'),
    ).length;
    expect(unlocksAfter).toBe(unlocksBefore);
  });
});

describe('createBankHardware for KR-CU16 on a pty', () => {
  it('opens the profile device, follows doors and stops cleanly', async () => {
    const folder = makeTempFolder('casier-kerong-hw-');
    const pty = await createPtyPair(folder.path);
    let simulator: BoardSimulator | undefined;
    try {
      simulator = await startBoardSimulator({
        device: pty.deviceSide,
        boards: 2,
        closeAfterMs: 200,
      });
      const hardware = await createBankHardware(
        {
          ...defaultHardwareSettings('kerong-cu16'),
          serialPath: pty.kioskSide,
          boards: [0, 1],
          pollIntervalMs: 50,
          openTimeoutMs: 2000,
        },
        systemClock,
        silentLogger(),
      );
      const changes: string[] = [];
      hardware.onDoorChanged((lock, door) => changes.push(`${lock.board}/${lock.channel} ${door}`));
      hardware.start();
      try {
        await waitForCondition(() => hardware.doorState({ board: 1, channel: 16 }) === 'closed');
        expect(await hardware.unlockAndObserve({ board: 1, channel: 16 })).toBe('door_seen_open');
        await waitForCondition(() => changes.includes('1/16 closed'));
        expect(hardware.hardwareStatus).toBe('ok');
      } finally {
        await hardware.stop();
      }
    } finally {
      await simulator?.stop();
      await pty.close();
      folder.remove();
    }
  });
});
