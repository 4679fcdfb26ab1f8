import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/** G4: take a compartment out of service, put it back (compartment.setService). */
describe('compartment.setService', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startCoreHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('takes it out of service: answers the new view, records the fact, pushes compartment.changed', async () => {
    const target = await harness.compartment('2');
    const expected = { ...target, service: 'out_of_service', serviceReason: 'operator_request' };

    const result = await harness.invoke('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });

    expect(result).toEqual({ ok: true, value: expected });
    expect(harness.eventsNamed('compartment.changed')).toEqual([expected]);
    expect(await harness.compartment('2')).toEqual(expected);
    const facts = harness.facts();
    expect(facts.map((fact) => [fact.type, fact.compartmentId, fact.actor, fact.details])).toEqual([
      [
        'compartment.taken_out_of_service',
        target.id,
        harness.actor,
        { label: '2', reason: 'operator_request' },
      ],
    ]);
    expect(facts[0]?.outbox).toEqual({
      id: harness.outboxBase + 1,
      name: 'compartment.taken_out_of_service',
      hlc: facts[0]?.hlc,
    });
  });

  it('puts it back in service with no reason', async () => {
    const target = await harness.compartment('2');
    await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });
    await harness.clock.advance(60_000);

    const back = await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'in_service',
    });

    expect(back).toEqual(target);
    expect(harness.eventsNamed('compartment.changed').map((view) => view.service)).toEqual([
      'out_of_service',
      'in_service',
    ]);
    expect(harness.facts().map((fact) => [fact.type, fact.details['reason']])).toEqual([
      ['compartment.taken_out_of_service', 'operator_request'],
      ['compartment.returned_to_service', null],
    ]);
    expect(
      harness.rows('SELECT service_reason, updated_at FROM compartment WHERE id = ?', target.id),
    ).toEqual([{ service_reason: null, updated_at: harness.clock.now() }]);
  });

  it('records nothing and pushes nothing when the state does not change', async () => {
    const target = await harness.compartment('2');
    const result = await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'in_service',
    });
    expect(result).toEqual(target);
    expect(harness.facts()).toEqual([]);
    expect(harness.events).toEqual([]);
  });

  it('does not replace an automatic reason with the operator’s', async () => {
    const target = await harness.compartment('2');
    harness.hardware.setDoor(target.lock, 'closed');
    harness.hardware.setDoor(target.lock, 'open'); // forced: out of service by itself
    const result = await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });
    expect(result.serviceReason).toBe('door_forced_open');
  });

  it('answers not_found in the caller’s language for another bank’s or an unknown compartment', async () => {
    const english = await harness.invoke('compartment.setService', {
      compartmentId: 'no-such-compartment',
      service: 'out_of_service',
    });
    const french = await harness.invoke(
      'compartment.setService',
      { compartmentId: 'no-such-compartment', service: 'out_of_service' },
      'fr',
    );
    expect(english).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such compartment.' },
    });
    expect(french).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Introuvable : casier.' },
    });
    expect(harness.facts()).toEqual([]);
  });

  it('refuses a service state that does not exist', async () => {
    const target = await harness.compartment('2');
    const result = await harness.invoke('compartment.setService', {
      compartmentId: target.id,
      service: 'broken',
    });
    expect(result.ok === false && result.error.code).toBe('invalid_argument');
    expect((await harness.compartment('2')).service).toBe('in_service');
  });
});
