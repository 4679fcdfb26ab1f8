import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreHarness } from '../core/core-harness.js';
import { contactOf, lockOfId, scanned, startFlowHarness } from './flow-kit.js';
import {
  bookingRequest,
  closeStorageDoor,
  hourMs,
  lastStorageEvent,
  refusal,
  storageRow,
  walkUp,
} from './storage-kit.js';

/**
 * One storage, two screens or two people at once (the code typed again, the badge after the
 * code, an operator emptying it): one door task at a time, and nobody left on a stale screen.
 */
describe('storage used from two places at once', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startFlowHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('F2: a booking being claimed cannot be claimed again, nor withdrawn, until its door closes', async () => {
    const elodie = contactOf(harness, 'P10001').id;
    const startsAtMs = harness.clock.now();
    await harness.call('storage.book', {
      booking: bookingRequest(elodie, { startsAtMs, hours: 24 }),
    });
    const filling = await harness.call('storage.withScan', {
      scanId: await scanned(harness, 'EMP-P10001'),
    });
    expect(filling.step).toBe('filling');
    const unlocksBefore = harness.hardware.unlocked.length;
    const again = await refusal(harness, 'storage.withScan', {
      scanId: await scanned(harness, 'EMP-P10001'),
    });
    expect(again).toEqual({
      code: 'storage_refused',
      message: 'This storage is already open on the kiosk. Finish there first, or wait a minute.',
    });
    expect(harness.hardware.unlocked.length).toBe(unlocksBefore);
    const withdrawn = await refusal(harness, 'storage.cancelBooking', { externalId: 'web-0001' });
    expect(withdrawn.code).toBe('storage_refused');

    const ready = await closeStorageDoor(harness, filling);
    expect(ready.step).toBe('ready');
    expect(storageRow(harness, ready.storageId)).toMatchObject({
      state: 'active',
      compartment_id: filling.compartment.id,
    });
  });

  it('F3: a second visit takes over an idle one, and is refused while the first has the door open', async () => {
    const stored = await walkUp(harness, 'S', 24);
    const first = await harness.call('storage.withCode', { code: stored.newCode });
    const second = await harness.call('storage.withCode', { code: stored.newCode });
    expect(second.step).toBe('ready');
    // The first screen's visit was retired: it is no longer known.
    expect((await refusal(harness, 'storage.open', { visitId: first.visitId })).code).toBe(
      'not_found',
    );
    await harness.call('storage.open', { visitId: second.visitId });
    const third = await refusal(harness, 'storage.withCode', { code: stored.newCode });
    expect(third.code).toBe('storage_refused');
    harness.hardware.setDoor(await lockOfId(harness, stored.compartment.id), 'closed');
    expect(lastStorageEvent(harness, second.visitId)?.step).toBe('ready');
    expect((await harness.call('storage.withCode', { code: stored.newCode })).step).toBe('ready');
  });

  it('G3: a storage emptied by an operator moves its owner’s open screen to "ended"', async () => {
    const stored = await walkUp(harness, 'S', 24);
    await harness.clock.advance(25 * hourMs);
    // The owner is at the screen (their storage overstayed) while an operator empties it.
    const screen = await harness.call('storage.withCode', { code: stored.newCode });
    expect(screen.expired).toBe(true);
    await harness.signInAdmin();
    await harness.call('manage.emptyStorage', {
      compartmentId: stored.compartment.id,
      reason: 'Overstayed',
    });
    harness.hardware.setDoor(await lockOfId(harness, stored.compartment.id), 'closed');
    expect(storageRow(harness, stored.storageId)['state']).toBe('emptied');
    const refused = await refusal(harness, 'storage.end', { visitId: screen.visitId });
    expect(refused).toEqual({
      code: 'storage_refused',
      message: 'This storage has ended: the compartment is no longer yours.',
    });
    expect(lastStorageEvent(harness, screen.visitId)?.step).toBe('ended');
  });
});
