import { describe, expect, it } from 'vitest';
import {
  storageSteps,
  type StorageOptions,
  type StorageVisit,
} from '../../src-shared/api/storage-methods.js';
import { failure } from '../../src-shared/api/result.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { StorageFlow } from '../../src-renderer/storage/storage-flow.js';
import { extensionChoicesFor } from '../../src-renderer/storage/storage-hours.js';
import { doorInUse, isVisitExpired } from '../../src-renderer/storage/storage-state.js';
import { FakeTransport, settle } from './fakes.js';

const visitId = 'visit-0123456789abcdef';
const hour = 60 * 60 * 1000;
const startedAt = Date.UTC(2026, 10, 24, 14);

const flexible: StorageOptions = {
  duration: { kind: 'flexible', maxHours: 24 },
  extension: { allowed: true, maxTotalHours: 72 },
  sizes: [
    { size: 'S', available: 0 },
    { size: 'M', available: 3 },
    { size: 'L', available: 1 },
  ],
};
const fixed: StorageOptions = { ...flexible, duration: { kind: 'fixed', hours: 24 } };

function visit(overrides: Partial<StorageVisit> = {}): StorageVisit {
  return {
    visitId,
    storageId: 'storage-1',
    step: 'filling',
    compartment: { id: 'c-7', label: '7', size: 'M', doorBottomCm: 80, doorTopCm: 120 },
    ownerName: null,
    startedAtMs: null,
    endsAtMs: null,
    latestEndMs: null,
    expired: false,
    newCode: null,
    skipped: [],
    ...overrides,
  };
}

/** A `scan.received` event as the core pushes it: the text never matters to the screen. */
function scan(scanId: string, kind: 'unknown' | 'tracking_number') {
  return {
    scanId,
    kind,
    source: 'serial',
    aimId: null,
    text: kind === 'unknown' ? 'EMP-P10001' : '1Z999AA10123456784',
    carrier: null,
    value: null,
  };
}

const ready = (overrides: Partial<StorageVisit> = {}) =>
  visit({
    step: 'ready',
    startedAtMs: startedAt,
    endsAtMs: startedAt + 24 * hour,
    latestEndMs: startedAt + 72 * hour,
    ...overrides,
  });

/** A flow whose options call was answered: the start page. */
async function setUp(options: StorageOptions = flexible) {
  const transport = new FakeTransport();
  // An hour into the sample stays (they end 24 hours after `startedAt`).
  const clock = new ManualClock(startedAt + hour);
  const flow = new StorageFlow(
    createKioskClient(transport, () => 'en'),
    clock,
  );
  flow.start();
  await settle();
  expect(transport.call(0).method).toBe('storage.options');
  transport.call(0).answer({ ok: true, value: options });
  await settle();
  expect(flow.state.page).toBe('start');
  return { transport, flow, clock };
}

/** Answers the latest call, after checking what it was. */
async function answerLast(
  transport: FakeTransport,
  method: string,
  value: unknown,
  args?: unknown,
): Promise<void> {
  const call = transport.call(transport.invokes.length - 1);
  expect(call.method).toBe(method);
  if (args !== undefined) {
    expect(call.args).toEqual(args);
  }
  call.answer({ ok: true, value });
  await settle();
}

/** From the start page to the badge page of a new storage, `hours` chosen. */
async function chooseNew(transport: FakeTransport, flow: StorageFlow, hours = 8): Promise<void> {
  void flow.newStorage();
  await settle();
  await answerLast(transport, 'storage.options', flexible);
  expect(flow.state.page).toBe('size');
  flow.chooseSize('M');
  expect(flow.state.page).toBe('duration');
  flow.chooseHours(hours);
  expect(flow.state).toMatchObject({ page: 'badge', size: 'M', hours });
}

describe('a new walk-up storage (F1)', () => {
  it('goes size → duration → badge → door, then shows the code once the door closes', async () => {
    const { transport, flow } = await setUp();
    await chooseNew(transport, flow);

    void flow.startStorage();
    await settle();
    expect(flow.state.busy).toBe('starting');
    await answerLast(transport, 'storage.start', visit(), { size: 'M', hours: 8, scanId: null });
    expect(flow.state).toMatchObject({ page: 'visit', busy: undefined });
    expect(flow.state.visit?.step).toBe('filling');
    expect(doorInUse(flow.state)).toBe(true);

    transport.push('storage.changed', ready({ newCode: '48213579' }));
    expect(flow.state.visit?.step).toBe('ready');
    expect(flow.state.newCode).toBe('48213579');
    expect(doorInUse(flow.state)).toBe(false);

    // X3: the code is sent once; a later view without it does not take it off the screen.
    transport.push('storage.changed', ready());
    expect(flow.state.newCode).toBe('48213579');
  });

  it('skips the duration step when the policy leaves nothing to choose', async () => {
    const { transport, flow } = await setUp(fixed);
    void flow.newStorage();
    await settle();
    await answerLast(transport, 'storage.options', fixed);
    flow.chooseSize('L');
    expect(flow.state).toMatchObject({ page: 'badge', size: 'L', hours: 24 });
    flow.back();
    expect(flow.state.page).toBe('size');
  });

  it('refuses a size with none free and hours the policy does not offer', async () => {
    const { transport, flow } = await setUp();
    void flow.newStorage();
    await settle();
    await answerLast(transport, 'storage.options', flexible);
    flow.chooseSize('S');
    expect(flow.state.page).toBe('size');
    flow.chooseSize('M');
    flow.chooseHours(23);
    expect(flow.state.page).toBe('duration');
  });

  it('starts with the badge when one is scanned on the badge page (its owner comes back with it)', async () => {
    const { transport, flow } = await setUp();
    await chooseNew(transport, flow, 24);
    // A parcel label is not a badge.
    transport.push('scan.received', scan('scan-label', 'tracking_number'));
    await settle();
    expect(transport.invokes).toHaveLength(2);

    transport.push('scan.received', scan('scan-badge', 'unknown'));
    await settle();
    await answerLast(transport, 'storage.start', visit({ ownerName: 'Léa' }), {
      size: 'M',
      hours: 24,
      scanId: 'scan-badge',
    });
    expect(flow.state.visit?.ownerName).toBe('Léa');
  });

  it('shows the core’s refusal and stays on the badge page', async () => {
    const { transport, flow } = await setUp();
    await chooseNew(transport, flow);
    void flow.startStorage();
    await settle();
    transport.call(2).answer(failure('storage_refused', 'No compartment of this size is free.'));
    await settle();
    expect(flow.state).toMatchObject({
      page: 'badge',
      busy: undefined,
      error: 'No compartment of this size is free.',
    });
  });

  it('cancels a storage when nothing went in (nothing_inside → give up)', async () => {
    const { transport, flow } = await setUp();
    await chooseNew(transport, flow);
    void flow.startStorage();
    await settle();
    await answerLast(transport, 'storage.start', visit());
    transport.push('storage.changed', visit({ step: 'nothing_inside' }));

    void flow.giveUp();
    await settle();
    await answerLast(transport, 'storage.giveUp', visit({ step: 'ended' }), { visitId });
    expect(flow.state.visit?.step).toBe('ended');
    expect(flow.state.cancelled).toBe(true);
  });
});

describe('a running storage (F3–F5)', () => {
  async function withCode() {
    const { transport, flow } = await setUp();
    flow.haveStorage();
    expect(flow.state.page).toBe('code');
    flow.acceptVisit(ready());
    expect(flow.state).toMatchObject({ page: 'visit', newCode: undefined });
    return { transport, flow };
  }

  it('opens the door during the storage and comes back to it on close (F3)', async () => {
    const { transport, flow } = await withCode();
    void flow.open();
    await settle();
    await answerLast(transport, 'storage.open', ready({ step: 'door_open' }), { visitId });
    expect(doorInUse(flow.state)).toBe(true);
    transport.push('storage.changed', ready());
    expect(flow.state.visit?.step).toBe('ready');
  });

  it('extends, and confirms the new end (F5)', async () => {
    const { transport, flow } = await withCode();
    void flow.extend(8);
    await settle();
    expect(flow.state.busy).toBe('extending');
    const later = startedAt + 32 * hour;
    await answerLast(transport, 'storage.extend', ready({ endsAtMs: later }), {
      visitId,
      hours: 8,
    });
    expect(flow.state.visit?.endsAtMs).toBe(later);
    expect(flow.state.extendedToMs).toBe(later);
  });

  it('shows a refused extension in the core’s words and keeps the end', async () => {
    const { transport, flow } = await withCode();
    void flow.extend(48);
    await settle();
    transport.call(1).answer(failure('storage_refused', 'Past the latest end this bank allows.'));
    await settle();
    expect(flow.state.error).toBe('Past the latest end this bank allows.');
    expect(flow.state.visit?.endsAtMs).toBe(startedAt + 24 * hour);
    expect(flow.state.extendedToMs).toBeUndefined();
  });

  it('ends with an item left inside: open again, then ended (F4)', async () => {
    const { transport, flow } = await withCode();
    void flow.end();
    await settle();
    await answerLast(transport, 'storage.end', ready({ step: 'emptying' }), { visitId });
    transport.push('storage.changed', ready({ step: 'items_left' }));
    expect(flow.state.visit?.step).toBe('items_left');

    void flow.open();
    await settle();
    await answerLast(transport, 'storage.open', ready({ step: 'emptying' }), { visitId });
    transport.push('storage.changed', ready({ step: 'ended' }));
    expect(flow.state.visit?.step).toBe('ended');
    expect(flow.state.cancelled).toBe(false);
  });

  it('keeps the storage when the person chooses to (items_left → give up → ready)', async () => {
    const { transport, flow } = await withCode();
    transport.push('storage.changed', ready({ step: 'items_left' }));
    void flow.giveUp();
    await settle();
    await answerLast(transport, 'storage.giveUp', ready(), { visitId });
    expect(flow.state.visit?.step).toBe('ready');
    expect(flow.state.cancelled).toBe(false);
  });

  it('only ends an expired storage (G3 overstay)', async () => {
    const { transport, flow } = await setUp();
    flow.haveStorage();
    flow.acceptVisit(ready({ expired: true }));
    void flow.open();
    void flow.extend(2);
    await settle();
    expect(transport.invokes).toHaveLength(1);
    void flow.end();
    await settle();
    expect(transport.call(1).method).toBe('storage.end');
  });

  it('runs one call at a time: a second tap does not pulse the lock again', async () => {
    const { transport, flow } = await withCode();
    void flow.open();
    void flow.open();
    void flow.end();
    await settle();
    expect(transport.invokes.map((call) => call.method)).toEqual([
      'storage.options',
      'storage.open',
    ]);
  });

  it('ignores another visit’s changes', async () => {
    const { transport, flow } = await withCode();
    transport.push('storage.changed', ready({ visitId: 'visit-someone-else-000', step: 'ended' }));
    expect(flow.state.visit?.step).toBe('ready');
  });
});

describe('coming back with a badge, and leaving', () => {
  it('finds the storage by badge on the start page and shows the core’s refusal', async () => {
    const { transport, flow } = await setUp();
    transport.push('scan.received', scan('scan-1', 'unknown'));
    await settle();
    expect(flow.state.busy).toBe('checking_badge');
    transport.call(1).answer(failure('storage_refused', 'No storage for this badge here.'));
    await settle();
    expect(flow.state).toMatchObject({ page: 'start', error: 'No storage for this badge here.' });

    transport.push('scan.received', scan('scan-2', 'unknown'));
    await settle();
    await answerLast(transport, 'storage.withScan', ready({ ownerName: 'Léa' }), {
      scanId: 'scan-2',
    });
    expect(flow.state).toMatchObject({ page: 'visit', error: undefined });
  });

  it('finishes the visit once, forgets the code, and ignores what comes after', async () => {
    const { transport, flow } = await setUp();
    flow.haveStorage();
    flow.acceptVisit(ready({ newCode: '11223344' }));
    expect(flow.state.newCode).toBe('11223344');
    void flow.finish();
    void flow.finish();
    await settle();
    expect(flow.state.newCode).toBeUndefined();
    await answerLast(transport, 'storage.finish', {}, { visitId });
    expect(transport.invokes.filter((call) => call.method === 'storage.finish')).toHaveLength(1);
    transport.push('storage.changed', ready({ step: 'ended' }));
    expect(flow.state.visit?.step).toBe('ready');
  });

  it('sends no finish when no storage was reached, and stops listening', async () => {
    const { transport, flow } = await setUp();
    await flow.finish();
    expect(transport.invokes).toHaveLength(1);
    flow.stop();
    expect(transport.listenerCount).toBe(0);
  });
});

describe('a stay that passes its end while the page is open (G3)', () => {
  it('is expired from its end on, by the clock, or when the core says so', () => {
    const ends = startedAt + 24 * hour;
    expect(isVisitExpired({ expired: false, endsAtMs: ends }, ends - 1)).toBe(false);
    expect(isVisitExpired({ expired: false, endsAtMs: ends }, ends)).toBe(true);
    expect(isVisitExpired({ expired: false, endsAtMs: null }, ends + 365 * 24 * hour)).toBe(false);
    expect(isVisitExpired({ expired: true, endsAtMs: ends }, ends - hour)).toBe(true);
  });

  it('offers no extension once the end has passed, though the core said "not expired"', () => {
    const running = ready();
    expect(extensionChoicesFor(running, startedAt + 23 * hour)).not.toEqual([]);
    expect(extensionChoicesFor(running, startedAt + 24 * hour)).toEqual([]);
  });

  it('stops opening and extending at the end, but still ends the storage', async () => {
    const { transport, flow, clock } = await setUp();
    flow.haveStorage();
    flow.acceptVisit(ready());
    await clock.advance(22 * hour);
    void flow.open();
    await settle();
    await answerLast(transport, 'storage.open', ready({ step: 'door_open' }), { visitId });
    transport.push('storage.changed', ready());

    // The page stays open past the end: the visit the core sent still says `expired: false`.
    await clock.advance(hour);
    expect(flow.state.visit?.expired).toBe(false);
    const before = transport.invokes.length;
    void flow.open();
    void flow.extend(1);
    await settle();
    expect(transport.invokes).toHaveLength(before);
    void flow.end();
    await settle();
    expect(transport.call(before).method).toBe('storage.end');
  });
});

describe('a storage ended elsewhere (another visit, an operator emptying it)', () => {
  for (const step of storageSteps.filter((each) => each !== 'ended')) {
    it(`moves to the ended page from ${step}`, async () => {
      const { transport, flow } = await setUp();
      flow.haveStorage();
      flow.acceptVisit(ready({ step, newCode: step === 'ready' ? '48213579' : null }));
      transport.push('storage.changed', ready({ step: 'ended' }));
      expect(flow.state).toMatchObject({ page: 'visit', cancelled: false });
      expect(flow.state.visit?.step).toBe('ended');
      // X3: the code no longer opens anything; it leaves the screen.
      expect(flow.state.newCode).toBeUndefined();
      expect(doorInUse(flow.state)).toBe(false);
    });
  }

  it('shows the core’s refusal on the ended page, and a late answer never brings back the buttons', async () => {
    const { transport, flow } = await setUp();
    flow.haveStorage();
    flow.acceptVisit(ready());
    void flow.open();
    await settle();
    transport.push('storage.changed', ready({ step: 'ended' }));
    transport.call(1).answer(failure('storage_refused', 'This storage has ended.'));
    await settle();
    expect(flow.state).toMatchObject({ busy: undefined, error: 'This storage has ended.' });
    expect(flow.state.visit?.step).toBe('ended');

    transport.push('storage.changed', ready({ step: 'door_open' }));
    expect(flow.state.visit?.step).toBe('ended');
    void flow.open();
    void flow.extend(1);
    void flow.end();
    await settle();
    expect(transport.invokes).toHaveLength(2);
  });
});
