import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompartmentView } from '../../../src-shared/domain/compartment.js';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import { saveSettings, startCoreHarness, type CoreHarness } from './core-harness.js';

/**
 * X2: a door that fails to open failuresBeforeOutOfService times in a row (3 on the demo bank)
 * goes out of service with reason door_failed_to_open.
 */
describe('failed openings in a row', () => {
  let harness: CoreHarness;
  let target: CompartmentView;

  async function openWith(...outcomes: UnlockOutcome[]): Promise<void> {
    for (const outcome of outcomes) {
      harness.hardware.nextOutcome = outcome;
      await harness.call('compartment.open', { compartmentId: target.id });
      // Door seen open: close it again, as the person at the door would.
      harness.hardware.setDoor(target.lock, 'closed');
      await harness.clock.advance(1000);
    }
  }

  async function service(): Promise<Pick<CompartmentView, 'service' | 'serviceReason'>> {
    const { service: state, serviceReason } = await harness.compartment(target.label);
    return { service: state, serviceReason };
  }

  const inService = { service: 'in_service', serviceReason: null };
  const failedToOpen = { service: 'out_of_service', serviceReason: 'door_failed_to_open' };

  beforeEach(async () => {
    harness = await startCoreHarness();
    target = await harness.compartment('16');
    harness.hardware.setDoor(target.lock, 'closed');
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('takes the compartment out of service at the third jam, not before', async () => {
    await openWith('jammed', 'jammed');
    expect(await service()).toEqual(inService);
    expect(harness.eventsNamed('door.alarm')).toEqual([]);

    await openWith('jammed');

    expect(await service()).toEqual(failedToOpen);
    expect(harness.eventsNamed('door.alarm')).toEqual([
      { compartmentId: target.id, label: '16', alarm: 'failed_to_open' },
    ]);
    expect(harness.eventsNamed('compartment.changed')).toEqual([
      { ...target, door: 'closed', ...failedToOpen },
    ]);
    const facts = harness.facts().filter((fact) => fact.compartmentId === target.id);
    const takenOut = facts.filter((fact) => fact.type === 'compartment.taken_out_of_service');
    expect(takenOut.map((fact) => [fact.actor, fact.details])).toEqual([
      ['system', { label: '16', reason: 'door_failed_to_open', failures: 3 }],
    ]);
    expect(takenOut[0]?.outbox?.name).toBe('compartment.taken_out_of_service');
    // Written in the transaction of the third observation: the very next fact, same time.
    const third = facts.findLast((fact) => fact.type === 'compartment.unlock_observed')!;
    expect(facts.at(-1)).toBe(takenOut[0]);
    expect(facts.at(-2)).toBe(third);
    expect(takenOut[0]!.outbox!.id).toBe(third.outbox!.id + 1);
    expect(takenOut[0]!.wallTime).toBe(third.wallTime);
  });

  it('starts counting again after a door seen open or already open', async () => {
    await openWith('jammed', 'jammed', 'door_seen_open', 'jammed', 'jammed');
    expect(await service()).toEqual(inService);
    await openWith('door_already_open', 'jammed', 'jammed');
    expect(await service()).toEqual(inService);
    await openWith('jammed');
    expect(await service()).toEqual(failedToOpen);
  });

  it('neither counts nor forgives an unknown outcome (the board, not the door, failed)', async () => {
    await openWith('jammed', 'outcome_unknown', 'outcome_unknown', 'jammed');
    expect(await service()).toEqual(inService);
    await openWith('outcome_unknown', 'jammed');
    expect(await service()).toEqual(failedToOpen);
  });

  it('counts each compartment on its own', async () => {
    const other = await harness.compartment('17');
    harness.hardware.setDoor(other.lock, 'closed');
    await openWith('jammed', 'jammed');
    harness.hardware.nextOutcome = 'jammed';
    await harness.call('compartment.open', { compartmentId: other.id });
    expect(await service()).toEqual(inService);
    expect((await harness.compartment('17')).service).toBe('in_service');
  });

  it('starts again from zero when an operator puts the compartment back in service', async () => {
    await openWith('jammed', 'jammed', 'jammed');
    expect(await service()).toEqual(failedToOpen);
    await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'in_service',
    });
    await openWith('jammed', 'jammed');
    expect(await service()).toEqual(inService);
    await openWith('jammed');
    expect(await service()).toEqual(failedToOpen);
  });

  it('leaves an operator’s reason alone: an out-of-service compartment is not taken out again', async () => {
    await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });
    await openWith('jammed', 'jammed', 'jammed', 'jammed');
    expect(await service()).toEqual({
      service: 'out_of_service',
      serviceReason: 'operator_request',
    });
    expect(harness.eventsNamed('door.alarm')).toEqual([]);
    expect(
      harness.factTypes(target.id).filter((type) => type === 'compartment.taken_out_of_service'),
    ).toHaveLength(1);
  });

  it('does not count commissioning pulses (they test the wiring, not the door)', async () => {
    harness.hardware.nextOutcome = 'jammed';
    for (let pulse = 0; pulse < 3; pulse++) {
      await harness.call('commissioning.pulse', { compartmentId: target.id });
    }
    expect(await service()).toEqual(inService);
  });

  it('survives a restart: the count is read from the recorded facts', async () => {
    await openWith('jammed', 'jammed');
    await harness.restart();
    harness.hardware.setDoor(target.lock, 'closed');
    await openWith('jammed');
    expect(await service()).toEqual(failedToOpen);
  });

  it('follows the profile: failuresBeforeOutOfService 1 takes it out at the first jam', async () => {
    await saveSettings(harness, { failuresBeforeOutOfService: 1 });
    await openWith('jammed');
    expect(await service()).toEqual(failedToOpen);
  });

  it('follows the profile: a higher threshold waits longer', async () => {
    await saveSettings(harness, { failuresBeforeOutOfService: 5 });
    await openWith('jammed', 'jammed', 'jammed', 'jammed');
    expect(await service()).toEqual(inService);
    await openWith('jammed');
    expect(await service()).toEqual(failedToOpen);
  });
});
