import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatExpiry } from '../../../src-main/notifications/format-expiry.js';
import { saveSettings, type CoreHarness } from '../core/core-harness.js';
import { contactOf, depositParcel, dropOffRequest, scanned, startFlowHarness } from './flow-kit.js';
import {
  availableFor,
  closeStorageDoor,
  hourMs,
  madeStorageCodeIds,
  madeStorages,
  refusal,
  setItem,
  setStoragePolicy,
  storageCodes,
  storageRow,
  walkUp,
} from './storage-kit.js';

/**
 * Walk-up personal storage (F1, F3–F5, C6) through the real dispatcher on the demo bank: fixed
 * 24 hours, extensible to 72, and 2 S, 1 M and 1 L compartments kept for deliveries.
 */
describe('walk-up storage', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startFlowHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('F1: opens a door of the chosen size, starts when it closes, and shows the code once', async () => {
    const startMs = harness.clock.now();
    const started = await harness.call('storage.start', { size: 'M', hours: null, scanId: null });
    expect(started).toMatchObject({
      step: 'filling',
      compartment: { size: 'M' },
      ownerName: null,
      startedAtMs: null,
      newCode: null,
    });
    // The door is open, nothing is stored yet (the demo's overstayed storage is not this one).
    expect(madeStorages(harness)).toEqual([]);
    expect(harness.factTypes(started.compartment.id)).toContain('storage.start_requested');

    const ready = await closeStorageDoor(harness, started);
    expect(ready).toMatchObject({
      step: 'ready',
      storageId: started.storageId,
      startedAtMs: startMs,
      endsAtMs: startMs + 24 * hourMs,
      latestEndMs: startMs + 72 * hourMs,
      expired: false,
    });
    expect(ready.newCode).toMatch(/^\d+$/);
    expect(storageRow(harness, started.storageId)).toMatchObject({
      state: 'active',
      source: 'kiosk',
      compartment_id: started.compartment.id,
      stay_hours: 24,
      started_at: startMs,
      ends_at: startMs + 24 * hourMs,
      latest_end_at: startMs + 72 * hourMs,
      contact_id: null,
    });
    expect(storageCodes(harness, started.storageId)).toEqual([
      { consumed: null, voided: null, expires: startMs + (72 + 30 * 24) * hourMs },
    ]);
    // X3: the clear code is in no activity row.
    const started_ = harness.facts().find((fact) => fact.type === 'storage.started');
    expect(started_?.outbox).toBeDefined();
    expect(JSON.stringify(harness.facts())).not.toContain(ready.newCode);

    // Coming back with it: the storage, never the code again.
    const back = await harness.call('storage.withCode', { code: ready.newCode ?? '' });
    expect(back).toMatchObject({ step: 'ready', storageId: started.storageId, newCode: null });
  });

  it('C6: a fixed stay refuses other hours, a flexible one ends when chosen, an open-ended one never', async () => {
    expect(await refusal(harness, 'storage.start', { size: 'S', hours: 12, scanId: null })).toEqual(
      {
        code: 'storage_refused',
        message: 'Storage here always lasts 24 h.',
      },
    );
    expect(
      (await refusal(harness, 'storage.start', { size: 'S', hours: 12, scanId: null }, 'fr'))
        .message,
    ).toBe('Ici, un stockage dure toujours 24\u00a0h.');

    await setStoragePolicy(harness, {
      duration: { kind: 'flexible', maxHours: 48 },
      extension: { allowed: true, maxTotalHours: 72 },
    });
    expect(await refusal(harness, 'storage.start', { size: 'S', hours: 49, scanId: null })).toEqual(
      {
        code: 'storage_refused',
        message: 'Choose between 1 and 48 hours.',
      },
    );
    const flexible = await walkUp(harness, 'S', 6);
    expect(flexible.endsAtMs).toBe(harness.clock.now() + 6 * hourMs);
    await harness.clock.advance(6 * hourMs - 1);
    expect((await harness.call('storage.withCode', { code: flexible.newCode })).expired).toBe(
      false,
    );
    await harness.clock.advance(1);
    expect((await harness.call('storage.withCode', { code: flexible.newCode })).expired).toBe(true);

    await harness.signInAdmin();
    await setStoragePolicy(harness, {
      duration: { kind: 'open_ended' },
      extension: { allowed: false, maxTotalHours: 72 },
    });
    expect(await refusal(harness, 'storage.start', { size: 'S', hours: 5, scanId: null })).toEqual({
      code: 'storage_refused',
      message: 'Storage here has no end time: do not choose a duration.',
    });
    const open = await walkUp(harness, 'S', null);
    expect(open).toMatchObject({ endsAtMs: null, latestEndMs: null, expired: false });
    await harness.clock.advance(365 * 24 * hourMs);
    expect((await harness.call('storage.withCode', { code: open.newCode })).expired).toBe(false);
    // The first storage kept the end it started with (a later policy change moves nothing).
    expect(storageRow(harness, flexible.storageId)['stay_hours']).toBe(6);
  });

  it('F3: opens as often as needed with the same code', async () => {
    const ready = await walkUp(harness);
    for (let round = 0; round < 3; round++) {
      const visit = await harness.call('storage.withCode', { code: ready.newCode });
      const opened = await harness.call('storage.open', { visitId: visit.visitId });
      expect(opened.step).toBe('door_open');
      // A door open under someone's hands: ending or giving up must wait.
      expect((await refusal(harness, 'storage.end', { visitId: visit.visitId })).message).toBe(
        'Close the door first.',
      );
      expect((await closeStorageDoor(harness, opened)).step).toBe('ready');
      await harness.call('storage.finish', { visitId: visit.visitId });
    }
    expect(
      harness.factTypes(ready.compartment.id).filter((type) => type === 'storage.opened'),
    ).toHaveLength(3);
    expect(storageCodes(harness, ready.storageId)[0]).toMatchObject({
      consumed: null,
      voided: null,
    });
  });

  it('F5: extends up to the latest end, not an hour more, and not after the end', async () => {
    const ready = await walkUp(harness);
    const startMs = ready.startedAtMs ?? 0;
    const latest = formatExpiry(startMs + 72 * hourMs, 'en');
    expect(await refusal(harness, 'storage.extend', { visitId: ready.visitId, hours: 49 })).toEqual(
      {
        code: 'storage_refused',
        message: `You can extend up to ${latest}.`,
      },
    );
    const extended = await harness.call('storage.extend', { visitId: ready.visitId, hours: 48 });
    expect(extended.endsAtMs).toBe(startMs + 72 * hourMs);
    expect(storageRow(harness, ready.storageId)['ends_at']).toBe(startMs + 72 * hourMs);
    expect(harness.facts().find((fact) => fact.type === 'storage.extended')?.details).toEqual({
      storageId: ready.storageId,
      fromMs: startMs + 24 * hourMs,
      toMs: startMs + 72 * hourMs,
    });
    expect(
      (await refusal(harness, 'storage.extend', { visitId: ready.visitId, hours: 1 })).message,
    ).toBe(`You can extend up to ${latest}.`);

    // Past its end: only ending is left (F4), opening and extending are refused.
    await harness.clock.advance(72 * hourMs);
    const expired = await harness.call('storage.withCode', { code: ready.newCode });
    expect(expired.expired).toBe(true);
    const ended = `This storage ended on ${formatExpiry(startMs + 72 * hourMs, 'en')}: you can only end it now and take your things.`;
    expect(
      (await refusal(harness, 'storage.extend', { visitId: expired.visitId, hours: 1 })).message,
    ).toBe(ended);
    expect((await refusal(harness, 'storage.open', { visitId: expired.visitId })).message).toBe(
      ended,
    );
    const emptying = await harness.call('storage.end', { visitId: expired.visitId });
    expect((await closeStorageDoor(harness, emptying)).step).toBe('ended');
  });

  it('F5: a bank without extension says so', async () => {
    await setStoragePolicy(harness, { extension: { allowed: false, maxTotalHours: 72 } });
    const ready = await walkUp(harness);
    expect(ready.latestEndMs).toBeNull();
    expect(await refusal(harness, 'storage.extend', { visitId: ready.visitId, hours: 1 })).toEqual({
      code: 'storage_refused',
      message: 'This locker bank does not allow extending storage.',
    });
    expect(
      (await refusal(harness, 'storage.extend', { visitId: ready.visitId, hours: 1 }, 'fr'))
        .message,
    ).toBe('Cette consigne ne permet pas de prolonger un stockage.');
  });

  it('F4: something left inside asks to open again; the storage ends on an empty compartment and its code stops working', async () => {
    await saveSettings(harness, { itemSensors: true });
    const started = await harness.call('storage.start', { size: 'M', hours: null, scanId: null });
    await setItem(harness, started, true);
    const ready = await closeStorageDoor(harness, started);
    const code = ready.newCode ?? '';

    const emptying = await harness.call('storage.end', { visitId: ready.visitId });
    expect(emptying.step).toBe('emptying');
    const left = await closeStorageDoor(harness, emptying);
    expect(left.step).toBe('items_left');
    expect(storageRow(harness, ready.storageId)['state']).toBe('active');

    const again = await harness.call('storage.open', { visitId: ready.visitId });
    expect(again.step).toBe('emptying');
    await setItem(harness, again, false);
    const ended = await closeStorageDoor(harness, again);
    expect(ended.step).toBe('ended');
    expect(storageRow(harness, ready.storageId)).toMatchObject({
      state: 'ended',
      closed_at: harness.clock.now(),
      closed_by: `storage:${ready.storageId}`,
    });
    expect(storageCodes(harness, ready.storageId)[0]).toMatchObject({
      consumed: harness.clock.now(),
    });
    expect(harness.factTypes(ready.compartment.id)).toEqual(
      expect.arrayContaining(['storage.end_requested', 'storage.ended']),
    );
    expect((await refusal(harness, 'storage.withCode', { code })).code).toBe('invalid_code');
  });

  it('F4: keeping the storage after "something is still inside"', async () => {
    await saveSettings(harness, { itemSensors: true });
    const started = await harness.call('storage.start', { size: 'S', hours: null, scanId: null });
    await setItem(harness, started, true);
    const ready = await closeStorageDoor(harness, started);
    const left = await closeStorageDoor(
      harness,
      await harness.call('storage.end', { visitId: ready.visitId }),
    );
    expect(left.step).toBe('items_left');
    expect((await harness.call('storage.giveUp', { visitId: ready.visitId })).step).toBe('ready');
    expect(storageRow(harness, ready.storageId)['state']).toBe('active');
  });

  it('F1: a door closed on nothing asks to open again; giving up records nothing but the cancellation', async () => {
    await saveSettings(harness, { itemSensors: true });
    const started = await harness.call('storage.start', { size: 'S', hours: null, scanId: null });
    await setItem(harness, started, false);
    const empty = await closeStorageDoor(harness, started);
    expect(empty.step).toBe('nothing_inside');
    const reopened = await harness.call('storage.open', { visitId: started.visitId });
    expect(reopened.step).toBe('filling');
    expect((await closeStorageDoor(harness, reopened)).step).toBe('nothing_inside');
    const cancelled = await harness.call('storage.giveUp', { visitId: started.visitId });
    expect(cancelled.step).toBe('ended');
    expect(madeStorages(harness)).toEqual([]);
    expect(madeStorageCodeIds(harness)).toEqual([]);
    expect(harness.factTypes()).toContain('storage.start_cancelled');
    expect(harness.factTypes()).not.toContain('storage.started');
  });

  it('C6: options count the pool minus the delivery quota; storage never takes the kept ones, a drop-off still does', async () => {
    const large = await availableFor(harness, 'L');
    expect(large).toBeGreaterThan(0);
    for (let taken = 0; taken < large; taken++) {
      await walkUp(harness, 'L');
      expect(await availableFor(harness, 'L')).toBe(large - taken - 1);
    }
    const refused = await refusal(harness, 'storage.start', {
      size: 'L',
      hours: null,
      scanId: null,
    });
    expect(refused.code).toBe('no_compartment_available');
    // The kept large compartment is still there for a parcel.
    const deposit = await depositParcel(
      harness,
      dropOffRequest(contactOf(harness, 'P10002'), {
        placement: { kind: 'size', size: 'L' },
        parcelSize: 'L',
      }),
    );
    expect(deposit.compartment.size).toBe('L');
    // And storage took no compartment of another size meanwhile.
    const ids = madeStorages(harness, 'compartment_id AS id').map((row) => row['id']);
    expect(new Set(ids).size).toBe(large);
  });

  it('badge: the owner starts with their badge, gets an accessible door, and comes back with it', async () => {
    const ready = await walkUp(harness, 'S', null, await scanned(harness, 'EMP-P10001'));
    expect(ready.ownerName).toBe('Élodie');
    expect(ready.compartment.doorBottomCm).toBeGreaterThanOrEqual(38);
    expect(ready.compartment.doorTopCm).toBeLessThanOrEqual(122);
    expect(storageRow(harness, ready.storageId)['contact_id']).toBe(
      contactOf(harness, 'P10001').id,
    );
    const back = await harness.call('storage.withScan', {
      scanId: await scanned(harness, 'EMP-P10001'),
    });
    expect(back).toMatchObject({ storageId: ready.storageId, step: 'ready', ownerName: 'Élodie' });
    // James has no storage here: the same answer as a wrong code.
    expect(
      (await refusal(harness, 'storage.withScan', { scanId: await scanned(harness, 'EMP-P10002') }))
        .code,
    ).toBe('invalid_code');
  });

  it('a visit ends after the inactivity time, never while its door is open', async () => {
    const ready = await walkUp(harness);
    const seconds = (await harness.call('settings.get', {})).timers.inactivitySeconds;
    const visit = await harness.call('storage.withCode', { code: ready.newCode });
    const opened = await harness.call('storage.open', { visitId: visit.visitId });
    await harness.clock.advance(seconds * 2000);
    expect((await closeStorageDoor(harness, opened)).step).toBe('ready');
    await harness.clock.advance(seconds * 1000);
    expect((await refusal(harness, 'storage.open', { visitId: visit.visitId })).code).toBe(
      'not_found',
    );
  });
});
