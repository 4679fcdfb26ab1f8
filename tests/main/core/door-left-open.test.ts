import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompartmentView } from '../../../src-shared/domain/compartment.js';
import { saveSettings, startCoreHarness, type CoreHarness } from './core-harness.js';

/** X2: a door open longer than the profile's leftOpenAlarmMs (120 s on the demo bank). */
describe('left-open alarm (fake time)', () => {
  let harness: CoreHarness;
  let target: CompartmentView;
  const alarmMs = 120_000;

  function leftOpenAlarms(): unknown[] {
    return harness.eventsNamed('door.alarm').filter((event) => event.alarm === 'left_open');
  }

  function leftOpenFacts(): Record<string, unknown>[] {
    return harness
      .facts()
      .filter((fact) => fact.type === 'door.left_open')
      .map((fact) => ({ ...fact.details, outbox: fact.outbox?.name, actor: fact.actor }));
  }

  async function openByCommand(): Promise<void> {
    await harness.call('compartment.open', { compartmentId: target.id });
  }

  beforeEach(async () => {
    harness = await startCoreHarness();
    target = await harness.compartment('9');
    harness.hardware.setDoor(target.lock, 'closed');
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('raises the alarm once the door has been open for the configured time, not before', async () => {
    await openByCommand();
    await harness.clock.advance(alarmMs - 1);
    expect(leftOpenAlarms()).toEqual([]);
    expect(leftOpenFacts()).toEqual([]);

    await harness.clock.advance(1);

    expect(leftOpenAlarms()).toEqual([
      { compartmentId: target.id, label: '9', alarm: 'left_open' },
    ]);
    expect(leftOpenFacts()).toEqual([
      {
        label: '9',
        ...target.lock,
        openForMs: alarmMs,
        outbox: 'door.left_open',
        actor: 'door-sensor',
      },
    ]);
    // A door left open is an alarm, not a reason to distrust the compartment.
    expect((await harness.compartment('9')).service).toBe('in_service');
  });

  it('raises it once per opening, however long the door stays open', async () => {
    await openByCommand();
    await harness.clock.advance(alarmMs * 10);
    expect(leftOpenAlarms()).toHaveLength(1);
    expect(leftOpenFacts()).toHaveLength(1);
  });

  it('is cancelled by closing the door in time', async () => {
    await openByCommand();
    await harness.clock.advance(alarmMs / 2);
    harness.hardware.setDoor(target.lock, 'closed');
    await harness.clock.advance(alarmMs * 2);

    expect(leftOpenAlarms()).toEqual([]);
    expect(harness.clock.pendingTimers).toBe(0);
  });

  it('starts again with each opening: a new opening gets its own full time and its own alarm', async () => {
    await openByCommand();
    await harness.clock.advance(alarmMs);
    harness.hardware.setDoor(target.lock, 'closed');
    await openByCommand();
    await harness.clock.advance(alarmMs - 1);
    expect(leftOpenAlarms()).toHaveLength(1);
    await harness.clock.advance(1);
    expect(leftOpenAlarms()).toHaveLength(2);
  });

  it('times a door opened without a command as well', async () => {
    harness.hardware.setDoor(target.lock, 'open');
    await harness.clock.advance(alarmMs);
    expect(harness.eventsNamed('door.alarm').map((event) => event.alarm)).toEqual([
      'opened_without_command',
      'left_open',
    ]);
  });

  it('times a door found open at start', async () => {
    const other = await harness.compartment('10');
    harness.hardware.setDoor(other.lock, 'open'); // first reading
    await harness.clock.advance(alarmMs);
    expect(harness.eventsNamed('door.alarm')).toEqual([
      { compartmentId: other.id, label: '10', alarm: 'left_open' },
    ]);
  });

  it('keeps one timer per door', async () => {
    const other = await harness.compartment('11');
    harness.hardware.setDoor(other.lock, 'closed');
    await openByCommand();
    await harness.clock.advance(alarmMs / 2);
    await harness.call('compartment.open', { compartmentId: other.id });
    await harness.clock.advance(alarmMs / 2);
    expect(harness.eventsNamed('door.alarm').map((event) => event.label)).toEqual(['9']);
    await harness.clock.advance(alarmMs / 2);
    expect(harness.eventsNamed('door.alarm').map((event) => event.label)).toEqual(['9', '11']);
  });

  it('follows the profile: the next opening uses a changed leftOpenAlarmMs', async () => {
    await saveSettings(harness, { leftOpenAlarmMs: 5_000 });
    await openByCommand();
    await harness.clock.advance(5_000);
    expect(leftOpenAlarms()).toHaveLength(1);
  });

  it('cancels pending alarms when the core stops', async () => {
    // The signed-in session's idle timer is the only one before the door opens.
    const sessionTimers = harness.clock.pendingTimers;
    await openByCommand();
    expect(harness.clock.pendingTimers).toBe(sessionTimers + 1);
    await harness.restart(); // stops this core (and starts another, which has no alarm timers)
    expect(harness.clock.pendingTimers).toBe(sessionTimers);
    await harness.clock.advance(alarmMs * 2);
    expect(leftOpenAlarms()).toEqual([]);
  });
});
