import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecipientRef } from '../../../src-shared/api/drop-off-methods.js';
import type { CoreHarness } from '../core/core-harness.js';
import {
  changeSettings,
  contactNamed,
  contactOf,
  departmentNamed,
  depositParcel,
  dropOffRequest,
  lastNotice,
  lockOfId,
  nextUnlocks,
  parcelRow,
  scanned,
  startFlowHarness,
  takeParcels,
  type Notice,
} from './flow-kit.js';

const wrongCodeMessage =
  'This code does not open any compartment here. Check the code in your message, or ask the mailroom for a new one.';

/** Pickup (E1–E4, X3, X4) with the codes and QR codes the recipients really received. */
describe('pickup', () => {
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

  async function deliver(recipient: RecipientRef, changes = {}) {
    const done = await depositParcel(harness, dropOffRequest(recipient, changes));
    return { parcelId: done.parcelId ?? '', notice: await lastNotice(harness) };
  }

  function codeState(parcelId: string) {
    return harness.rows(
      'SELECT c.consumed_at AS consumed, c.voided_at AS voided FROM access_code c JOIN access_code_parcel l ON l.access_code_id = c.id WHERE l.parcel_id = ?',
      parcelId,
    );
  }

  /** A code that is none of the bank's: differs from every notice's code in its first digit. */
  function wrongCode(...notices: Notice[]): string {
    const used = new Set(notices.map((notice) => notice.code[0]));
    const digit = '0123456789'.split('').find((candidate) => !used.has(candidate)) ?? '0';
    return digit.repeat(6);
  }

  it('E1: the code from the message opens; the door closing takes the parcel and uses the code up', async () => {
    const { parcelId, notice } = await deliver(james);
    const pickup = await harness.call('pickup.withCode', { code: notice.code });
    expect(pickup).toMatchObject({
      greetingName: 'James',
      parcels: [{ parcelId, state: 'waiting', departmentName: null }],
    });
    const opened = await harness.call('pickup.open', {
      pickupId: pickup.pickupId,
      parcelIds: [parcelId],
    });
    expect(opened.parcels[0]?.state).toBe('door_open');
    // Door open, not closed yet: nothing is taken, the code still unused.
    expect(parcelRow(harness, parcelId)['state']).toBe('in_locker');
    expect(codeState(parcelId)).toEqual([{ consumed: null, voided: null }]);

    harness.hardware.setDoor(await lockOfId(harness, opened.parcels[0]!.compartment.id), 'closed');
    expect(parcelRow(harness, parcelId)['state']).toBe('picked_up');
    expect(codeState(parcelId)).toEqual([{ consumed: harness.clock.now(), voided: null }]);
    expect(harness.eventsNamed('pickup.changed').at(-1)?.parcels[0]?.state).toBe('taken');

    // Used: the same answer as a code that never existed.
    const again = await harness.invoke('pickup.withCode', { code: notice.code });
    const wrong = await harness.invoke('pickup.withCode', { code: wrongCode(notice) });
    expect(again).toEqual({
      ok: false,
      error: { code: 'invalid_code', message: wrongCodeMessage },
    });
    expect(wrong).toEqual(again);
  });

  it('keeps the code when the door did not open', async () => {
    const { parcelId, notice } = await deliver(james);
    const pickup = await harness.call('pickup.withCode', { code: notice.code });
    nextUnlocks(harness, ['jammed']);
    const failed = await harness.call('pickup.open', {
      pickupId: pickup.pickupId,
      parcelIds: [parcelId],
    });
    expect(failed.parcels[0]?.state).toBe('door_failed');
    expect(parcelRow(harness, parcelId)['state']).toBe('in_locker');
    expect(codeState(parcelId)).toEqual([{ consumed: null, voided: null }]);
    // The recipient (or the mailroom, once the door is fixed) can still use it.
    const retry = await harness.call('pickup.withCode', { code: notice.code });
    const taken = await takeParcels(harness, retry, [parcelId]);
    expect(taken.parcels[0]?.state).toBe('taken');
  });

  it('X3: five wrong codes make the keypad wait, and another recipient still gets in', async () => {
    const forJames = await deliver(james);
    const forElodie = await deliver(elodie);
    const guess = wrongCode(forJames.notice, forElodie.notice);
    for (let attempt = 0; attempt < 4; attempt++) {
      const refused = await harness.invoke('pickup.withCode', { code: guess });
      expect(refused.ok === false && refused.error.code).toBe('invalid_code');
    }
    // The fifth failure starts the wait, and its answer already says so…
    const tooMany = {
      ok: false,
      error: {
        code: 'too_many_attempts',
        message: 'Too many wrong codes. Please try again in 30 seconds.',
        retryAfterMs: 30_000,
      },
    };
    expect(await harness.invoke('pickup.withCode', { code: guess })).toEqual(tooMany);
    // …and an attempt during the wait is not even checked.
    expect(await harness.invoke('pickup.withCode', { code: guess })).toEqual(tooMany);
    // During the keypad's wait, Élodie's QR (not guessable, so never held up) opens at once…
    const byQr = await harness.call('pickup.withScan', {
      scanId: await scanned(harness, forElodie.notice.qrText ?? ''),
    });
    expect(byQr.parcels.map((parcel) => parcel.parcelId)).toEqual([forElodie.parcelId]);
    // …and her typed code works as soon as the wait the guesses earned (30 s) is over: the
    // attacker cannot lengthen it by pressing on.
    await harness.clock.advance(15_000);
    await harness.invoke('pickup.withCode', { code: guess });
    await harness.clock.advance(15_000);
    const byCode = await harness.call('pickup.withCode', { code: forElodie.notice.code });
    expect(byCode.parcels.map((parcel) => parcel.parcelId)).toEqual([forElodie.parcelId]);
  });

  it('refuses an expired code with the same message as a wrong one', async () => {
    const { notice } = await deliver(james);
    const { pickup } = await harness.call('settings.get', {});
    await harness.clock.advance(pickup.pickupWindowHours * 60 * 60_000);
    expect(await harness.invoke('pickup.withCode', { code: notice.code })).toEqual({
      ok: false,
      error: { code: 'invalid_code', message: wrongCodeMessage },
    });
  });

  it.each([
    { method: 'qr' as const, proof: (notice: Notice) => notice.qrText ?? '' },
    { method: 'badge' as const, proof: () => 'EMP-P10001' },
  ])('E1, E4: $method scanned at the kiosk opens, unless the bank turns it off', async (row) => {
    const { parcelId, notice } = await deliver(elodie);
    const pickup = await harness.call('pickup.withScan', {
      scanId: await scanned(harness, row.proof(notice)),
    });
    expect(pickup).toMatchObject({ greetingName: 'Élodie', parcels: [{ parcelId }] });

    await changeSettings(harness, (settings) => ({
      ...settings,
      pickup: { ...settings.pickup, methods: { ...settings.pickup.methods, [row.method]: false } },
    }));
    const refused = await harness.invoke('pickup.withScan', {
      scanId: await scanned(harness, row.proof(notice)),
    });
    expect(refused.ok === false && refused.error.code).toBe('pickup_method_disabled');
  });

  it('C3: a typed code is refused when the bank turns codes off', async () => {
    const { notice } = await deliver(james);
    await changeSettings(harness, (settings) => ({
      ...settings,
      pickup: { ...settings.pickup, methods: { ...settings.pickup.methods, code: false } },
    }));
    const refused = await harness.invoke('pickup.withCode', { code: notice.code });
    expect(refused.ok === false && refused.error.code).toBe('pickup_method_disabled');
  });

  it('E3: a department’s parcel is offered to its key contact and to a delegate, not to others', async () => {
    const finance = departmentNamed(harness, 'Finance');
    const forFinance = await deliver(finance);
    // Élodie is Finance's key contact: the notice is hers, and her badge offers the parcel.
    expect(forFinance.notice.toName).toBe('Élodie Lefèvre');
    const byKeyContact = await harness.call('pickup.withScan', {
      scanId: await scanned(harness, 'EMP-P10001'),
    });
    expect(byKeyContact.parcels).toMatchObject([
      { parcelId: forFinance.parcelId, departmentName: 'Finance' },
    ]);
    // A delegate the admin named gets it offered with their own parcel.
    const delegateId = harness.rows(
      'SELECT contact_id AS id FROM department_delegate WHERE department_id = ? ORDER BY created_at, contact_id LIMIT 1',
      finance.id,
    )[0]?.['id'] as string;
    const forDelegate = await deliver({ kind: 'contact', id: delegateId });
    const byDelegate = await harness.call('pickup.withCode', { code: forDelegate.notice.code });
    expect(byDelegate.parcels.map((parcel) => parcel.parcelId).sort()).toEqual(
      [forDelegate.parcelId, forFinance.parcelId].sort(),
    );
    // James (Facilities) is neither.
    const forJames = await deliver(james);
    const byJames = await harness.call('pickup.withCode', { code: forJames.notice.code });
    expect(byJames.parcels.map((parcel) => parcel.parcelId)).toEqual([forJames.parcelId]);
    // The delegate takes it: it is out for everyone.
    await takeParcels(harness, byDelegate, [forFinance.parcelId]);
    expect(parcelRow(harness, forFinance.parcelId)['state']).toBe('picked_up');
  });

  it.each([
    { openMode: 'all_at_once' as const, opens: true },
    { openMode: 'one_at_a_time' as const, opens: false },
  ])('E2: $openMode with two compartments', async ({ openMode, opens }) => {
    await changeSettings(harness, (settings) => ({
      ...settings,
      pickup: { ...settings.pickup, openMode },
    }));
    const small = await deliver(james);
    const large = await deliver(james, { parcelSize: 'L' });
    const pickup = await harness.call('pickup.withCode', { code: large.notice.code });
    expect(pickup.openMode).toBe(openMode);
    expect(new Set(pickup.parcels.map((parcel) => parcel.compartment.id)).size).toBe(2);
    harness.hardware.unlocked.length = 0;
    const both = await harness.invoke('pickup.open', {
      pickupId: pickup.pickupId,
      parcelIds: [small.parcelId, large.parcelId],
    });
    if (opens) {
      expect(both.ok && both.value).toMatchObject({
        parcels: [{ state: 'door_open' }, { state: 'door_open' }],
      });
      expect(harness.hardware.unlocked).toHaveLength(2);
    } else {
      expect(both.ok === false && both.error.code).toBe('invalid_argument');
      expect(harness.hardware.unlocked).toEqual([]);
    }
  });

  it('X4: the door opens again within the re-open grace, and not after it', async () => {
    await changeSettings(harness, (settings) => ({
      ...settings,
      timers: { ...settings.timers, reopenGraceSeconds: 20 },
    }));
    const { parcelId, notice } = await deliver(james);
    const pickup = await harness.call('pickup.withCode', { code: notice.code });
    const taken = await takeParcels(harness, pickup, [parcelId]);
    expect(taken.parcels[0]).toMatchObject({
      state: 'taken',
      reopenUntilMs: harness.clock.now() + 20_000,
    });

    await harness.clock.advance(10_000);
    const reopened = await takeParcels(harness, pickup, [parcelId]);
    expect(reopened.parcels[0]?.state).toBe('taken');
    expect(harness.factTypes()).toContain('pickup.reopened');

    await harness.clock.advance(21_000);
    const late = await harness.invoke('pickup.open', {
      pickupId: pickup.pickupId,
      parcelIds: [parcelId],
    });
    expect(late.ok === false && late.error.code).toBe('reopen_window_over');
  });

  it('X4: a grace longer than the inactivity timer keeps the pickup until the grace ends', async () => {
    await changeSettings(harness, (settings) => ({
      ...settings,
      timers: { ...settings.timers, reopenGraceSeconds: 120, inactivitySeconds: 60 },
    }));
    const { parcelId, notice } = await deliver(james);
    const pickup = await harness.call('pickup.withCode', { code: notice.code });
    await takeParcels(harness, pickup, [parcelId]);

    await harness.clock.advance(90_000);
    const reopened = await takeParcels(harness, pickup, [parcelId]);
    expect(reopened.parcels[0]?.state).toBe('taken');

    await harness.clock.advance(200_000);
    const late = await harness.invoke('pickup.open', {
      pickupId: pickup.pickupId,
      parcelIds: [parcelId],
    });
    expect(late.ok === false && late.error.code).toMatch(/^(reopen_window_over|not_found)$/);
  });
});
