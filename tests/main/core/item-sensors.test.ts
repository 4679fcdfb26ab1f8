import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompartmentView } from '../../../src-shared/domain/compartment.js';
import { saveSettings, startCoreHarness, type CoreHarness } from './core-harness.js';

/** Item-presence sensors per compartment (CompartmentView.items), as the profile says. */
describe('item sensors', () => {
  let harness: CoreHarness;
  let target: CompartmentView;

  beforeEach(async () => {
    harness = await startCoreHarness();
    target = await harness.compartment('20');
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('shows null until the sensor has been read', async () => {
    expect((await harness.compartments()).every((view) => view.items === null)).toBe(true);
  });

  it('exposes each compartment’s reading and pushes compartment.changed when it changes', async () => {
    harness.hardware.setItem(target.lock, true);

    expect((await harness.compartment('20')).items).toBe(true);
    expect((await harness.compartment('21')).items).toBeNull();
    expect(harness.eventsNamed('compartment.changed')).toEqual([{ ...target, items: true }]);

    harness.hardware.setItem(target.lock, false);
    expect((await harness.compartment('20')).items).toBe(false);
    expect(harness.eventsNamed('compartment.changed').map((view) => view.items)).toEqual([
      true,
      false,
    ]);
    // A sensor reading is state, not a business fact.
    expect(harness.facts()).toEqual([]);
  });

  it('ignores the sensors when the profile says the bank has none', async () => {
    harness.hardware.setItem(target.lock, true);
    const saved = await saveSettings(harness, { itemSensors: false });
    expect(saved.settings.itemSensors).toBe(false);
    harness.events.length = 0;

    harness.hardware.setItem(target.lock, false);
    harness.hardware.setItem(target.lock, true);

    expect((await harness.compartment('20')).items).toBeNull();
    expect(harness.eventsNamed('compartment.changed')).toEqual([]);
    // Other events still carry the compartment without a reading.
    await harness.call('compartment.setService', {
      compartmentId: target.id,
      service: 'out_of_service',
    });
    expect(harness.eventsNamed('compartment.changed').map((view) => view.items)).toEqual([null]);
  });

  it('ignores them from the start on a bank whose stored profile has none', async () => {
    await saveSettings(harness, { itemSensors: false });
    await harness.restart();
    harness.hardware.setItem(target.lock, true);
    expect((await harness.compartment('20')).items).toBeNull();
  });
});
