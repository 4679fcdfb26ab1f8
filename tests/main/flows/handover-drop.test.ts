import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contacts } from '../../../src-main/db/schema.js';
import type { RecipientRef } from '../../../src-shared/api/drop-off-methods.js';
import type { HandoverRequest } from '../../../src-shared/api/handover-methods.js';
import { saveSettings, type CoreHarness } from '../core/core-harness.js';
import { contactNamed, contactOf, lockOfId, nextUnlocks, startFlowHarness } from './flow-kit.js';
import {
  closeDropDoor,
  dropWithCode,
  handoverFootprint,
  handoverRequest,
  handoverRow,
  lastDropEvent,
  lastNoticeOf,
} from './handover-kit.js';

const dayMs = 24 * 60 * 60_000;
const wrongCodeMessage =
  'This code does not open any compartment here. Check the code in your message, or ask the mailroom for a new one.';

/** The drop at the kiosk (D3, D4) and the mailroom's refusals: nothing half-applied. */
describe('hand-over drops and refusals', () => {
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

  async function reserveReturn(changes: Partial<HandoverRequest> = {}) {
    const created = await harness.call('handover.create', {
      request: handoverRequest('return', james.id, changes),
    });
    return { created, code: (await lastNoticeOf(harness, 'return_code')).code };
  }

  it('X3: wrong, expired and used codes all get the same invalid_code answer', async () => {
    const used = await reserveReturn();
    await dropWithCode(harness, used.code);
    const expiring = await reserveReturn({ dropWithinDays: 1 });
    await harness.clock.advance(dayMs);
    for (const code of ['000000', expiring.code, used.code]) {
      const refused = await harness.invoke('handover.withCode', { code });
      expect(refused.ok === false && refused.error).toEqual({
        code: 'invalid_code',
        message: wrongCodeMessage,
      });
    }
    // Text that is no code at all gets the same answer.
    const refused = await harness.invoke('handover.withCode', { code: 'not a code' });
    expect(refused.ok === false && refused.error.code).toBe('invalid_code');
  });

  it.each<[string, (sender: string, receiver: string) => HandoverRequest, string]>([
    [
      'the same sender and receiver',
      (sender) => handoverRequest('exchange', sender, { receiverContactId: sender }),
      'The same person cannot both leave and pick up an exchange. Choose someone else to pick it up.',
    ],
    [
      'an unknown sender',
      () => handoverRequest('return', 'no-such-contact'),
      'The person bringing the item is not in the directory, or is no longer active. Choose someone else.',
    ],
    [
      'an unknown receiver',
      (sender) => handoverRequest('exchange', sender, { receiverContactId: 'no-such-contact' }),
      'The person picking the item up is not in the directory, or is no longer active. Choose someone else.',
    ],
    [
      'a return with a receiver',
      (sender, receiver) => handoverRequest('return', sender, { receiverContactId: receiver }),
      'A return goes to the mailroom, so nobody else picks it up. Leave “picked up by” empty, or make it an exchange.',
    ],
    [
      'an exchange without a receiver',
      (sender) => handoverRequest('exchange', sender),
      'An exchange needs someone to pick the item up. Choose who will.',
    ],
    [
      'a tracking number and a generated one',
      (sender) =>
        handoverRequest('return', sender, { trackingNumber: 'X1', generateTrackingNumber: true }),
      'Give a tracking number or let the bank make one up, not both.',
    ],
  ])('refuses %s and changes nothing', async (_what, request, message) => {
    const before = handoverFootprint(harness);
    const refused = await harness.invoke('handover.create', {
      request: request(james.id, elodie.id),
    });
    expect(refused.ok === false && refused.error).toEqual({ code: 'handover_refused', message });
    expect(handoverFootprint(harness)).toEqual(before);
  });

  it('says its refusals in French', async () => {
    const refused = await harness.invoke(
      'handover.create',
      { request: handoverRequest('exchange', james.id, { receiverContactId: james.id }) },
      'fr',
    );
    expect(refused.ok === false && refused.error.message).toBe(
      'La même personne ne peut pas à la fois déposer et retirer un échange. Choisissez quelqu’un d’autre pour le retirer.',
    );
  });

  it('X2: a door closed on nothing asks first; reopen, then the item counts', async () => {
    await saveSettings(harness, { itemSensors: true });
    const { created, code } = await reserveReturn();
    const started = await harness.call('handover.withCode', { code });
    const lock = await lockOfId(harness, started.compartment.id);
    harness.hardware.setItem(lock, false);
    const empty = await closeDropDoor(harness, started);
    expect(empty.state).toBe('check_empty');
    expect(handoverRow(harness, created.handoverId)['state']).toBe('awaiting_drop');

    const reopened = await harness.call('handover.reopen', { dropId: started.dropId });
    expect(reopened).toMatchObject({ state: 'door_open', compartment: started.compartment });
    harness.hardware.setItem(lock, true);
    const done = await closeDropDoor(harness, reopened);
    expect(done.state).toBe('completed');
    expect(handoverRow(harness, created.handoverId)['state']).toBe('in_locker');
  });

  it('cancelDrop after an empty close records it, and the code keeps working', async () => {
    await saveSettings(harness, { itemSensors: true });
    const { created, code } = await reserveReturn();
    const started = await harness.call('handover.withCode', { code });
    harness.hardware.setItem(await lockOfId(harness, started.compartment.id), false);
    expect((await closeDropDoor(harness, started)).state).toBe('check_empty');
    const cancelled = await harness.call('handover.cancelDrop', { dropId: started.dropId });
    expect(cancelled.state).toBe('cancelled');
    expect(harness.factTypes()).toContain('handover.drop_cancelled');
    expect(harness.factTypes()).not.toContain('handover.dropped');
    expect(handoverRow(harness, created.handoverId)['state']).toBe('awaiting_drop');
    const gone = await harness.invoke('handover.reopen', { dropId: started.dropId });
    expect(gone.ok === false && gone.error.code).toBe('not_found');

    const again = await harness.call('handover.withCode', { code });
    expect(again.state).toBe('door_open');
  });

  it('a drop left on check_empty ends after the inactivity timer, never while the door is open', async () => {
    await saveSettings(harness, { itemSensors: true });
    const { code } = await reserveReturn();
    const started = await harness.call('handover.withCode', { code });
    // Door open for ten minutes: still the sender's drop.
    await harness.clock.advance(10 * 60_000);
    expect(lastDropEvent(harness, started.dropId)).toBeUndefined();
    harness.hardware.setItem(await lockOfId(harness, started.compartment.id), false);
    expect((await closeDropDoor(harness, started)).state).toBe('check_empty');
    await harness.clock.advance(60_000);
    expect(lastDropEvent(harness, started.dropId)?.state).toBe('cancelled');
    expect(harness.facts().find((fact) => fact.type === 'handover.drop_cancelled')).toMatchObject({
      details: { reason: 'inactivity' },
    });
  });

  it('a door that does not open moves on to another compartment', async () => {
    const { created, code } = await reserveReturn();
    nextUnlocks(harness, ['jammed']);
    const started = await harness.call('handover.withCode', { code });
    expect(started.state).toBe('door_open');
    expect(started.skipped).toHaveLength(1);
    expect(started.skipped[0]?.label).not.toBe(started.compartment.label);
    expect(harness.hardware.unlocked).toHaveLength(2);
    const done = await closeDropDoor(harness, started);
    expect(done.state).toBe('completed');
    expect(handoverRow(harness, created.handoverId)['compartment_id']).toBe(started.compartment.id);
  });

  it('refuses three doors in a row that do not open, with nothing recorded but the attempts', async () => {
    const { created, code } = await reserveReturn();
    nextUnlocks(harness, ['jammed', 'jammed', 'jammed']);
    const refused = await harness.invoke('handover.withCode', { code });
    expect(refused.ok === false && refused.error.code).toBe('no_compartment_available');
    expect(handoverRow(harness, created.handoverId)['state']).toBe('awaiting_drop');
    // The code still works once a door does open.
    expect((await dropWithCode(harness, code)).state).toBe('completed');
  });

  it('one drop per code at a time, and no cancel while the door is open', async () => {
    const { created, code } = await reserveReturn();
    const started = await harness.call('handover.withCode', { code });
    const twice = await harness.invoke('handover.withCode', { code });
    expect(twice.ok === false && twice.error.code).toBe('handover_refused');
    const cancel = await harness.invoke('handover.cancel', { handoverId: created.handoverId });
    expect(cancel.ok === false && cancel.error.code).toBe('handover_refused');
    // Nor may the sender give up with the door open: the item may be inside.
    const giveUp = await harness.invoke('handover.cancelDrop', { dropId: started.dropId });
    expect(giveUp.ok === false && giveUp.error.message).toBe(
      'Close the door first. If you put nothing in, open it again, then cancel once it is closed.',
    );
    expect((await closeDropDoor(harness, started)).state).toBe('completed');
  });

  it('refuses a sender without an email address: their code could reach nobody', async () => {
    harness.writeDatabase((tx) =>
      tx.update(contacts).set({ email: null }).where(eq(contacts.id, james.id)).run(),
    );
    const before = handoverFootprint(harness);
    const refused = await harness.invoke('handover.create', {
      request: handoverRequest('return', james.id),
    });
    expect(refused.ok === false && refused.error.message).toBe(
      "James O'Connor has no email address in the directory: the drop-off code could not reach them. Add one first.",
    );
    expect(handoverFootprint(harness)).toEqual(before);
  });
});
