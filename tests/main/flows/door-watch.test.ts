import { describe, expect, it } from 'vitest';
import { createDoorWatch } from '../../../src-main/flows/door-watch.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';

const lock = { board: 0, channel: 3 };
const other = { board: 0, channel: 4 };

describe('DoorWatch (door tasks finish when their door closes)', () => {
  it('calls back once, on the next closing of that door only', () => {
    const hardware = new FakeHardware();
    const watch = createDoorWatch(hardware);
    const closed: string[] = [];
    hardware.setDoor(lock, 'closed');
    watch.untilClosed(lock, () => closed.push('task'));
    hardware.setDoor(lock, 'open');
    hardware.setDoor(other, 'closed');
    expect(closed).toEqual([]);
    hardware.setDoor(lock, 'closed');
    hardware.setDoor(lock, 'open');
    hardware.setDoor(lock, 'closed');
    expect(closed).toEqual(['task']);
  });

  it('tells every task waiting on the same door, and only the cancelled one is left out', () => {
    const hardware = new FakeHardware();
    const watch = createDoorWatch(hardware);
    hardware.setDoor(lock, 'open');
    const closed: string[] = [];
    watch.untilClosed(lock, () => closed.push('visit'));
    const cancelOperator = watch.untilClosed(lock, () => closed.push('operator'));
    watch.untilClosed(lock, () => closed.push('pickup'));
    cancelOperator();
    hardware.setDoor(lock, 'closed');
    expect(closed).toEqual(['visit', 'pickup']);
  });

  it('does not call back once cancelled', () => {
    const hardware = new FakeHardware();
    const watch = createDoorWatch(hardware);
    hardware.setDoor(lock, 'open');
    let called = false;
    const cancel = watch.untilClosed(lock, () => {
      called = true;
    });
    cancel();
    hardware.setDoor(lock, 'closed');
    expect(called).toBe(false);
  });

  it('keeps a compartment claimed until every claim on it is released, each once', () => {
    const watch = createDoorWatch(new FakeHardware());
    const first = watch.claim('c1');
    const second = watch.claim('c1');
    first();
    first();
    expect(watch.isClaimed('c1')).toBe(true);
    second();
    expect(watch.isClaimed('c1')).toBe(false);
    expect([...watch.claimed]).toEqual([]);
  });

  it('stops listening to the hardware when stopped', () => {
    const hardware = new FakeHardware();
    const watch = createDoorWatch(hardware);
    hardware.setDoor(lock, 'open');
    let called = false;
    watch.untilClosed(lock, () => {
      called = true;
    });
    watch.stop();
    hardware.setDoor(lock, 'closed');
    expect(called).toBe(false);
  });
});
