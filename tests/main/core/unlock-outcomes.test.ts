import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/** X2: what the sensors saw after an unlock is its own fact, never "pulse sent = open". */
describe('unlock outcomes recorded as facts', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startCoreHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  const cases: { outcome: UnlockOutcome; doorBefore: 'open' | 'closed'; facts: string[] }[] = [
    {
      outcome: 'door_seen_open',
      doorBefore: 'closed',
      facts: ['compartment.unlock_requested', 'door.opened', 'compartment.unlock_observed'],
    },
    {
      outcome: 'door_already_open',
      doorBefore: 'open',
      facts: ['compartment.unlock_requested', 'compartment.unlock_observed'],
    },
    {
      outcome: 'jammed',
      doorBefore: 'closed',
      facts: ['compartment.unlock_requested', 'compartment.unlock_observed'],
    },
    {
      outcome: 'outcome_unknown',
      doorBefore: 'closed',
      facts: ['compartment.unlock_requested', 'compartment.unlock_observed'],
    },
  ];

  it.each(cases)(
    '$outcome: request and observation are two facts, each with its outbox row',
    async ({ outcome, doorBefore, facts }) => {
      const target = await harness.compartment('3');
      harness.hardware.setDoor(target.lock, doorBefore); // first reading: learnt, not recorded
      harness.hardware.nextOutcome = outcome;

      const result = await harness.invoke('compartment.open', { compartmentId: target.id });

      expect(result).toEqual({
        ok: true,
        value: { compartmentId: target.id, label: '3', outcome },
      });
      expect(harness.hardware.unlocked).toEqual([target.lock]);
      const recorded = harness.facts();
      expect(recorded.map((fact) => fact.type)).toEqual(facts);
      expect(recorded.every((fact) => fact.compartmentId === target.id)).toBe(true);
      // Activity and outbox rows are written together: same name, same HLC, ids 1, 2, 3…
      expect(recorded.map((fact) => fact.outbox)).toEqual(
        recorded.map((fact, index) => ({
          id: harness.outboxBase + index + 1,
          name: fact.type,
          hlc: fact.hlc,
        })),
      );
      const observed = recorded.find((fact) => fact.type === 'compartment.unlock_observed');
      expect(observed?.details).toMatchObject({ label: '3', outcome });
      expect(observed?.actor).toMatch(/^operator:/);
      const requested = recorded[0]!;
      expect(requested.details).toMatchObject({ label: '3', ...target.lock });
      // None of these is an opening nobody asked for.
      expect(harness.eventsNamed('door.alarm')).toEqual([]);
      expect((await harness.compartment('3')).service).toBe('in_service');
    },
  );

  it('records the door moving while the unlock is watched between request and observation', async () => {
    const target = await harness.compartment('7');
    harness.hardware.setDoor(target.lock, 'closed');
    await harness.call('compartment.open', { compartmentId: target.id });
    harness.hardware.setDoor(target.lock, 'closed');

    expect(harness.factTypes(target.id)).toEqual([
      'compartment.unlock_requested',
      'door.opened',
      'compartment.unlock_observed',
      'door.closed',
    ]);
    expect(harness.eventsNamed('door.changed').map((event) => event.door)).toEqual([
      'closed',
      'open',
      'closed',
    ]);
  });

  it('still opens an out-of-service compartment (the operator must be able to empty it)', async () => {
    const target = await harness.compartment('4');
    await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });
    const result = await harness.call('compartment.open', { compartmentId: target.id });
    expect(result.outcome).toBe('door_seen_open');
    expect(harness.hardware.unlocked).toEqual([target.lock]);
  });
});
