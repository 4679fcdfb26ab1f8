import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findHandoverDetails } from '../../../src-main/db/queries/handovers.js';
import { handoverView } from '../../../src-main/flows/handovers/handover-views.js';
import type { RecipientRef } from '../../../src-shared/api/drop-off-methods.js';
import type { HandoverView } from '../../../src-shared/api/handover-methods.js';
import type { CoreHarness } from '../core/core-harness.js';
import { contactNamed, contactOf, parcelRow, startFlowHarness, takeParcels } from './flow-kit.js';
import { dropWithCode, handoverRequest, handoverRow, lastNoticeOf } from './handover-kit.js';

/** D4: one person leaves an item, another picks it up with their own code. */
describe('exchanges (D4)', () => {
  let harness: CoreHarness;
  let james: RecipientRef;
  let elodie: RecipientRef;

  beforeEach(async () => {
    harness = await startFlowHarness();
    james = contactNamed(harness, "James O'Connor");
    elodie = contactOf(harness, 'P10001');
  });
  afterEach(async () => {
    await harness.stop();
  });

  /** What the mailroom would see of it now (no method shows a closed one). */
  function viewNow(handoverId: string): HandoverView | undefined {
    const details = harness.writeDatabase((tx) => findHandoverDetails(tx, handoverId));
    return details && handoverView(details, harness.clock.now());
  }

  it('D4 end to end: generated tracking number, both codes, pickup through E1, picked up', async () => {
    const created = await harness.call('handover.create', {
      request: handoverRequest('exchange', james.id, {
        receiverContactId: elodie.id,
        generateTrackingNumber: true,
      }),
    });
    expect(created).toMatchObject({
      kind: 'exchange',
      state: 'awaiting_drop',
      senderName: "James O'Connor",
      receiverName: 'Élodie Lefèvre',
    });
    const trackingNumber = created.trackingNumber ?? '';
    expect(trackingNumber).toMatch(/^CX[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/);

    const senderNotice = await lastNoticeOf(harness, 'exchange_drop_off_code');
    expect(senderNotice).toMatchObject({
      toName: "James O'Connor",
      language: 'en',
      subject: 'Your code to leave an item for Élodie Lefèvre: Demo lobby bank',
    });
    expect(senderNotice.text).toContain('Picked up by: Élodie Lefèvre');
    expect(senderNotice.text).toContain(`Tracking number: ${trackingNumber}`);

    const dropped = await dropWithCode(harness, senderNotice.code);
    expect(dropped).toMatchObject({
      kind: 'exchange',
      state: 'completed',
      receiverFirstName: 'Élodie',
      trackingNumber,
    });
    // B5: Élodie picks it up, so her reach decides the door.
    expect(dropped.compartment.doorBottomCm).toBeGreaterThanOrEqual(38);
    expect(dropped.compartment.doorTopCm).toBeLessThanOrEqual(122);
    const parcelId = handoverRow(harness, created.handoverId)['parcel_id'] as string;
    expect(parcelRow(harness, parcelId)).toMatchObject({
      kind: 'exchange',
      state: 'in_locker',
      contact_id: elodie.id,
      tracking_number: trackingNumber,
    });
    // The sender's code is used up; the receiver's code is an ordinary pickup code.
    expect(
      harness.rows(
        'SELECT purpose, consumed_at FROM access_code WHERE target_id IN (?, ?) ORDER BY issued_at, purpose',
        created.handoverId,
        parcelId,
      ),
    ).toEqual([
      { purpose: 'exchange_drop_off', consumed_at: harness.clock.now() },
      { purpose: 'pickup', consumed_at: null },
    ]);

    const ready = await lastNoticeOf(harness, 'exchange_ready');
    expect(ready).toMatchObject({
      toName: 'Élodie Lefèvre',
      language: 'fr',
      subject: "James O'Connor a laissé un objet pour vous\u00a0: Demo lobby bank",
    });
    expect(ready.text).toContain(`Code de retrait\u00a0: ${ready.code}`);
    expect(ready.text).toContain(`Casier\u00a0: ${dropped.compartment.label}`);
    expect(ready.qrText).toMatch(/^CSR1-PU-/);
    const activity = JSON.stringify(harness.rows('SELECT details FROM activity_log'));
    expect(activity).not.toContain(ready.code);
    expect(activity).not.toContain(senderNotice.code);

    const again = await harness.invoke('handover.withCode', { code: senderNotice.code });
    expect(again.ok === false && again.error.code).toBe('invalid_code');

    const pickup = await harness.call('pickup.withCode', { code: ready.code });
    expect(pickup).toMatchObject({ greetingName: 'Élodie', parcels: [{ parcelId }] });
    const taken = await takeParcels(harness, pickup, [parcelId]);
    expect(taken.parcels[0]?.state).toBe('taken');
    expect(parcelRow(harness, parcelId)['state']).toBe('picked_up');
    // Derived from its parcel: the pickup flow knows nothing of hand-overs, but the mailroom's
    // list is told at once.
    expect(viewNow(created.handoverId)?.state).toBe('picked_up');
    expect(
      harness
        .eventsNamed('handover.changed')
        .filter((view) => view.handoverId === created.handoverId)
        .at(-1)?.state,
    ).toBe('picked_up');
    expect(await harness.call('handover.list', {})).toEqual([]);
    expect(
      harness
        .factTypes()
        .filter(
          (type) => /^(handover|notification|parcel)\./.test(type) || type === 'pickup.started',
        ),
    ).toEqual([
      'handover.created',
      'notification.queued',
      'handover.drop_started',
      'handover.dropped',
      'notification.queued',
      'pickup.started',
      'parcel.picked_up',
    ]);
  });

  it('an exchange cannot be collected by the mailroom: its receiver picks it up', async () => {
    const created = await harness.call('handover.create', {
      request: handoverRequest('exchange', james.id, { receiverContactId: elodie.id }),
    });
    expect(created.trackingNumber).toBeNull();
    await dropWithCode(harness, (await lastNoticeOf(harness, 'exchange_drop_off_code')).code);
    const refused = await harness.invoke('handover.collect', { handoverId: created.handoverId });
    expect(refused.ok === false && refused.error.code).toBe('handover_refused');
    expect(await harness.call('handover.list', {})).toMatchObject([
      { handoverId: created.handoverId, state: 'in_locker' },
    ]);
  });

  it('generated tracking numbers differ from each other', async () => {
    const numbers = new Set<string | null>();
    for (let index = 0; index < 5; index++) {
      const created = await harness.call('handover.create', {
        request: handoverRequest('return', james.id, { generateTrackingNumber: true }),
      });
      expect(created.trackingNumber).toMatch(/^CR[23456789A-HJ-NP-Z]{10}$/);
      numbers.add(created.trackingNumber);
    }
    expect(numbers.size).toBe(5);
  });
});
