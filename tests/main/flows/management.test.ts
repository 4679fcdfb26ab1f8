import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertReservation } from '../../../src-main/db/queries/reservations.js';
import { demoOverstayedStorage } from '../../../src-main/db/seed-demo-parcels.js';
import type { CoreHarness } from '../core/core-harness.js';
import {
  contactNamed,
  contactOf,
  depositParcel,
  dropOffRequest,
  idOfLabel,
  lockOfId,
  parcelRow,
  scanned,
  startFlowHarness,
} from './flow-kit.js';
import {
  closeStorageDoor,
  refusal,
  seededStorage,
  storageCodes,
  storageRow,
  walkUp,
} from './storage-kit.js';

const hourMs = 60 * 60_000;

/** Management at the kiosk (G1, G3, G4): what each compartment is used for, and removals. */
describe('management', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startFlowHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  async function useOf(compartmentId: string) {
    const found = (await harness.call('manage.compartments', {})).find(
      (compartment) => compartment.id === compartmentId,
    );
    if (!found) {
      throw new Error(`manage.compartments has no ${compartmentId}`);
    }
    return found;
  }

  /** Élodie's parcel expires at the end of the window; James's, deposited later, does not yet. */
  async function expiredAndOccupied() {
    const window = (await harness.call('settings.get', {})).pickup.pickupWindowHours * hourMs;
    const old = await depositParcel(harness, dropOffRequest(contactOf(harness, 'P10001')));
    await harness.clock.advance(window - hourMs);
    await harness.signInAdmin();
    const recent = await depositParcel(
      harness,
      dropOffRequest(contactNamed(harness, "James O'Connor")),
    );
    await harness.clock.advance(2 * hourMs);
    await harness.signInAdmin();
    return { old, recent };
  }

  it('G1: shows each compartment as available, occupied, expired, out of service or reserved', async () => {
    const { old, recent } = await expiredAndOccupied();
    const outOfService = await idOfLabel(harness, '13');
    await harness.call('compartment.setService', {
      compartmentId: outOfService,
      service: 'out_of_service',
    });
    const reserved = await idOfLabel(harness, '19');
    const bankId = harness.rows('SELECT id FROM locker_bank')[0]?.['id'] as string;
    harness.writeDatabase((tx) =>
      insertReservation(
        tx,
        {
          bankId,
          contactId: contactOf(harness, 'P10001').id,
          size: 'S',
          compartmentId: reserved,
          expiresAtMs: harness.clock.now() + 24 * hourMs,
        },
        harness.clock.now(),
      ),
    );
    const available = await idOfLabel(harness, '7');

    expect(await useOf(old.compartment.id)).toMatchObject({
      use: 'expired',
      parcels: [{ parcelId: old.parcelId, recipientName: 'Élodie Lefèvre' }],
    });
    expect(await useOf(recent.compartment.id)).toMatchObject({
      use: 'occupied',
      parcels: [{ parcelId: recent.parcelId, recipientName: "James O'Connor" }],
    });
    expect(await useOf(outOfService)).toMatchObject({ use: 'out_of_service', parcels: [] });
    expect(await useOf(reserved)).toMatchObject({ use: 'reserved', heldFor: 'Élodie Lefèvre' });
    expect(await useOf(available)).toMatchObject({ use: 'available', parcels: [], heldFor: null });
  });

  it('G3: removing an expired parcel opens its door and counts once the door closes', async () => {
    const { old, recent } = await expiredAndOccupied();
    harness.hardware.unlocked.length = 0;
    const opened = await harness.call('manage.removeExpired', {
      compartmentId: old.compartment.id,
    });
    expect(opened.use).toBe('expired');
    expect(harness.hardware.unlocked).toEqual([await lockOfId(harness, old.compartment.id)]);
    // Open, not yet closed: still in the locker.
    expect(parcelRow(harness, old.parcelId ?? '')['state']).toBe('in_locker');

    harness.hardware.setDoor(await lockOfId(harness, old.compartment.id), 'closed');
    expect(parcelRow(harness, old.parcelId ?? '')['state']).toBe('removed');
    expect(
      harness.rows(
        'SELECT c.voided_at AS voided FROM access_code c JOIN access_code_parcel l ON l.access_code_id = c.id WHERE l.parcel_id = ?',
        old.parcelId,
      ),
    ).toEqual([{ voided: harness.clock.now() }]);
    expect(
      harness
        .facts()
        .filter((fact) => fact.type === 'parcel.removed')
        .map((fact) => [fact.actor, fact.details['parcelId'], fact.details['voidedCodeIds']]),
    ).toEqual([[harness.actor, old.parcelId, [expect.any(String)]]]);
    expect((await useOf(old.compartment.id)).use).toBe('available');

    // A parcel still within its window is not the mailroom's to remove.
    harness.hardware.unlocked.length = 0;
    const refused = await harness.invoke('manage.removeExpired', {
      compartmentId: recent.compartment.id,
    });
    expect(refused.ok === false && refused.error.code).toBe('not_found');
    expect(harness.hardware.unlocked).toEqual([]);
    expect(parcelRow(harness, recent.parcelId ?? '')['state']).toBe('in_locker');
  });

  it('G1: a storage is occupied until its end and expired from its end on (one ms before and after)', async () => {
    const ready = await walkUp(harness, 'M', null, await scanned(harness, 'EMP-P10002'));
    const endsAtMs = ready.endsAtMs ?? 0;
    const storage = {
      storageId: ready.storageId,
      ownerName: "James O'Connor",
      startedAtMs: ready.startedAtMs,
      endsAtMs,
    };
    expect(await useOf(ready.compartment.id)).toMatchObject({
      use: 'occupied',
      parcels: [],
      storage: { ...storage, expired: false },
    });
    await harness.clock.advance(endsAtMs - 1 - harness.clock.now());
    await harness.signInAdmin();
    expect(await useOf(ready.compartment.id)).toMatchObject({
      use: 'occupied',
      storage: { expired: false },
    });
    await harness.clock.advance(2);
    expect(await useOf(ready.compartment.id)).toMatchObject({
      use: 'expired',
      storage: { ...storage, expired: true },
    });
    // Every other compartment says it holds no storage, but the demo's overstayed one its own.
    const seeded = seededStorage(harness);
    const holding = (await harness.call('manage.compartments', {}))
      .filter((compartment) => compartment.storage !== null)
      .map((compartment) => [compartment.id, compartment.storage?.storageId]);
    expect(holding).toHaveLength(2);
    expect(holding).toEqual(
      expect.arrayContaining([
        [ready.compartment.id, ready.storageId],
        [seeded.compartmentId, seeded.storageId],
      ]),
    );
  });

  it('G3: an overstayed storage is emptied with the reason logged and its code void', async () => {
    const ready = await walkUp(harness, 'S');
    const compartmentId = ready.compartment.id;
    harness.hardware.unlocked.length = 0;
    await harness.clock.advance((ready.endsAtMs ?? 0) - harness.clock.now());
    await harness.signInAdmin();
    const opened = await harness.call('manage.emptyStorage', {
      compartmentId,
      reason: 'Overstayed by a week',
    });
    expect(opened.use).toBe('expired');
    expect(harness.hardware.unlocked).toEqual([await lockOfId(harness, compartmentId)]);
    expect(storageRow(harness, ready.storageId)['state']).toBe('active');

    harness.hardware.setDoor(await lockOfId(harness, compartmentId), 'closed');
    expect(storageRow(harness, ready.storageId)).toMatchObject({
      state: 'emptied',
      close_reason: 'Overstayed by a week',
      closed_by: harness.actor,
      closed_at: harness.clock.now(),
    });
    expect(storageCodes(harness, ready.storageId)[0]).toMatchObject({
      voided: harness.clock.now(),
      consumed: null,
    });
    expect(
      harness
        .facts()
        .filter((fact) => fact.type.startsWith('storage.empt'))
        .map((fact) => [fact.type, fact.actor, fact.details['reason']]),
    ).toEqual([
      ['storage.emptying_started', harness.actor, 'Overstayed by a week'],
      ['storage.emptied', harness.actor, 'Overstayed by a week'],
    ]);
    expect((await useOf(compartmentId)).use).toBe('available');
    expect((await refusal(harness, 'storage.withCode', { code: ready.newCode })).code).toBe(
      'invalid_code',
    );
    // Nothing left to empty there.
    expect(
      (await refusal(harness, 'manage.emptyStorage', { compartmentId, reason: 'Again' })).message,
    ).toBe(`Compartment ${ready.compartment.label} holds no storage.`);
  });

  it('X6, G3: a running storage may be emptied too (a lost code), never while its owner has the door open, and not while something is still seen inside', async () => {
    const ready = await walkUp(harness, 'S');
    const compartmentId = ready.compartment.id;
    const lock = await lockOfId(harness, compartmentId);
    // The owner opens the door (F3): the operator must wait.
    const owner = await harness.call('storage.withCode', { code: ready.newCode });
    await harness.call('storage.open', { visitId: owner.visitId });
    await harness.signInAdmin();
    const busy = await refusal(harness, 'manage.emptyStorage', {
      compartmentId,
      reason: 'Owner lost the code',
    });
    expect(busy).toEqual({
      code: 'door_in_use',
      message: `Compartment ${ready.compartment.label} is in use right now: someone has its door open. Try again once it is closed.`,
    });
    harness.hardware.setDoor(lock, 'closed');
    await harness.call('storage.finish', { visitId: owner.visitId });

    // Not overstayed: emptied all the same, once the door closes on an empty compartment.
    harness.hardware.setItem(lock, true);
    await harness.call('manage.emptyStorage', { compartmentId, reason: 'Owner lost the code' });
    harness.hardware.setDoor(lock, 'closed');
    expect(storageRow(harness, ready.storageId)['state']).toBe('active');
    harness.hardware.setItem(lock, false);
    await harness.call('manage.emptyStorage', { compartmentId, reason: 'Owner lost the code' });
    harness.hardware.setDoor(lock, 'closed');
    expect(storageRow(harness, ready.storageId)).toMatchObject({
      state: 'emptied',
      close_reason: 'Owner lost the code',
    });
    expect(
      harness
        .facts()
        .filter((fact) => fact.type === 'storage.emptying_started')
        .map((fact) => fact.details['overstayed']),
    ).toEqual([false, false]);
  });

  it('G3: the demo’s overstayed storage is expired from the start, and an operator empties it', async () => {
    const seeded = seededStorage(harness);
    const owner = harness.rows("SELECT name FROM contact WHERE personnel_id = 'P10007'")[0]?.[
      'name'
    ] as string;
    const before = await useOf(seeded.compartmentId);
    expect(before).toMatchObject({
      label: demoOverstayedStorage.compartmentLabel,
      use: 'expired',
      parcels: [],
      storage: { storageId: seeded.storageId, ownerName: owner, expired: true },
    });
    expect(before.storage?.endsAtMs).toBeLessThan(harness.clock.now());

    await harness.call('manage.emptyStorage', {
      compartmentId: seeded.compartmentId,
      reason: 'Overstayed by a day',
    });
    harness.hardware.setDoor(await lockOfId(harness, seeded.compartmentId), 'closed');
    expect(storageRow(harness, seeded.storageId)).toMatchObject({
      state: 'emptied',
      close_reason: 'Overstayed by a day',
      closed_by: harness.actor,
    });
    expect(storageCodes(harness, seeded.storageId)[0]).toMatchObject({
      voided: harness.clock.now(),
    });
    expect(await useOf(seeded.compartmentId)).toMatchObject({ use: 'available', storage: null });
  });

  it('G3: the owner may still end an expired storage; a new storage can then take the compartment', async () => {
    const ready = await walkUp(harness, 'S');
    await harness.clock.advance(25 * hourMs);
    const visit = await harness.call('storage.withCode', { code: ready.newCode });
    expect(visit.expired).toBe(true);
    const ended = await closeStorageDoor(
      harness,
      await harness.call('storage.end', { visitId: visit.visitId }),
    );
    expect(ended.step).toBe('ended');
    await harness.signInAdmin();
    expect((await useOf(ready.compartment.id)).use).toBe('available');
  });
});
