import { describe, expect, it } from 'vitest';
import { DoorMonitor } from '../../../src-main/hardware/door-monitor.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeLockBus } from './fake-lock-bus.js';

function setup(options: { itemSensors?: boolean; boards?: number[] } = {}) {
  const clock = new ManualClock();
  const boards = options.boards ?? [0];
  const bus = new FakeLockBus(clock, boards);
  const errors: unknown[] = [];
  const monitor = new DoorMonitor({
    bus,
    clock,
    boards,
    reportListenerError: (error) => errors.push(error),
    ...(options.itemSensors === undefined ? {} : { itemSensors: options.itemSensors }),
  });
  const items: string[] = [];
  const stopItems = monitor.onItemChanged((lock, present, previous) => {
    items.push(`${lock.board}/${lock.channel} ${String(previous)}->${String(present)}`);
  });
  const doors: string[] = [];
  monitor.onDoorChanged((lock, door, previous) => {
    doors.push(`${lock.board}/${lock.channel} ${previous}->${door}`);
  });
  return { clock, bus, monitor, items, doors, errors, stopItems };
}

describe('DoorMonitor item sensors', () => {
  it('reports every sensor on the first reading, then each change once', async () => {
    const { clock, bus, monitor, items } = setup({ boards: [0, 1] });
    bus.setItem({ board: 1, channel: 5 }, true);
    monitor.start();
    await clock.advance(0);
    expect(items).toHaveLength(32);
    expect(items).toContain('1/5 undefined->true');
    expect(items).toContain('0/5 undefined->false');
    expect(monitor.itemPresent({ board: 1, channel: 5 })).toBe(true);
    expect(monitor.itemPresent({ board: 0, channel: 5 })).toBe(false);

    items.length = 0;
    await clock.advance(250);
    expect(items).toEqual([]);
    bus.setItem({ board: 0, channel: 2 }, true);
    bus.setItem({ board: 1, channel: 5 }, false);
    await clock.advance(250);
    expect(items).toEqual(['0/2 false->true', '1/5 true->false']);
    expect(monitor.itemPresent({ board: 0, channel: 2 })).toBe(true);
    expect(monitor.itemPresent({ board: 1, channel: 5 })).toBe(false);
    await monitor.stop();
  });

  it('reports nothing and knows nothing about items when itemSensors is false', async () => {
    const { clock, bus, monitor, items, doors } = setup({ itemSensors: false });
    bus.setItem({ board: 0, channel: 1 }, true);
    monitor.start();
    await clock.advance(0);
    bus.setItem({ board: 0, channel: 1 }, false);
    bus.setItem({ board: 0, channel: 3 }, true);
    await clock.advance(250);
    expect(bus.reads).toEqual([0, 0]);
    expect(items).toEqual([]);
    expect(monitor.itemPresent({ board: 0, channel: 3 })).toBeUndefined();
    // Doors are still followed.
    expect(doors).toHaveLength(16);
    expect(monitor.doorState({ board: 0, channel: 3 })).toBe('closed');
    await monitor.stop();
  });

  it('reports nothing for a board that has no item sensors', async () => {
    const { clock, bus, monitor, items } = setup();
    bus.itemSensorsFitted = false;
    monitor.start();
    await clock.advance(250);
    expect(items).toEqual([]);
    expect(monitor.itemPresent({ board: 0, channel: 1 })).toBeUndefined();
    expect(monitor.doorState({ board: 0, channel: 1 })).toBe('closed');
    await monitor.stop();
  });

  it('keeps the last known items through failed polls and reports only real changes after', async () => {
    const { clock, bus, monitor, items } = setup();
    monitor.start();
    await clock.advance(0);
    items.length = 0;
    bus.failingBoards.add(0);
    bus.setItem({ board: 0, channel: 9 }, true);
    await clock.advance(500);
    expect(items).toEqual([]);
    expect(monitor.itemPresent({ board: 0, channel: 9 })).toBe(false);
    bus.failingBoards.delete(0);
    await clock.advance(250);
    expect(items).toEqual(['0/9 false->true']);
    await monitor.stop();
  });

  it('keeps polling when an item listener throws, and unsubscribes', async () => {
    const { clock, bus, monitor, items, errors, stopItems } = setup();
    monitor.onItemChanged((lock) => {
      if (lock.channel === 1) {
        throw new Error('item listener broke');
      }
    });
    monitor.start();
    await clock.advance(0);
    expect(errors).toEqual([new Error('item listener broke')]);
    expect(items).toHaveLength(16);
    stopItems();
    bus.setItem({ board: 0, channel: 4 }, true);
    await clock.advance(250);
    expect(items).toHaveLength(16);
    expect(monitor.itemPresent({ board: 0, channel: 4 })).toBe(true);
    await monitor.stop();
  });
});
