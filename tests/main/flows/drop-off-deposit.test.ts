import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertExpectedParcel } from '../../../src-main/db/queries/parcels.js';
import { insertReservation } from '../../../src-main/db/queries/reservations.js';
import type { RecipientRef } from '../../../src-shared/api/drop-off-methods.js';
import { demoCarrierQr, demoMailroomBadge } from '../../helpers/demo-session.js';
import { saveSettings, type CoreHarness } from '../core/core-harness.js';
import {
  closeDepositDoor,
  contactNamed,
  contactOf,
  depositParcel,
  dropOffRequest,
  idOfLabel,
  lastAvailable,
  lastDepositEvent,
  lockOfId,
  nextUnlocks,
  parcelRow,
  inLocker,
  lastNotice,
  startFlowHarness,
} from './flow-kit.js';

/** A deposit from the door opening to the parcel counted, as door truth sees it (X2). */
describe('drop-off deposits', () => {
  let harness: CoreHarness;
  let elodie: RecipientRef;
  let james: RecipientRef;
  /** Parcels the demo seed already has in compartments. */
  let before: string[];

  beforeEach(async () => {
    harness = await startFlowHarness();
    before = inLocker(harness);
    elodie = contactOf(harness, 'P10001');
    james = contactNamed(harness, "James O'Connor");
  });
  afterEach(async () => {
    await harness.stop();
  });

  function bankId(): string {
    return harness.rows('SELECT id FROM locker_bank')[0]?.['id'] as string;
  }

  it('commits the parcel, its code, the facts and the notice in one transaction when the door closes', async () => {
    const started = await harness.call('dropoff.start', {
      request: dropOffRequest(james, { trackingNumber: '1Z999AA10123456784', carrier: 'ups' }),
    });
    expect(started).toMatchObject({ state: 'door_open', parcelId: null, skipped: [] });
    // Door open, parcel not yet in: nothing is deposited.
    expect(inLocker(harness)).toEqual(before);
    expect(harness.factTypes()).not.toContain('parcel.deposited');

    const done = await closeDepositDoor(harness, started);
    expect(done).toMatchObject({ state: 'completed', depositId: started.depositId });
    const parcelId = done.parcelId ?? '';
    expect(parcelRow(harness, parcelId)).toMatchObject({
      state: 'in_locker',
      compartment_id: started.compartment.id,
      tracking_number: '1Z999AA10123456784',
      contact_id: james.id,
    });
    expect(inLocker(harness)).toEqual([...before, parcelId]);
    const codes = harness.rows(
      'SELECT c.id, c.consumed_at, c.voided_at FROM access_code c JOIN access_code_parcel l ON l.access_code_id = c.id WHERE l.parcel_id = ?',
      parcelId,
    );
    expect(codes).toEqual([
      { id: expect.any(String) as string, consumed_at: null, voided_at: null },
    ]);

    const facts = harness.facts();
    const deposited = facts.find((fact) => fact.type === 'parcel.deposited');
    const queued = facts.find((fact) => fact.type === 'notification.queued');
    expect(deposited).toMatchObject({
      compartmentId: started.compartment.id,
      actor: harness.actor,
      details: { parcelId, codeId: codes[0]?.['id'] },
    });
    expect(queued).toMatchObject({ details: { parcelId, sent: true } });
    // Fact, notice, fact: three outbox rows with consecutive ids, nothing in between.
    const notices = harness.rows(
      "SELECT id FROM sync_outbox WHERE name LIKE 'notification.%' AND json_extract(args, '$.parcelIds[0]') = ?",
      parcelId,
    );
    expect(notices).toHaveLength(1);
    const depositedId = deposited?.outbox?.id ?? 0;
    expect([notices[0]?.['id'], queued?.outbox?.id]).toEqual([depositedId + 1, depositedId + 2]);

    expect(harness.eventsNamed('deposit.changed')).toEqual([done]);
    const notice = await lastNotice(harness);
    expect(notice).toMatchObject({
      toName: "James O'Connor",
      language: 'en',
      subject: 'Your parcel is ready for pickup: Demo lobby bank',
    });
    expect(notice?.text).toContain(`Compartment: ${started.compartment.label}`);
    expect(notice?.code).toMatch(/^\d{6,}$/);
    expect(notice?.qrText).toMatch(/^CSR1-PU-/);
  });

  it('writes a French-speaking recipient’s notice in French', async () => {
    await depositParcel(harness, dropOffRequest(elodie));
    const notice = await lastNotice(harness);
    expect(notice).toMatchObject({ toName: 'Élodie Lefèvre', language: 'fr' });
    expect(notice?.subject).toBe('Votre colis est prêt à être retiré\u00a0: Demo lobby bank');
    expect(notice?.text).toContain(`Code de retrait\u00a0: ${notice?.code}`);
  });

  it('sends the operator to another compartment when a door does not open', async () => {
    nextUnlocks(harness, ['jammed']);
    const started = await harness.call('dropoff.start', { request: dropOffRequest(james) });
    expect(started.state).toBe('door_open');
    expect(started.compartment.label).not.toBe('3');
    expect(started.skipped).toEqual([
      { label: '3', outcome: expect.stringContaining('3') as string },
    ]);
    expect(harness.hardware.unlocked).toHaveLength(2);
    // Door truth counted the failed opening against compartment 3.
    const jammedId = await idOfLabel(harness, '3');
    expect(
      harness
        .facts()
        .filter((fact) => fact.type === 'compartment.unlock_observed')
        .map((fact) => [fact.compartmentId, fact.details['outcome']]),
    ).toEqual([
      [jammedId, 'jammed'],
      [started.compartment.id, 'door_seen_open'],
    ]);
    const done = await closeDepositDoor(harness, started);
    expect(done.state).toBe('completed');
    expect(parcelRow(harness, done.parcelId ?? '')['compartment_id']).toBe(started.compartment.id);
  });

  it('refuses after three doors in a row did not open, with nothing deposited', async () => {
    nextUnlocks(harness, ['jammed', 'jammed', 'jammed']);
    const refused = await harness.invoke('dropoff.start', { request: dropOffRequest(james) });
    expect(refused.ok === false && refused.error.code).toBe('no_compartment_available');
    expect(harness.hardware.unlocked).toHaveLength(3);
    expect(inLocker(harness)).toEqual(before);
  });

  it('X5: a parcel that does not fit goes to a door at least one size bigger', async () => {
    const started = await harness.call('dropoff.start', { request: dropOffRequest(james) });
    expect(started.compartment).toMatchObject({ label: '3', size: 'S' });
    // The operator closes the small door on nothing and asks for a bigger one.
    const bigger = await harness.call('dropoff.biggerDoor', { depositId: started.depositId });
    expect(bigger.state).toBe('door_open');
    expect(bigger.compartment.size).not.toBe('S');
    expect(bigger.reasons).toContain(
      `Compartment 3 was too small, so compartment ${bigger.compartment.label} is bigger.`,
    );
    // The small door closing now is not the deposit.
    harness.hardware.setDoor(await lockOfId(harness, started.compartment.id), 'closed');
    expect(lastDepositEvent(harness, started.depositId)).toBeUndefined();
    const done = await closeDepositDoor(harness, bigger);
    expect(done).toMatchObject({ state: 'completed', compartment: { id: bigger.compartment.id } });
    expect(harness.factTypes()).toContain('parcel.needs_bigger_door');
  });

  it('asks before counting a door closed on an empty compartment (item sensors)', async () => {
    await saveSettings(harness, { itemSensors: true });
    const started = await harness.call('dropoff.start', { request: dropOffRequest(james) });
    const lock = await lockOfId(harness, started.compartment.id);
    harness.hardware.setItem(lock, false);

    const empty = await closeDepositDoor(harness, started);
    expect(empty.state).toBe('check_empty');
    expect(inLocker(harness)).toEqual(before);

    const reopened = await harness.call('dropoff.reopen', { depositId: started.depositId });
    expect(reopened.state).toBe('door_open');
    harness.hardware.setItem(lock, true);
    const done = await closeDepositDoor(harness, reopened);
    expect(done.state).toBe('completed');
    expect(parcelRow(harness, done.parcelId ?? '')['state']).toBe('in_locker');
  });

  it('cancel records deposit_cancelled and leaves nothing in the locker', async () => {
    const started = await harness.call('dropoff.start', { request: dropOffRequest(james) });
    const cancelled = await harness.call('dropoff.cancel', { depositId: started.depositId });
    expect(cancelled.state).toBe('cancelled');
    harness.hardware.setDoor(await lockOfId(harness, started.compartment.id), 'closed');
    expect(harness.factTypes()).toContain('parcel.deposit_cancelled');
    expect(harness.factTypes()).not.toContain('parcel.deposited');
    expect(inLocker(harness)).toEqual(before);
    expect(harness.eventsNamed('deposit.changed')).toEqual([]);
    // The compartment is free again.
    const proposal = await harness.call('dropoff.propose', { request: dropOffRequest(james) });
    expect(proposal.ok && proposal.compartment.id).toBe(started.compartment.id);
  });

  it('D9: a parcel already received in inbound tracking is identified by its label and deposited as itself', async () => {
    const expected = harness.writeDatabase((tx) =>
      insertExpectedParcel(
        tx,
        {
          bankId: bankId(),
          trackingNumber: 'INBOUND-0001',
          trackingCarrier: null,
          recipient: { contactId: elodie.id },
        },
        harness.clock.now(),
      ),
    );
    const identified = await harness.call('dropoff.identify', { text: 'INBOUND-0001' });
    expect(identified).toMatchObject({
      trackingNumber: 'INBOUND-0001',
      carrier: null,
      expectedParcelId: expected.id,
      recipient: { kind: 'contact', id: elodie.id, accessibilityNeed: true },
      reservation: null,
    });
    const done = await depositParcel(
      harness,
      dropOffRequest(elodie, {
        trackingNumber: identified.trackingNumber,
        expectedParcelId: identified.expectedParcelId,
      }),
    );
    expect(done.parcelId).toBe(expected.id);
    expect(
      harness.rows("SELECT id, state FROM parcel WHERE tracking_number = 'INBOUND-0001'"),
    ).toEqual([{ id: expected.id, state: 'in_locker' }]);
  });

  it('D2: a reservation designated to the mailroom operator is theirs alone, and the deposit fulfils it', async () => {
    const mailroomId = harness.rows("SELECT id FROM operator WHERE user_name = 'mailroom'")[0]?.[
      'id'
    ] as string;
    // A free medium compartment, whichever ones the demo seed fills.
    const { id: held, label: heldLabel } = await lastAvailable(harness, 'M');
    const reservation = harness.writeDatabase((tx) => {
      const parcel = insertExpectedParcel(
        tx,
        {
          bankId: bankId(),
          trackingNumber: 'RESERVED-0001',
          trackingCarrier: null,
          recipient: { contactId: james.id },
        },
        harness.clock.now(),
      );
      return insertReservation(
        tx,
        {
          bankId: bankId(),
          parcelId: parcel.id,
          contactId: james.id,
          size: 'S',
          compartmentId: held,
          designatedOperatorId: mailroomId,
          expiresAtMs: harness.clock.now() + 24 * 60 * 60_000,
        },
        harness.clock.now(),
      );
    });
    const mailroom = await harness.signInWithScan(demoMailroomBadge);

    const ids = (views: { id: string }[]) => views.map((view) => view.id);
    expect(ids(await harness.call('dropoff.reservations', {}))).not.toContain(reservation.id);
    const theirs = await harness.call('dropoff.reservations', { session: mailroom });
    expect(theirs.filter((view) => view.id === reservation.id)).toMatchObject([
      {
        id: reservation.id,
        trackingNumber: 'RESERVED-0001',
        compartmentLabel: heldLabel,
        designatedName: 'Camille Roy',
        recipient: { id: james.id },
      },
    ]);
    // Nobody else is given the held compartment.
    const other = await harness.call('dropoff.propose', { request: dropOffRequest(elodie) });
    expect(other.ok && other.compartment.id).not.toBe(held);

    const identified = await harness.call('dropoff.identify', {
      session: mailroom,
      text: 'RESERVED-0001',
    });
    expect(identified.reservation?.id).toBe(reservation.id);
    const done = await depositParcel(
      harness,
      dropOffRequest(james, {
        trackingNumber: 'RESERVED-0001',
        expectedParcelId: identified.expectedParcelId,
        reservationId: reservation.id,
      }),
      mailroom,
    );
    expect(done.compartment.id).toBe(held);
    expect(done.reasons[0]).toBe(
      `Compartment ${heldLabel} was reserved in advance for this parcel.`,
    );
    expect(
      harness.rows('SELECT state FROM delivery_reservation WHERE id = ?', reservation.id),
    ).toEqual([{ state: 'fulfilled' }]);
    expect(ids(await harness.call('dropoff.reservations', { session: mailroom }))).not.toContain(
      reservation.id,
    );
  });

  it('D10: a carrier signed in by QR delivers, and the parcel names the carrier', async () => {
    const carrier = await harness.signInWithScan(demoCarrierQr);
    const carrierId = harness.rows('SELECT id FROM carrier')[0]?.['id'] as string;
    const done = await depositParcel(
      harness,
      dropOffRequest(james, { trackingNumber: 'EXPRESS-77' }),
      carrier,
    );
    expect(parcelRow(harness, done.parcelId ?? '')).toMatchObject({
      carrier_id: carrierId,
      state: 'in_locker',
    });
    expect(harness.facts().find((fact) => fact.type === 'parcel.deposited')?.actor).toBe(
      `carrier:${carrierId}`,
    );
  });
});
