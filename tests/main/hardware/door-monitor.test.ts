import { describe, expect, it } from 'vitest';
import type { DoorState, LockAddress } from '../../../src-shared/domain/compartment.js';
import type { HardwareStatus } from '../../../src-shared/domain/door.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { DoorMonitor } from '../../../src-main/hardware/door-monitor.js';
import { FakeLockBus } from './fake-lock-bus.js';

function setup(
  options: { boards?: number[]; pollIntervalMs?: number; failuresBeforeDegraded?: number } = {},
) {
  const clock = new ManualClock();
  const boards = options.boards ?? [0, 1];
  const bus = new FakeLockBus(clock, boards);
  const monitor = new DoorMonitor({ bus, clock, boards, ...options });
  const changes: string[] = [];
  monitor.onDoorChanged((lock: LockAddress, door, previous: DoorState) => {
    changes.push(`${lock.board}/${lock.channel} ${previous}->${door}`);
  });
  const statuses: HardwareStatus[] = [];
  monitor.onHardwareChanged((status) => statuses.push(status));
  return { clock, bus, monitor, changes, statuses };
}

describe('DoorMonitor', () => {
  it('polls every board at start, then once per interval (250 ms by default)', async () => {
    const { clock, bus, monitor } = setup();
    monitor.start();
    await clock.advance(0);
    expect(bus.reads).toEqual([0, 1]);
    await clock.advance(249);
    expect(bus.reads).toEqual([0, 1]);
    await clock.advance(1);
    expect(bus.reads).toEqual([0, 1, 0, 1]);
    await clock.advance(500);
    expect(bus.reads).toHaveLength(8);
    await monitor.stop();
  });

  it('knows nothing before the first reading, then door and item state per lock', async () => {
    const { clock, bus, monitor } = setup();
    const lock = { board: 1, channel: 4 };
    expect(monitor.doorState(lock)).toBe('unknown');
    expect(monitor.itemPresent(lock)).toBeUndefined();
    bus.setDoor(lock, true);
    bus.setItem(lock, true);
    monitor.start();
    await clock.advance(0);
    expect(monitor.doorState(lock)).toBe('open');
    expect(monitor.doorState({ board: 1, channel: 5 })).toBe('closed');
    expect(monitor.itemPresent(lock)).toBe(true);
    expect(monitor.doorState({ board: 7, channel: 1 })).toBe('unknown');
    await monitor.stop();
  });

  it('emits each change once: the first reading, then open and closed', async () => {
    const { clock, bus, monitor, changes } = setup({ boards: [0] });
    monitor.start();
    await clock.advance(0);
    expect(changes).toHaveLength(16);
    expect(changes[2]).toBe('0/3 unknown->closed');
    changes.length = 0;
    bus.setDoor({ board: 0, channel: 3 }, true);
    await clock.advance(250);
    await clock.advance(250);
    expect(changes).toEqual(['0/3 closed->open']);
    bus.setDoor({ board: 0, channel: 3 }, false);
    await clock.advance(250);
    expect(changes).toEqual(['0/3 closed->open', '0/3 open->closed']);
    await monitor.stop();
  });

  it('turns degraded after 3 failed polls in a row of one board, and ok on its next answer', async () => {
    const { clock, bus, monitor, statuses } = setup();
    monitor.start();
    await clock.advance(0);
    bus.failingBoards.add(1);
    await clock.advance(250);
    await clock.advance(250);
    expect(monitor.hardwareStatus).toBe('ok');
    await clock.advance(250);
    expect(monitor.hardwareStatus).toBe('degraded');
    await clock.advance(1000);
    expect(statuses).toEqual(['degraded']);
    bus.failingBoards.delete(1);
    await clock.advance(250);
    expect(monitor.hardwareStatus).toBe('ok');
    expect(statuses).toEqual(['degraded', 'ok']);
    await monitor.stop();
  });

  it('does not add up scattered failures of different boards', async () => {
    const { clock, bus, monitor } = setup({ failuresBeforeDegraded: 2 });
    monitor.start();
    bus.failingBoards.add(0);
    await clock.advance(0);
    bus.failingBoards.clear();
    bus.failingBoards.add(1);
    await clock.advance(250);
    expect(monitor.hardwareStatus).toBe('ok');
    await clock.advance(250);
    expect(monitor.hardwareStatus).toBe('degraded');
    await monitor.stop();
  });

  it('stop() waits for the read in flight and leaves no timer behind', async () => {
    const { clock, bus, monitor } = setup();
    bus.readDelayMs = 40;
    monitor.start();
    await clock.advance(20);
    let stopped = false;
    const stopping = monitor.stop().then(() => {
      stopped = true;
    });
    await clock.advance(0);
    expect(stopped).toBe(false);
    await clock.advance(20);
    await stopping;
    expect(clock.pendingTimers).toBe(0);
    const readsAtStop = bus.reads.length;
    await clock.advance(5000);
    expect(bus.reads).toHaveLength(readsAtStop);
  });

  it('pollNow reads one board on demand and records what it saw', async () => {
    const { bus, monitor, changes } = setup();
    bus.setDoor({ board: 0, channel: 1 }, true);
    const reading = await monitor.pollNow(0);
    expect(reading.doorsOpen[0]).toBe(true);
    expect(monitor.doorState({ board: 0, channel: 1 })).toBe('open');
    expect(changes[0]).toBe('0/1 unknown->open');
    bus.failingBoards.add(0);
    await expect(monitor.pollNow(0)).rejects.toMatchObject({ kind: 'timeout' });
    expect(monitor.doorState({ board: 0, channel: 1 })).toBe('open');
  });

  it('keeps polling when a listener throws, and reports the error', async () => {
    const clock = new ManualClock();
    const bus = new FakeLockBus(clock, [0]);
    const errors: unknown[] = [];
    const monitor = new DoorMonitor({
      bus,
      clock,
      boards: [0],
      reportListenerError: (error) => errors.push(error),
    });
    monitor.onDoorChanged(() => {
      throw new Error('listener broke');
    });
    monitor.start();
    await clock.advance(0);
    await clock.advance(250);
    expect(errors).toHaveLength(16);
    expect(bus.reads).toEqual([0, 0]);
    expect(monitor.doorState({ board: 0, channel: 16 })).toBe('closed');
    await monitor.stop();
  });
});

describe('DoorMonitor restarted', () => {
  it('start() right after stop(), with a read in flight, still polls in one loop', async () => {
    const { clock, bus, monitor } = setup({ boards: [0], pollIntervalMs: 100 });
    bus.readDelayMs = 40;
    monitor.start();
    await clock.advance(20);
    const stopping = monitor.stop();
    monitor.start();
    await clock.advance(20);
    await stopping;
    const readsAfterRestart = bus.reads.length;
    // One loop: a read takes 40 ms, then a 100 ms pause, so 10 reads in 1400 ms (not 20).
    await clock.advance(1400);
    expect(bus.reads.length - readsAfterRestart).toBe(10);
    const stopped = monitor.stop();
    await clock.advance(40);
    await stopped;
    expect(clock.pendingTimers).toBe(0);
  });
});
