import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyServerOps } from '../../../../src-main/sync/apply/apply-server-ops.js';
import { rebasePendingMutations } from '../../../../src-main/sync/apply/rebase-pending.js';
import type { RecipientRef } from '../../../../src-shared/api/drop-off-methods.js';
import type { CompartmentSize } from '../../../../src-shared/domain/compartment.js';
import type { PullOp } from '../../../../src-shared/sync/pull.js';
import type { CoreHarness } from '../../core/core-harness.js';
import {
  changeSettings,
  contactNamed,
  depositParcel,
  dropOffRequest,
  inLocker,
  lastNotice,
  parcelRow,
  startFlowHarness,
  takeParcels,
} from '../../flows/flow-kit.js';
import { del, put, reservationValue } from './apply-kit.js';

/**
 * The conflict cases of sync.md, on the kiosk core as production assembles it: a pull page is
 * applied through a second connection, in one transaction, as the sync client does, while the
 * flows go on through the kiosk API.
 */
describe('sync conflicts on the kiosk', () => {
  let harness: CoreHarness;
  let james: RecipientRef;
  let francois: RecipientRef;

  beforeEach(async () => {
    harness = await startFlowHarness();
    james = contactNamed(harness, "James O'Connor");
    francois = contactNamed(harness, 'François Côté');
  });
  afterEach(async () => {
    await harness.stop();
  });

  function bankId(): string {
    return harness.rows('SELECT id FROM locker_bank')[0]?.['id'] as string;
  }

  /** One pull page: ops then the pending facts on top, in one transaction (pull-apply). */
  function pullPage(ops: PullOp[], ackedThroughId = 0): void {
    harness.writeDatabase((tx) => {
      applyServerOps(tx, ops, { bankId: bankId(), nowMs: harness.clock.now(), serverOffsetMs: 0 });
      rebasePendingMutations(tx, ackedThroughId);
    });
  }

  async function freeCompartments(size: CompartmentSize): Promise<string[]> {
    return (await harness.call('manage.compartments', {}))
      .filter((view) => view.size === size && view.use === 'available' && view.heldFor === null)
      .map((view) => view.id);
  }

  /** No compartment ever holds two parcels when the bank allows one per compartment. */
  function doubleBooked(): unknown[] {
    return harness.rows(
      "SELECT compartment_id, count(*) AS n FROM parcel WHERE state = 'in_locker' GROUP BY compartment_id HAVING n > 1",
    );
  }

  function reservation(id: string): Record<string, unknown> | undefined {
    return harness.rows(
      'SELECT state, compartment_id, size FROM delivery_reservation WHERE id = ?',
      id,
    )[0];
  }

  it('cloud reservation vs walk-in deposits: the bank binds late, sizes up when it may, refuses when nothing is left', async () => {
    await changeSettings(harness, (settings) => ({ ...settings, oneParcelPerCompartment: true }));
    // Walk-ins fill every free small compartment while the reservation is still on its way.
    for (const _free of await freeCompartments('S')) {
      const done = await depositParcel(
        harness,
        dropOffRequest(james, { placement: { kind: 'size', size: 'S' } }),
      );
      expect(done.compartment.size).toBe('S');
    }
    expect(await freeCompartments('S')).toEqual([]);

    pullPage([
      put(
        'delivery_reservation',
        'r-cloud',
        reservationValue({
          contactId: francois.id,
          size: 'S',
          createdAt: harness.clock.now(),
          expiresAt: harness.clock.now() + 86_400_000,
        }),
      ),
    ]);
    // Late binding: it holds no compartment, so nothing the walk-ins took was promised to it.
    expect(reservation('r-cloud')).toEqual({ state: 'active', compartment_id: null, size: 'S' });
    const waiting = (await harness.call('dropoff.reservations', {})).find(
      (view) => view.id === 'r-cloud',
    );
    expect(waiting).toMatchObject({
      size: 'S',
      compartmentLabel: null,
      recipient: { id: francois.id },
    });

    // The delivery arrives: no small compartment is left, so drop-off sizes up, as for anyone.
    const done = await depositParcel(
      harness,
      dropOffRequest(francois, {
        placement: { kind: 'size', size: 'S' },
        reservationId: 'r-cloud',
      }),
    );
    expect(done.compartment.size).toBe('M');
    expect(reservation('r-cloud')).toEqual({
      state: 'fulfilled',
      compartment_id: done.compartment.id,
      size: 'S',
    });
    expect(doubleBooked()).toEqual([]);

    // A second one finds nothing at all (the cloud put every free bigger door out of service):
    // B5's refusal, and the reservation still waits for a door.
    const bigger = [...(await freeCompartments('M')), ...(await freeCompartments('L'))];
    pullPage([
      ...bigger.map((id) =>
        put('compartment_intent', id, { outOfService: true, note: 'Inventory' }),
      ),
      put(
        'delivery_reservation',
        'r-late',
        reservationValue({
          contactId: francois.id,
          size: 'S',
          createdAt: harness.clock.now(),
          expiresAt: harness.clock.now() + 86_400_000,
        }),
      ),
    ]);
    const before = inLocker(harness);
    const refused = await harness.invoke('dropoff.start', {
      request: dropOffRequest(francois, {
        placement: { kind: 'size', size: 'S' },
        reservationId: 'r-late',
      }),
    });
    expect(refused.ok === false && refused.error.code).toBe('no_compartment_available');
    expect(refused.ok === false && refused.error.message).toMatch(
      /^No compartment is currently available in the selected locker/,
    );
    expect(reservation('r-late')?.['state']).toBe('active');
    expect(inLocker(harness)).toEqual(before);
    expect(doubleBooked()).toEqual([]);
  });

  it('out of service from the cloud while occupied: the recipient still picks up; no new deposit goes there', async () => {
    const deposited = await depositParcel(harness, dropOffRequest(james));
    const occupied = deposited.compartment.id;
    const notice = await lastNotice(harness);
    const [emptyOne] = await freeCompartments('M');
    pullPage([
      put('compartment_intent', occupied, { outOfService: true, note: 'Hinge to replace' }),
      put('compartment_intent', emptyOne ?? '', { outOfService: true, note: null }),
    ]);

    // The grid: what is inside stays in view; the empty one shows out of service.
    const grid = await harness.call('manage.compartments', {});
    expect(grid.find((view) => view.id === occupied)?.use).toBe('occupied');
    expect(grid.find((view) => view.id === emptyOne)?.use).toBe('out_of_service');

    // James's next parcel would join his compartment (D6); not while the cloud says no.
    const next = await harness.call('dropoff.propose', { request: dropOffRequest(james) });
    expect(next.ok && next.compartment.id).not.toBe(occupied);
    const handChosen = await harness.call('dropoff.propose', {
      request: dropOffRequest(james, {
        placement: { kind: 'compartment', compartmentId: emptyOne ?? '' },
      }),
    });
    expect(handChosen).toMatchObject({ ok: false });

    // A valid pickup still opens the door.
    const pickup = await harness.call('pickup.withCode', { code: notice.code });
    const taken = await takeParcels(harness, pickup, [deposited.parcelId ?? '']);
    expect(taken.parcels[0]?.state).toBe('taken');
    expect(parcelRow(harness, deposited.parcelId ?? '')['state']).toBe('picked_up');
    // Empty now, it stays out of service, and an operator can still open it (G5).
    expect(
      (await harness.call('manage.compartments', {})).find((view) => view.id === occupied)?.use,
    ).toBe('out_of_service');
    const opened = await harness.call('compartment.open', { compartmentId: occupied });
    expect(opened.outcome).toBe('door_seen_open');

    // Withdrawn by the cloud: it takes parcels again.
    pullPage([del('compartment_intent', emptyOne ?? '')]);
    const handChosenAgain = await harness.call('dropoff.propose', {
      request: dropOffRequest(james, {
        placement: { kind: 'compartment', compartmentId: emptyOne ?? '' },
      }),
    });
    expect(handChosenAgain.ok && handChosenAgain.compartment.id).toBe(emptyOne);
  });

  it("pickup vs cancellation: a cancellation the cloud made before it saw the deposit leaves the bank's facts standing", async () => {
    pullPage([
      put(
        'delivery_reservation',
        'r-1',
        reservationValue({
          contactId: james.id,
          size: 'S',
          createdAt: harness.clock.now(),
          expiresAt: harness.clock.now() + 86_400_000,
        }),
      ),
    ]);
    const done = await depositParcel(harness, dropOffRequest(james, { reservationId: 'r-1' }));
    const pickup = await harness.call('pickup.withCode', {
      code: (await lastNotice(harness)).code,
    });
    await takeParcels(harness, pickup, [done.parcelId ?? '']);
    const facts = harness.factTypes();
    expect(facts).toEqual(expect.arrayContaining(['parcel.deposited', 'parcel.picked_up']));

    // The console cancelled it meanwhile; the page arrives before the server has the deposit.
    pullPage([
      put(
        'delivery_reservation',
        'r-1',
        reservationValue({
          contactId: james.id,
          state: 'cancelled',
          createdAt: harness.clock.now() - 1,
          expiresAt: harness.clock.now() + 86_400_000,
        }),
      ),
    ]);
    pullPage([del('delivery_reservation', 'r-1')]);
    expect(reservation('r-1')).toEqual({
      state: 'fulfilled',
      compartment_id: done.compartment.id,
      size: 'S',
    });
    expect(parcelRow(harness, done.parcelId ?? '')['state']).toBe('picked_up');
    expect(harness.factTypes()).toEqual(facts);
  });
});
