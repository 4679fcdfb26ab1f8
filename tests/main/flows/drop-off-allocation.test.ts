import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DropOffRequest, RecipientRef } from '../../../src-shared/api/drop-off-methods.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { demoDedication } from '../../../src-main/db/seed-demo-parcels.js';
import type { CoreHarness } from '../core/core-harness.js';
import {
  changeSettings,
  contactNamed,
  contactOf,
  depositParcel,
  dropOffRequest,
  idOfLabel,
  startFlowHarness,
} from './flow-kit.js';

/**
 * The engine's choice as the drop-off screen gets it (dropoff.propose, then dropoff.start): the
 * demo bank's columns are S 165–195, M 135–165, S 110–135, S 85–110, M 55–85, L 15–55 cm
 * (labels 1–6, 7–12, …); only the S 85–110 and M 55–85 doors (4, 5, 10, 11, …) are within
 * 38–122 cm (B5).
 */
const accessibleLabels = ['4', '5', '10', '11', '16', '17', '22', '23'];
/** The demo keeps one accessible compartment for Finance (D5): not Élodie's as a person. */
const herAccessibleLabels = accessibleLabels.filter(
  (label) => label !== demoDedication.compartmentLabel,
);
const b5Headline = 'No compartment is currently available in the selected locker';

describe('drop-off allocation', () => {
  let harness: CoreHarness;
  let elodie: RecipientRef;
  let james: RecipientRef;

  beforeEach(async () => {
    harness = await startFlowHarness();
    elodie = contactOf(harness, 'P10001');
    james = contactNamed(harness, "James O'Connor");
  });
  afterEach(async () => {
    await harness.stop();
  });

  async function propose(request: DropOffRequest) {
    return harness.call('dropoff.propose', { request });
  }

  it.each<{
    who: string;
    size: CompartmentSize | null;
    label: string;
    reasons: string[];
  }>([
    {
      who: 'James',
      size: null,
      label: '3',
      reasons: ['Compartment 3 is of the smallest free size that fits (Small).'],
    },
    {
      who: 'James',
      size: 'M',
      label: '2',
      reasons: ['Compartment 2 is of the smallest free size that fits (Medium).'],
    },
    {
      who: 'James',
      size: 'L',
      label: '6',
      reasons: ['Compartment 6 is of the smallest free size that fits (Large).'],
    },
    {
      who: 'Élodie',
      size: 'S',
      label: '4',
      reasons: [
        'Compartment 4 is of the smallest free size that fits (Small).',
        'The door of compartment 4 is 85–110 cm from the floor, within reach for this recipient.',
      ],
    },
    {
      who: 'Élodie',
      size: 'M',
      label: '5',
      reasons: [
        'Compartment 5 is of the smallest free size that fits (Medium).',
        'The door of compartment 5 is 55–85 cm from the floor, within reach for this recipient.',
      ],
    },
  ])('the engine gives $who a $size parcel compartment $label, saying why', async (row) => {
    const recipient = row.who === 'James' ? james : elodie;
    const proposal = await propose(dropOffRequest(recipient, { parcelSize: row.size }));
    expect(proposal).toMatchObject({ ok: true, compartment: { label: row.label } });
    expect(proposal.ok && proposal.reasons).toEqual(row.reasons);
    // The door that opens is the one proposed.
    const started = await harness.call('dropoff.start', {
      request: dropOffRequest(recipient, { parcelSize: row.size }),
    });
    expect(started).toMatchObject({ state: 'door_open', compartment: { label: row.label } });
  });

  it('upsizes when no compartment of the parcel’s size is free', async () => {
    for (const label of ['1', '3', '4', '7', '9', '10', '13', '15', '16', '19', '21', '22']) {
      await harness.call('compartment.setService', {
        compartmentId: await idOfLabel(harness, label),
        service: 'out_of_service',
      });
    }
    const proposal = await propose(dropOffRequest(james, { parcelSize: 'S' }));
    expect(proposal).toMatchObject({ ok: true, compartment: { size: 'M', label: '2' } });
    expect(proposal.ok && proposal.reasons[0]).toBe(
      'No compartment of size Small was free, so compartment 2 (Medium) was used.',
    );
  });

  it('B5: gives an accessible recipient only doors between 38 and 122 cm, until none is left', async () => {
    const given: string[] = [];
    for (let parcel = 0; parcel < herAccessibleLabels.length; parcel++) {
      // C7 on: each parcel needs a compartment of its own.
      if (parcel === 0) {
        await changeSettings(harness, (settings) => ({
          ...settings,
          oneParcelPerCompartment: true,
        }));
      }
      const done = await depositParcel(harness, dropOffRequest(elodie));
      given.push(done.compartment.label);
      expect(done.compartment.doorBottomCm).toBeGreaterThanOrEqual(38);
      expect(done.compartment.doorTopCm).toBeLessThanOrEqual(122);
    }
    expect([...given].sort()).toEqual([...herAccessibleLabels].sort());

    const accessibilityCause =
      'This recipient needs an accessible door, entirely between 38 and 122 cm from the floor, and no free compartment of a fitting size has one.';
    const proposal = await propose(dropOffRequest(elodie));
    expect(proposal).toMatchObject({ ok: false, message: b5Headline });
    // B5's reason first; then what else kept the other doors from her (D5, C7).
    const causes = proposal.ok ? [] : proposal.causes;
    expect(causes[0]).toBe(accessibilityCause);
    expect(causes.slice(1)).toEqual([
      'Some free compartments of a fitting size are dedicated to other recipients or departments.',
      'This locker allows one parcel per compartment, so compartment 4, which already holds parcels for this recipient, cannot take another.',
    ]);
    const refused = await harness.invoke('dropoff.start', { request: dropOffRequest(elodie) });
    expect(refused.ok === false && refused.error.code).toBe('no_compartment_available');
    expect(refused.ok === false && refused.error.message).toMatch(
      new RegExp(`^${b5Headline}\\. ${accessibilityCause} Some free compartments`),
    );
    // In French, the same sentence the French screens show.
    const refusedInFrench = await harness.invoke(
      'dropoff.start',
      { request: dropOffRequest(elodie) },
      'fr',
    );
    expect(refusedInFrench.ok === false && refusedInFrench.error.message).toMatch(
      /^Aucun casier n’est actuellement disponible dans la consigne sélectionnée\. /,
    );
    // Someone without the need still gets a door: the bank is not full.
    expect(await propose(dropOffRequest(james))).toMatchObject({ ok: true });
  });

  it('D6: adds a recipient’s next parcel to the compartment that already holds theirs', async () => {
    const first = await depositParcel(harness, dropOffRequest(james));
    const proposal = await propose(dropOffRequest(james));
    expect(proposal).toMatchObject({ ok: true, compartment: { label: first.compartment.label } });
    expect(proposal.ok && proposal.reasons[0]).toBe(
      `Added to compartment ${first.compartment.label}, which already holds parcels for this recipient.`,
    );
    const second = await depositParcel(harness, dropOffRequest(james));
    expect(second.compartment.id).toBe(first.compartment.id);
    expect(
      harness.rows(
        "SELECT count(*) AS n FROM parcel WHERE compartment_id = ? AND state = 'in_locker'",
        first.compartment.id,
      ),
    ).toEqual([{ n: 2 }]);
    // Someone else never joins James's compartment.
    const other = await propose(dropOffRequest(elodie));
    expect(other.ok && other.compartment.id).not.toBe(first.compartment.id);
  });

  it('C7: one parcel per compartment turns consolidation off', async () => {
    const first = await depositParcel(harness, dropOffRequest(james));
    await changeSettings(harness, (settings) => ({ ...settings, oneParcelPerCompartment: true }));
    const second = await depositParcel(harness, dropOffRequest(james));
    expect(second.compartment.id).not.toBe(first.compartment.id);
    expect(second.reasons[0]).not.toMatch(/already holds parcels/);
  });

  it('C2: refuses a drop-off without a label when the bank requires one', async () => {
    await changeSettings(harness, (settings) => ({
      ...settings,
      dropOff: { ...settings.dropOff, labelScan: 'required' },
    }));
    for (const method of ['dropoff.propose', 'dropoff.start'] as const) {
      const refused = await harness.invoke(method, { request: dropOffRequest(james) });
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'label_required',
          message:
            "This bank needs the parcel's label: scan it, or type the tracking number if the barcode is damaged.",
        },
      });
    }
    expect(harness.hardware.unlocked).toEqual([]);
    const typed = await harness.call('dropoff.start', {
      request: dropOffRequest(james, { trackingNumber: 'DAMAGED-LABEL-42' }),
    });
    expect(typed.state).toBe('door_open');
  });

  it('D8: a compartment chosen by hand is used, and refused when the bank turns hand choice off', async () => {
    const byHand = dropOffRequest(james, {
      placement: { kind: 'compartment', compartmentId: await idOfLabel(harness, '18') },
    });
    const proposal = await propose(byHand);
    expect(proposal).toMatchObject({ ok: true, compartment: { label: '18' } });
    expect(proposal.ok && proposal.reasons).toContain(
      'You chose compartment 18, and it can be used for this parcel.',
    );

    await changeSettings(harness, (settings) => ({
      ...settings,
      dropOff: { ...settings.dropOff, handChoice: false },
    }));
    for (const method of ['dropoff.propose', 'dropoff.start'] as const) {
      const refused = await harness.invoke(method, { request: byHand });
      expect(refused.ok === false && refused.error.code).toBe('permission_denied');
    }
    expect(harness.hardware.unlocked).toEqual([]);
  });
});
