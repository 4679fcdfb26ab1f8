import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatExpiry } from '../../../src-main/notifications/format-expiry.js';
import type { CoreHarness } from '../core/core-harness.js';
import { contactOf, lastAvailable, scanned, startFlowHarness } from './flow-kit.js';
import {
  availableFor,
  bookingRequest,
  closeStorageDoor,
  hourMs,
  madeStorages,
  refusal,
  storageCodes,
  storageRow,
} from './storage-kit.js';

const codeLine = /^(?:Storage code|Code de stockage)\u00a0?: (\d+)$/m;

/** The storage notices in the mailbox, as their owners read them. */
async function bookingNotices(harness: CoreHarness) {
  await harness.core.mailboxSettled();
  const folder = harness.core.mailboxFolder;
  const notices = [];
  for (const fileName of (await readdir(folder)).filter((name) => name.endsWith('.eml')).sort()) {
    const mail = await simpleParser(await readFile(join(folder, fileName)));
    const code = codeLine.exec(mail.text ?? '')?.[1];
    if (code) {
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      notices.push({
        code,
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        toAddress: to?.value[0]?.address ?? null,
      });
    }
  }
  return notices;
}

/** F2: bookings from outside the kiosk, bound to a compartment when their owner arrives. */
describe('storage bookings', () => {
  let harness: CoreHarness;
  let elodie: string;
  let james: string;
  let startsAtMs: number;

  beforeEach(async () => {
    harness = await startFlowHarness();
    elodie = contactOf(harness, 'P10001').id;
    james = contactOf(harness, 'P10002').id;
    startsAtMs = harness.clock.now() + 2 * hourMs;
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('F2: holds no compartment until arrival, sends the code in the owner’s language, and binds at the door', async () => {
    const mediumBefore = await availableFor(harness, 'M');
    const booked = await harness.call('storage.book', {
      booking: bookingRequest(elodie, { startsAtMs }),
    });
    expect(booked).toMatchObject({
      state: 'booked',
      size: 'M',
      startsAtMs,
      claimUntilMs: startsAtMs + 24 * hourMs,
      noticeQueued: true,
    });
    expect(storageRow(harness, booked.storageId)).toMatchObject({
      compartment_id: null,
      source: 'booking',
      external_id: 'web-0001',
    });
    expect(await availableFor(harness, 'M')).toBe(mediumBefore);
    expect(harness.factTypes()).toEqual(
      expect.arrayContaining(['storage.booked', 'notification.queued']),
    );

    // Élodie reads French.
    const [notice] = await bookingNotices(harness);
    expect(notice?.toAddress).toBe('elodie.lefevre@demo.casier.example');
    expect(notice?.subject).toBe('Votre réservation de stockage\u00a0: Demo lobby bank');
    expect(notice?.text).toContain('Taille du casier\u00a0: Moyen');
    const code = notice?.code ?? '';
    expect(JSON.stringify(harness.facts())).not.toContain(code);

    // Too early: the sentence says from when (half an hour before the start).
    const early = await refusal(harness, 'storage.withCode', { code });
    expect(early).toEqual({
      code: 'storage_refused',
      message: `This booking can be used from ${formatExpiry(startsAtMs - hourMs / 2, 'en')}.`,
    });
    await harness.clock.advance(1.5 * hourMs);
    const filling = await harness.call('storage.withCode', { code });
    expect(filling).toMatchObject({
      step: 'filling',
      storageId: booked.storageId,
      ownerName: 'Élodie',
      compartment: { size: 'M' },
    });
    expect(storageRow(harness, booked.storageId)['state']).toBe('booked');
    const ready = await closeStorageDoor(harness, filling);
    const nowMs = harness.clock.now();
    expect(ready).toMatchObject({
      step: 'ready',
      newCode: null,
      startedAtMs: nowMs,
      endsAtMs: nowMs + 24 * hourMs,
      latestEndMs: nowMs + 72 * hourMs,
    });
    expect(storageRow(harness, booked.storageId)).toMatchObject({
      state: 'active',
      compartment_id: filling.compartment.id,
      started_at: nowMs,
    });
    // The notice's code keeps working for the running storage.
    expect((await harness.call('storage.withCode', { code })).step).toBe('ready');
  });

  it('F2: the same booking twice is one booking; the same id for another booking is refused', async () => {
    const request = bookingRequest(james, { startsAtMs, size: 'S' });
    const first = await harness.call('storage.book', { booking: request });
    const again = await harness.call('storage.book', { booking: request });
    expect(again).toEqual(first);
    expect(storageCodes(harness, first.storageId)).toHaveLength(1);
    expect(harness.factTypes().filter((type) => type === 'storage.booked')).toHaveLength(1);
    expect(await bookingNotices(harness)).toHaveLength(1);
    expect(await refusal(harness, 'storage.book', { booking: { ...request, size: 'M' } })).toEqual({
      code: 'storage_refused',
      message: 'The booking id web-0001 is already used for another booking.',
    });
  });

  it('F2: the preferred compartment is bound when free and of that size; another size is untouched', async () => {
    // The last free medium door: the engine would take an earlier one of the bank's order.
    const last = await lastAvailable(harness, 'M');
    const preferred = last.id;
    const size = last.size;
    const otherSize = size === 'S' ? 'M' : 'S';
    const otherBefore = await availableFor(harness, otherSize);
    await harness.call('storage.book', {
      booking: bookingRequest(james, { startsAtMs, size, preferredCompartmentId: preferred }),
    });
    const [notice] = await bookingNotices(harness);
    await harness.clock.advance(2 * hourMs);
    const filling = await harness.call('storage.withCode', { code: notice?.code ?? '' });
    expect(filling.compartment.id).toBe(preferred);
    await closeStorageDoor(harness, filling);
    expect(await availableFor(harness, otherSize)).toBe(otherBefore);
    // Left to itself, the engine takes a door before it in the bank's order: the preference
    // is what chose it.
    const engine = await harness.call('storage.start', { size, hours: null, scanId: null });
    expect(Number(engine.compartment.label)).toBeLessThan(Number(last.label));
  });

  it('F2: a preferred compartment of another size is refused', async () => {
    const small = harness.rows("SELECT id FROM compartment WHERE size = 'S' LIMIT 1")[0]?.[
      'id'
    ] as string;
    expect(
      await refusal(harness, 'storage.book', {
        booking: bookingRequest(james, { startsAtMs, size: 'M', preferredCompartmentId: small }),
      }),
    ).toEqual({
      code: 'storage_refused',
      message: `Compartment ${small} is not a compartment of size M in this locker bank.`,
    });
  });

  it('F2: a booking lapses after its claim limit', async () => {
    const booked = await harness.call('storage.book', {
      booking: bookingRequest(james, { startsAtMs, size: 'S' }),
    });
    const [notice] = await bookingNotices(harness);
    await harness.clock.advance(2 * hourMs + 24 * hourMs + 1);
    expect(await refusal(harness, 'storage.withCode', { code: notice?.code ?? '' })).toEqual({
      code: 'storage_refused',
      message: `This booking lapsed on ${formatExpiry(booked.claimUntilMs ?? 0, 'en')}: it was not used in time. Please book again.`,
    });
  });

  it('F2: a withdrawn booking’s code stops working', async () => {
    const booked = await harness.call('storage.book', {
      booking: bookingRequest(james, { startsAtMs }),
    });
    const [notice] = await bookingNotices(harness);
    const cancelled = await harness.call('storage.cancelBooking', { externalId: 'web-0001' });
    expect(cancelled).toMatchObject({ storageId: booked.storageId, state: 'cancelled' });
    expect(storageCodes(harness, booked.storageId)[0]?.['voided']).toBe(harness.clock.now());
    await harness.clock.advance(2 * hourMs);
    expect((await refusal(harness, 'storage.withCode', { code: notice?.code ?? '' })).code).toBe(
      'invalid_code',
    );
    await harness.signInAdmin();
    expect(
      (await refusal(harness, 'storage.cancelBooking', { externalId: 'web-0001' })).message,
    ).toBe('This booking is already in use or over: it can no longer be withdrawn.');
  });

  it('F2: the owner’s badge claims their booking in its window', async () => {
    const booked = await harness.call('storage.book', {
      booking: bookingRequest(elodie, { startsAtMs, size: 'S' }),
    });
    expect(
      (await refusal(harness, 'storage.withScan', { scanId: await scanned(harness, 'EMP-P10001') }))
        .message,
    ).toBe(`This booking can be used from ${formatExpiry(startsAtMs - hourMs / 2, 'en')}.`);
    await harness.clock.advance(2 * hourMs);
    const filling = await harness.call('storage.withScan', {
      scanId: await scanned(harness, 'EMP-P10001'),
    });
    expect(filling).toMatchObject({ storageId: booked.storageId, step: 'filling' });
    expect((await closeStorageDoor(harness, filling)).step).toBe('ready');
  });

  it('refuses a booking for nobody, in the past, or with hours the policy does not give', async () => {
    expect(
      (
        await refusal(harness, 'storage.book', {
          booking: bookingRequest('nobody', { startsAtMs }),
        })
      ).message,
    ).toBe('Nobody active in the directory has this id.');
    expect(
      (
        await refusal(harness, 'storage.book', {
          booking: bookingRequest(james, { startsAtMs: harness.clock.now() - hourMs }),
        })
      ).message,
    ).toBe('A booking cannot start in the past.');
    expect(
      (
        await refusal(harness, 'storage.book', {
          booking: bookingRequest(james, { startsAtMs, hours: 5 }),
        })
      ).message,
    ).toBe('Storage here always lasts 24 h.');
    expect(madeStorages(harness)).toEqual([]);
    // Without the permission: a carrier may not book.
    expect(
      (
        await refusal(harness, 'storage.book', {
          booking: bookingRequest(james, { startsAtMs }),
          session: await harness.signInWithScan('CSR1-CR-demo-express-Vb6Zt1Qe8Jx3'),
        })
      ).code,
    ).toBe('permission_denied');
  });
});
