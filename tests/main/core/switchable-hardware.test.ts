import { describe, expect, it } from 'vitest';
import { SwitchableHardware } from '../../../src-main/core/switchable-hardware.js';
import type { HardwareStatus } from '../../../src-shared/domain/door.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';

/** FakeHardware that writes its start and stop into a shared log, and can hold its stop. */
class LoggedHardware extends FakeHardware {
  holdStop: Promise<void> | undefined;
  constructor(
    readonly name: string,
    readonly log: string[],
  ) {
    super();
  }

  override start(): void {
    this.log.push(`start ${this.name}`);
    super.start();
  }

  override async stop(): Promise<void> {
    this.log.push(`stopping ${this.name}`);
    await this.holdStop;
    this.log.push(`stopped ${this.name}`);
    await super.stop();
  }
}

function setup() {
  const log: string[] = [];
  const first = new LoggedHardware('first', log);
  const switchable = new SwitchableHardware(first);
  const doors: string[] = [];
  switchable.onDoorChanged((lock, door, previous) =>
    doors.push(`${lock.channel} ${previous}->${door}`),
  );
  const items: string[] = [];
  switchable.onItemChanged((lock, present) => items.push(`${lock.channel} ${String(present)}`));
  const statuses: HardwareStatus[] = [];
  switchable.onHardwareChanged((status) => statuses.push(status));
  return { log, first, switchable, doors, items, statuses };
}

function held(): { promise: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const lock = { board: 0, channel: 3 };

describe('SwitchableHardware', () => {
  it('forwards events, state and unlocks of the current hardware', async () => {
    const { first, switchable, doors, items, statuses } = setup();
    first.setDoor(lock, 'closed');
    first.setItem(lock, true);
    first.setHardwareStatus('degraded');
    expect(doors).toEqual(['3 unknown->closed']);
    expect(items).toEqual(['3 true']);
    expect(statuses).toEqual(['degraded']);
    expect(switchable.doorState(lock)).toBe('closed');
    expect(switchable.itemPresent(lock)).toBe(true);
    expect(switchable.hardwareStatus).toBe('degraded');
    first.nextOutcome = 'jammed';
    expect(await switchable.unlockAndObserve(lock)).toBe('jammed');
    expect(first.unlocked).toEqual([lock]);
  });

  it('keeps its listeners across a replace and stops hearing the old hardware', async () => {
    const { log, first, switchable, doors, items } = setup();
    const second = new LoggedHardware('second', log);
    second.setDoor(lock, 'open');
    await switchable.replace(second);
    first.setDoor({ board: 0, channel: 9 }, 'open');
    first.setItem({ board: 0, channel: 9 }, true);
    second.setDoor(lock, 'closed');
    second.setItem(lock, true);
    expect(doors).toEqual(['3 open->closed']);
    expect(items).toEqual(['3 true']);
    expect(switchable.doorState(lock)).toBe('closed');
    expect(switchable.doorState({ board: 0, channel: 9 })).toBe('unknown');
  });

  it('reports a door that moved during a switch to the same doors as the movement it was', async () => {
    const { log, first, switchable, doors } = setup();
    first.setDoor(lock, 'closed');
    first.setDoor({ board: 0, channel: 4 }, 'closed');
    const second = new LoggedHardware('second', log);
    await switchable.replace(second, { sameDoors: true });
    second.setDoor(lock, 'open'); // opened while the bus restarted
    second.setDoor({ board: 0, channel: 4 }, 'closed'); // unchanged: still a first reading
    expect(doors).toEqual([
      '3 unknown->closed',
      '4 unknown->closed',
      '3 closed->open',
      '4 unknown->closed',
    ]);
  });

  it('forgets the doors when the new hardware drives other doors', async () => {
    const { log, first, switchable, doors } = setup();
    first.setDoor(lock, 'closed');
    const second = new LoggedHardware('second', log);
    await switchable.replace(second);
    second.setDoor(lock, 'open');
    expect(doors).toEqual(['3 unknown->closed', '3 unknown->open']);
  });

  it('stops the old hardware before starting the new one, and announces its status', async () => {
    const { log, first, switchable, statuses } = setup();
    switchable.start();
    const second = new LoggedHardware('second', log);
    second.hardwareStatus = 'degraded';
    const stopping = held();
    first.holdStop = stopping.promise;
    const replaced = switchable.replace(second);
    await Promise.resolve();
    expect(log).toEqual(['start first', 'stopping first']);
    expect(second.started).toBe(false);
    stopping.release();
    await replaced;
    expect(log).toEqual(['start first', 'stopping first', 'stopped first', 'start second']);
    expect(statuses).toEqual(['degraded']);
    expect(switchable.hardwareStatus).toBe('degraded');
  });

  it('does not start the new hardware when it was not running', async () => {
    const { log, switchable, statuses } = setup();
    const second = new LoggedHardware('second', log);
    await switchable.replace(second);
    expect(second.started).toBe(false);
    expect(statuses).toEqual(['ok']);
    switchable.start();
    expect(log).toEqual(['stopping first', 'stopped first', 'start second']);
  });

  it('builds the new hardware from a factory only once the old one has let go', async () => {
    const { log, switchable } = setup();
    switchable.start();
    const second = new LoggedHardware('second', log);
    await switchable.replace(() => {
      log.push('build second');
      return Promise.resolve(second);
    });
    expect(log).toEqual([
      'start first',
      'stopping first',
      'stopped first',
      'build second',
      'start second',
    ]);
  });

  it('runs switches one after another, each old hardware stopped before the next starts', async () => {
    const { log, switchable } = setup();
    switchable.start();
    const second = new LoggedHardware('second', log);
    const third = new LoggedHardware('third', log);
    await Promise.all([switchable.replace(second), switchable.replace(third)]);
    expect(log).toEqual([
      'start first',
      'stopping first',
      'stopped first',
      'start second',
      'stopping second',
      'stopped second',
      'start third',
    ]);
    third.setDoor(lock, 'open');
    expect(switchable.doorState(lock)).toBe('open');
  });

  it('stop() during a switch leaves the new hardware stopped, never running', async () => {
    const { log, first, switchable } = setup();
    switchable.start();
    const second = new LoggedHardware('second', log);
    const stopping = held();
    first.holdStop = stopping.promise;
    const replaced = switchable.replace(second);
    const stopped = switchable.stop();
    stopping.release();
    await Promise.all([replaced, stopped]);
    expect(log).not.toContain('start second');
    expect(log.at(-1)).toBe('stopped second');
  });

  it('a replace after stop() leaves the new hardware stopped', async () => {
    const { log, switchable } = setup();
    switchable.start();
    await switchable.stop();
    const second = new LoggedHardware('second', log);
    await switchable.replace(second);
    expect(second.started).toBe(false);
    expect(second.stopped).toBe(true);
  });

  it('start() during a switch starts the new hardware, not the one being stopped', async () => {
    const { log, first, switchable } = setup();
    const second = new LoggedHardware('second', log);
    const stopping = held();
    first.holdStop = stopping.promise;
    const replaced = switchable.replace(second);
    switchable.start();
    stopping.release();
    await replaced;
    expect(log).toEqual(['stopping first', 'stopped first', 'start second']);
  });

  it('carries on without lock hardware, degraded, when the factory fails', async () => {
    const { switchable, statuses } = setup();
    switchable.start();
    await expect(
      switchable.replace(() => Promise.reject(new Error('bad profile'))),
    ).rejects.toThrow('bad profile');
    expect(switchable.hardwareStatus).toBe('degraded');
    expect(statuses).toEqual(['degraded']);
    expect(await switchable.unlockAndObserve(lock)).toBe('outcome_unknown');
    // The next switch still works.
    const third = new LoggedHardware('third', []);
    await switchable.replace(third);
    expect(third.started).toBe(true);
    expect(statuses).toEqual(['degraded', 'ok']);
  });
});
