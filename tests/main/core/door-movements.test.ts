import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/** X2: door polling turns every change into an event, and every movement into a fact. */
describe('door movements', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startCoreHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('shows first readings after start without recording them or raising alarms', async () => {
    const target = await harness.compartment('1');
    const other = await harness.compartment('2');
    harness.hardware.setDoor(target.lock, 'closed');
    harness.hardware.setDoor(other.lock, 'open'); // found open at start: not "opened"

    expect(harness.facts()).toEqual([]);
    expect(harness.eventsNamed('door.changed')).toEqual([
      { compartmentId: target.id, label: '1', door: 'closed' },
      { compartmentId: other.id, label: '2', door: 'open' },
    ]);
    expect(harness.eventsNamed('door.alarm')).toEqual([]);
    expect((await harness.compartment('2')).door).toBe('open');
  });

  it('records a commanded opening and the closing as door.opened / door.closed facts', async () => {
    const target = await harness.compartment('8');
    harness.hardware.setDoor(target.lock, 'closed');
    await harness.call('compartment.open', { compartmentId: target.id });
    await harness.clock.advance(20_000);
    harness.hardware.setDoor(target.lock, 'closed');

    const movements = harness
      .facts()
      .filter((fact) => fact.type === 'door.opened' || fact.type === 'door.closed');
    expect(movements.map((fact) => [fact.type, fact.actor, fact.details])).toEqual([
      ['door.opened', 'door-sensor', { label: '8', ...target.lock }],
      ['door.closed', 'door-sensor', { label: '8', ...target.lock }],
    ]);
    expect(movements.map((fact) => fact.outbox?.name)).toEqual(['door.opened', 'door.closed']);
    expect(movements[1]!.wallTime - movements[0]!.wallTime).toBe(20_000);
    expect(harness.eventsNamed('door.alarm')).toEqual([]);
    expect(await harness.compartment('8')).toMatchObject({
      door: 'closed',
      service: 'in_service',
    });
  });

  it('opened without a command: alarm, facts, out of service with reason door_forced_open', async () => {
    const target = await harness.compartment('12');
    harness.hardware.setDoor(target.lock, 'closed');
    harness.events.length = 0;

    harness.hardware.setDoor(target.lock, 'open');

    expect(harness.events.map((event) => event.name)).toEqual([
      'door.changed',
      'door.alarm',
      'compartment.changed',
    ]);
    expect(harness.eventsNamed('door.alarm')).toEqual([
      { compartmentId: target.id, label: '12', alarm: 'opened_without_command' },
    ]);
    expect(harness.eventsNamed('compartment.changed')).toEqual([
      {
        ...target,
        door: 'open',
        service: 'out_of_service',
        serviceReason: 'door_forced_open',
      },
    ]);
    const facts = harness.facts();
    expect(facts.map((fact) => [fact.type, fact.actor])).toEqual([
      ['door.opened', 'door-sensor'],
      ['door.opened_without_command', 'door-sensor'],
      ['compartment.taken_out_of_service', 'system'],
    ]);
    expect(facts[2]!.details).toMatchObject({ reason: 'door_forced_open' });
    expect(facts.every((fact) => fact.outbox?.name === fact.type)).toBe(true);
    expect(
      harness.rows('SELECT service_state, service_reason FROM compartment WHERE id = ?', target.id),
    ).toEqual([{ service_state: 'out_of_service', service_reason: 'door_forced_open' }]);
  });

  it('keeps the first reason when an out-of-service door is forced again', async () => {
    const target = await harness.compartment('13');
    harness.hardware.setDoor(target.lock, 'closed');
    await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });
    harness.events.length = 0;

    harness.hardware.setDoor(target.lock, 'open');

    expect(harness.eventsNamed('door.alarm').map((event) => event.alarm)).toEqual([
      'opened_without_command',
    ]);
    expect(harness.eventsNamed('compartment.changed')).toEqual([]);
    expect(harness.factTypes(target.id)).toEqual([
      'compartment.taken_out_of_service',
      'door.opened',
      'door.opened_without_command',
    ]);
    expect((await harness.compartment('13')).serviceReason).toBe('operator_request');
  });

  it('only the forced door goes out of service; its neighbours stay in service', async () => {
    const forced = await harness.compartment('14');
    const neighbour = await harness.compartment('15');
    harness.hardware.setDoor(forced.lock, 'closed');
    harness.hardware.setDoor(neighbour.lock, 'closed');
    harness.hardware.setDoor(forced.lock, 'open');

    const views = await harness.compartments();
    expect(views.filter((view) => view.service === 'out_of_service').map((v) => v.label)).toEqual([
      '14',
    ]);
  });

  it('ignores a door on a lock that no compartment is wired to', async () => {
    const unwired = { board: 1, channel: 16 };
    expect((await harness.compartments()).some((view) => view.lock.channel === 16)).toBe(false);
    harness.hardware.setDoor(unwired, 'closed');
    harness.hardware.setDoor(unwired, 'open');
    await harness.clock.advance(10 * 60_000);

    expect(harness.facts()).toEqual([]);
    // Ten minutes also end the harness's idle session: that is not about doors.
    expect(harness.events.filter((event) => event.name !== 'session.ended')).toEqual([]);
  });

  it('pushes lock bus status changes as hardware.changed', async () => {
    harness.hardware.setHardwareStatus('degraded');
    harness.hardware.setHardwareStatus('ok');
    expect(harness.eventsNamed('hardware.changed')).toEqual([
      { hardware: 'degraded' },
      { hardware: 'ok' },
    ]);
    expect((await harness.call('bank.overview', {})).hardware).toBe('ok');
  });
});
