import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecipientRef } from '../../../src-shared/api/drop-off-methods.js';
import { demoMailroomBadge } from '../../helpers/demo-session.js';
import type { CoreHarness } from '../core/core-harness.js';
import {
  contactNamed,
  contactOf,
  depositParcel,
  dropOffRequest,
  lastNotice,
  lockOfId,
  parcelRow,
  scanned,
  startFlowHarness,
} from './flow-kit.js';
import {
  dropWithCode,
  handoverRequest,
  handoverRow,
  lastNoticeOf,
  readHandoverNotices,
} from './handover-kit.js';

const dayMs = 24 * 60 * 60_000;

/** D3: a return from the mailroom's reservation to its collection, every step recorded. */
describe('returns (D3)', () => {
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

  const handoverFacts = () =>
    harness
      .factTypes()
      .filter((type) => type.startsWith('handover.') || type === 'notification.queued');

  it('D3 end to end: reserve, notice, drop at the kiosk, shown as a return, collected', async () => {
    const mailroom = await harness.signInWithScan(demoMailroomBadge);
    const created = await harness.call('handover.create', {
      session: mailroom,
      request: handoverRequest('return', james.id, { size: 'M', trackingNumber: 'RMA-4471' }),
    });
    expect(created).toMatchObject({
      kind: 'return',
      state: 'awaiting_drop',
      size: 'M',
      senderName: "James O'Connor",
      receiverName: null,
      trackingNumber: 'RMA-4471',
      compartment: null,
      droppedAtMs: null,
      dropByMs: harness.clock.now() + 3 * dayMs,
      noticeQueued: true,
    });
    expect(await harness.call('handover.list', {})).toEqual([created]);
    expect(harness.eventsNamed('handover.changed')).toEqual([created]);

    const notice = await lastNoticeOf(harness, 'return_code');
    expect(notice).toMatchObject({
      toName: "James O'Connor",
      language: 'en',
      subject: 'Your code to drop off a return: Demo lobby bank',
      qrText: null,
    });
    expect(notice.code).toMatch(/^\d{6,}$/);
    expect(notice.text).toContain('Compartment size: Medium');
    expect(notice.text).toContain('Tracking number: RMA-4471');
    // Decision 0009: the clear code is in the message and its outbox row only.
    const activity = JSON.stringify(harness.rows('SELECT details FROM activity_log'));
    expect(activity).not.toContain(notice.code);

    const dropped = await dropWithCode(harness, notice.code);
    expect(dropped).toMatchObject({ kind: 'return', state: 'completed', receiverFirstName: null });
    expect(dropped.compartment.size).toBe('M');
    const row = handoverRow(harness, created.handoverId);
    expect(row).toMatchObject({ state: 'in_locker', compartment_id: dropped.compartment.id });
    const parcelId = row['parcel_id'] as string;
    expect(parcelRow(harness, parcelId)).toMatchObject({
      kind: 'return',
      state: 'in_locker',
      contact_id: james.id,
      tracking_number: 'RMA-4471',
      size: 'M',
    });
    expect(harness.eventsNamed('handover.changed').at(-1)).toMatchObject({
      handoverId: created.handoverId,
      state: 'in_locker',
      compartment: dropped.compartment,
    });

    // Long past any pickup window, the return is still no expired parcel: it waits for the mailroom.
    await harness.clock.advance(10 * dayMs);
    // Sessions do not last ten days: the mailroom signs in again.
    await harness.signInAdmin();
    const mailroomAgain = await harness.signInWithScan(demoMailroomBadge);
    const managed = (await harness.call('manage.compartments', {})).find(
      (compartment) => compartment.id === dropped.compartment.id,
    );
    expect(managed).toMatchObject({ use: 'occupied', parcels: [{ parcelId, kind: 'return' }] });
    expect(await harness.call('handover.list', {})).toMatchObject([
      { handoverId: created.handoverId, state: 'in_locker' },
    ]);

    const collecting = await harness.call('handover.collect', {
      session: mailroomAgain,
      handoverId: created.handoverId,
    });
    expect(collecting.state).toBe('in_locker');
    expect(parcelRow(harness, parcelId)['state']).toBe('in_locker');
    harness.hardware.setDoor(await lockOfId(harness, dropped.compartment.id), 'closed');
    expect(parcelRow(harness, parcelId)).toMatchObject({ state: 'returned' });
    expect(handoverRow(harness, created.handoverId)).toMatchObject({
      state: 'collected',
      closed_by: expect.stringMatching(/^operator:/) as string,
    });
    expect(harness.eventsNamed('handover.changed').at(-1)).toMatchObject({
      handoverId: created.handoverId,
      state: 'collected',
    });
    expect(await harness.call('handover.list', {})).toEqual([]);
    expect(handoverFacts()).toEqual([
      'handover.created',
      'notification.queued',
      'handover.drop_started',
      'handover.dropped',
      'handover.collect_started',
      'handover.collected',
    ]);
  });

  it('writes a French-speaking sender’s return code in French', async () => {
    await harness.call('handover.create', { request: handoverRequest('return', elodie.id) });
    const notice = await lastNoticeOf(harness, 'return_code');
    expect(notice).toMatchObject({ toName: 'Élodie Lefèvre', language: 'fr' });
    expect(notice.subject).toBe('Votre code pour déposer un retour\u00a0: Demo lobby bank');
    expect(notice.text).toContain(`Code de dépôt\u00a0: ${notice.code}`);
    expect(notice.text).toContain('Taille du casier\u00a0: Petit');
    const dropped = await dropWithCode(harness, notice.code);
    expect(dropped.state).toBe('completed');
  });

  it('D3: a return is never offered to its sender’s pickup, nor put behind their delivery’s door', async () => {
    const delivery = await depositParcel(harness, dropOffRequest(james));
    const deliveryCode = (await lastNotice(harness)).code;
    await harness.call('handover.create', { request: handoverRequest('return', james.id) });
    const returnCode = (await lastNoticeOf(harness, 'return_code')).code;
    const dropped = await dropWithCode(harness, returnCode);
    // Consolidation (D6) would have joined James's delivery: a return never does.
    expect(dropped.compartment.id).not.toBe(delivery.compartment.id);

    const byCode = await harness.call('pickup.withCode', { code: deliveryCode });
    expect(byCode.parcels.map((parcel) => parcel.parcelId)).toEqual([delivery.parcelId]);
    await harness.call('pickup.finish', { pickupId: byCode.pickupId });
    const byBadge = await harness.call('pickup.withScan', {
      scanId: await scanned(harness, 'EMP-P10002'),
    });
    expect(byBadge.parcels.map((parcel) => parcel.parcelId)).toEqual([delivery.parcelId]);
  });

  it('D3, D6: a delivery for the sender never joins the compartment of their waiting return', async () => {
    await harness.call('handover.create', { request: handoverRequest('return', james.id) });
    const dropped = await dropWithCode(harness, (await lastNoticeOf(harness, 'return_code')).code);
    const delivery = await depositParcel(harness, dropOffRequest(james));
    // Consolidation would put James's parcel behind the return's door, and his pickup would
    // then open on the item he handed back.
    expect(delivery.compartment.id).not.toBe(dropped.compartment.id);
  });

  it('a sender with only a return waiting has nothing to pick up', async () => {
    await harness.call('handover.create', { request: handoverRequest('return', james.id) });
    await dropWithCode(harness, (await lastNoticeOf(harness, 'return_code')).code);
    const refused = await harness.invoke('pickup.withScan', {
      scanId: await scanned(harness, 'EMP-P10002'),
    });
    expect(refused.ok === false && refused.error.code).toBe('invalid_code');
  });

  it('cancel voids the sender’s code and closes the return', async () => {
    const created = await harness.call('handover.create', {
      request: handoverRequest('return', james.id),
    });
    const code = (await lastNoticeOf(harness, 'return_code')).code;
    const cancelled = await harness.call('handover.cancel', { handoverId: created.handoverId });
    expect(cancelled.state).toBe('cancelled');
    expect(
      harness.rows(
        'SELECT voided_at FROM access_code WHERE target_id = ? AND purpose = ?',
        created.handoverId,
        'return',
      ),
    ).toEqual([{ voided_at: harness.clock.now() }]);
    const refused = await harness.invoke('handover.withCode', { code });
    expect(refused.ok === false && refused.error.code).toBe('invalid_code');
    expect(await harness.call('handover.list', {})).toEqual([]);
    expect(handoverFacts()).toEqual([
      'handover.created',
      'notification.queued',
      'handover.cancelled',
    ]);
    // Only while awaiting its item.
    const again = await harness.invoke('handover.cancel', { handoverId: created.handoverId });
    expect(again.ok === false && again.error.code).toBe('handover_refused');
  });

  it('collect refuses what is not a return in a compartment, and a door that does not open', async () => {
    const created = await harness.call('handover.create', {
      request: handoverRequest('return', james.id),
    });
    const early = await harness.invoke('handover.collect', { handoverId: created.handoverId });
    expect(early.ok === false && early.error).toEqual({
      code: 'handover_refused',
      message: 'Only a return whose item is in a compartment can be collected.',
    });
    await dropWithCode(harness, (await lastNoticeOf(harness, 'return_code')).code);
    harness.hardware.unlockAndObserve = () => Promise.resolve('jammed');
    const jammed = await harness.invoke('handover.collect', { handoverId: created.handoverId });
    expect(jammed.ok === false && jammed.error.code).toBe('hardware_unavailable');
    expect(handoverRow(harness, created.handoverId)['state']).toBe('in_locker');
    expect(harness.factTypes()).not.toContain('handover.collected');
  });

  it('a lapsed return is no longer open, and its code no longer works', async () => {
    await harness.call('handover.create', {
      request: handoverRequest('return', james.id, { dropWithinDays: 1 }),
    });
    const code = (await lastNoticeOf(harness, 'return_code')).code;
    await harness.clock.advance(dayMs);
    await harness.signInAdmin();
    expect(await harness.call('handover.list', {})).toEqual([]);
    const refused = await harness.invoke('handover.withCode', { code });
    expect(refused.ok === false && refused.error.code).toBe('invalid_code');
    expect(await readHandoverNotices(harness)).toHaveLength(1);
  });
});
