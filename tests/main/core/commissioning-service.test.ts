import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/** The commissioning walk: pulse each door and record whether it was seen open. */
describe('commissioning.pulse / commissioning.results', () => {
  let harness: CoreHarness;

  async function pulse(label: string, outcome: UnlockOutcome) {
    const target = await harness.compartment(label);
    harness.hardware.nextOutcome = outcome;
    const check = await harness.call('commissioning.pulse', { compartmentId: target.id });
    if (outcome === 'door_seen_open') {
      harness.hardware.setDoor(target.lock, 'closed');
    }
    return check;
  }

  beforeEach(async () => {
    harness = await startCoreHarness();
    for (const view of await harness.compartments()) {
      harness.hardware.setDoor(view.lock, 'closed');
    }
    harness.events.length = 0;
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('pulses the door and records unlock_requested, then commissioning.checked with the outcome', async () => {
    const target = await harness.compartment('5');
    await harness.clock.advance(1234);

    const check = await pulse('5', 'door_seen_open');

    expect(check).toEqual({
      compartmentId: target.id,
      label: '5',
      outcome: 'door_seen_open',
      checkedAt: harness.clock.now(),
    });
    expect(harness.hardware.unlocked).toEqual([target.lock]);
    const facts = harness.facts();
    expect(facts.map((fact) => [fact.type, fact.actor, fact.details])).toEqual([
      [
        'compartment.unlock_requested',
        harness.actor,
        { label: '5', ...target.lock, purpose: 'commissioning' },
      ],
      ['door.opened', 'door-sensor', { label: '5', ...target.lock }],
      [
        'commissioning.checked',
        harness.actor,
        { label: '5', ...target.lock, outcome: 'door_seen_open' },
      ],
      ['door.closed', 'door-sensor', { label: '5', ...target.lock }],
    ]);
    expect(facts.every((fact) => fact.outbox?.name === fact.type)).toBe(true);
    // A commanded opening: no alarm.
    expect(harness.eventsNamed('door.alarm')).toEqual([]);
  });

  it('shows the latest result of each compartment, in bus order', async () => {
    await pulse('13', 'jammed');
    await pulse('2', 'outcome_unknown');
    await harness.clock.advance(60_000);
    await pulse('2', 'door_seen_open');
    await pulse('1', 'door_already_open');

    const results = await harness.call('commissioning.results', {});

    expect(results.map((check) => [check.label, check.outcome])).toEqual([
      ['1', 'door_already_open'],
      ['2', 'door_seen_open'],
      ['13', 'jammed'],
    ]);
    expect(results.find((check) => check.label === '2')?.checkedAt).toBe(harness.clock.now());
    // Every check stays in the activity log; the table holds only the latest.
    expect(harness.factTypes().filter((type) => type === 'commissioning.checked')).toHaveLength(4);
    expect(harness.rows('SELECT COUNT(*) AS count FROM commissioning_check')).toEqual([
      { count: 3 },
    ]);
  });

  it('links each result to the fact that recorded it', async () => {
    await pulse('3', 'jammed');
    expect(
      harness.rows(
        `SELECT a.type, json_extract(a.details, '$.outcome') AS outcome FROM commissioning_check c
           JOIN activity_log a ON a.id = c.activity_id`,
      ),
    ).toEqual([{ type: 'commissioning.checked', outcome: 'jammed' }]);
  });

  it('answers an empty list before the walk', async () => {
    expect(await harness.call('commissioning.results', {})).toEqual([]);
  });

  it('refuses to pulse while the lock bus is degraded, in the caller’s language, recording nothing', async () => {
    const target = await harness.compartment('4');
    harness.hardware.setHardwareStatus('degraded');

    const english = await harness.invoke('commissioning.pulse', { compartmentId: target.id });
    const french = await harness.invoke('commissioning.pulse', { compartmentId: target.id }, 'fr');

    expect(english).toEqual({
      ok: false,
      error: {
        code: 'hardware_unavailable',
        message: 'The lock boards are not answering. Please call the mailroom.',
      },
    });
    expect(french).toEqual({
      ok: false,
      error: {
        code: 'hardware_unavailable',
        message: 'Les cartes de serrures ne répondent pas. Veuillez appeler le service courrier.',
      },
    });
    expect(harness.hardware.unlocked).toEqual([]);
    expect(harness.facts()).toEqual([]);
    expect(await harness.call('commissioning.results', {})).toEqual([]);
  });

  it('answers not_found for a compartment that does not exist', async () => {
    const result = await harness.invoke('commissioning.pulse', { compartmentId: 'nope' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such compartment.' },
    });
    expect(harness.hardware.unlocked).toEqual([]);
  });

  it('keeps the results across a restart', async () => {
    await pulse('6', 'jammed');
    await harness.restart();
    expect((await harness.call('commissioning.results', {})).map((c) => c.label)).toEqual(['6']);
  });
});
