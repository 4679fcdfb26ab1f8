import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCarrierQr, demoMailroomBadge } from '../../helpers/demo-session.js';
import type { CoreHarness } from '../core/core-harness.js';
import { changeSettings, scanned, startFlowHarness } from './flow-kit.js';

const lockedMessage = 'This user account is locked. Too many failed login attempts.';

/** Signing in at the kiosk (D1, D10, C5, A7, A8), through the API as the sign-in screen does. */
describe('kiosk sessions', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startFlowHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('signs an operator in by password, and refuses a wrong one', async () => {
    const signedIn = await harness.invoke('session.signIn', {
      userName: 'admin',
      password: 'casier-admin',
    });
    expect(signedIn).toMatchObject({
      ok: true,
      value: { person: { kind: 'operator', role: 'admin', displayName: 'Alex Martin' } },
    });
    const wrong = await harness.invoke('session.signIn', {
      userName: 'admin',
      password: 'casier-nope',
    });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'sign_in_failed', message: 'Wrong user name or password.' },
    });
  });

  it('locks an account after five failures in a row, even for the right password', async () => {
    // Four failures already on record (scrypt costs about a second per try): the fifth locks.
    harness.writeDatabase((tx) =>
      tx.run(
        sql`UPDATE operator SET failed_sign_in_count = 4, last_failed_sign_in_at = ${harness.clock.now()} WHERE user_name = 'relief'`,
      ),
    );
    const fifth = await harness.invoke('session.signIn', {
      userName: 'relief',
      password: 'wrong-password',
    });
    expect(fifth).toEqual({ ok: false, error: { code: 'account_locked', message: lockedMessage } });
    const right = await harness.invoke('session.signIn', {
      userName: 'relief',
      password: 'casier-relief',
    });
    expect(right).toEqual(fifth);
  });

  it('C5: signs in by badge, and refuses badges when contactless sign-in is off', async () => {
    const mailroom = await harness.signInWithScan(demoMailroomBadge);
    const info = await harness.call('session.current', { session: mailroom });
    expect(info.person).toMatchObject({ role: 'mailroom_operator', displayName: 'Camille Roy' });

    await changeSettings(harness, (settings) => ({ ...settings, contactlessSignIn: false }));
    const refused = await harness.invoke('session.signInWithScan', {
      scanId: await scanned(harness, demoMailroomBadge),
    });
    expect(refused.ok === false && refused.error.code).toBe('contactless_sign_in_off');
    // A carrier's QR is not a badge: D10 still works.
    await expect(harness.signInWithScan(demoCarrierQr)).resolves.toEqual(expect.any(String));
  });

  it('D10: a carrier signed in by QR may drop off and nothing else', async () => {
    const carrier = await harness.signInWithScan(demoCarrierQr);
    const info = await harness.call('session.current', { session: carrier });
    expect(info.person).toMatchObject({
      kind: 'carrier',
      role: 'carrier',
      permissions: ['parcel.drop_off'],
    });
    const compartmentId = (await harness.compartment('1')).id;
    for (const [method, args] of [
      ['manage.compartments', {}],
      ['compartment.open', { compartmentId }],
      ['manage.removeExpired', { compartmentId }],
      ['settings.save', { settings: await harness.call('settings.get', {}) }],
    ] as const) {
      const refused = await harness.invoke(method, { ...args, session: carrier });
      expect([method, refused.ok === false && refused.error.code]).toEqual([
        method,
        'permission_denied',
      ]);
    }
    expect(harness.hardware.unlocked).toEqual([]);
    expect(
      (await harness.invoke('directory.search', { session: carrier, query: 'James' })).ok,
    ).toBe(true);
  });

  it('uses a scan once: the same scan id cannot sign in twice', async () => {
    const scanId = await scanned(harness, demoMailroomBadge);
    expect((await harness.invoke('session.signInWithScan', { scanId })).ok).toBe(true);
    const again = await harness.invoke('session.signInWithScan', { scanId });
    expect(again.ok === false && again.error.code).toBe('scan_not_usable');
  });

  it('A7: ends a session left idle, tells its page, and refuses it afterwards', async () => {
    const session = await harness.signInWithScan(demoMailroomBadge);
    const info = await harness.call('session.current', { session });
    expect(info.idleTimeoutMs).toBe(5 * 60_000);
    harness.events.length = 0;
    // Activity keeps it alive…
    await harness.clock.advance(4 * 60_000);
    await harness.call('session.current', { session });
    await harness.clock.advance(4 * 60_000);
    expect((await harness.invoke('session.current', { session })).ok).toBe(true);
    expect(harness.eventsNamed('session.ended').filter((e) => e.tag === info.tag)).toEqual([]);
    // …five minutes without any ends it.
    await harness.clock.advance(5 * 60_000);
    expect(harness.eventsNamed('session.ended')).toContainEqual({
      tag: info.tag,
      reason: 'idle_timeout',
    });
    const after = await harness.invoke('session.current', { session });
    expect(after.ok === false && after.error.code).toBe('not_signed_in');
  });

  it('A7: ends a busy session at its absolute limit', async () => {
    await changeSettings(harness, (settings) => ({
      ...settings,
      timers: { ...settings.timers, operatorIdleMinutes: 30, operatorSessionHours: 1 },
    }));
    const session = await harness.signInWithScan(demoMailroomBadge);
    const info = await harness.call('session.current', { session });
    expect(info.endsAtMs).toBe(harness.clock.now() + 30 * 60_000);
    for (let quarter = 0; quarter < 3; quarter++) {
      await harness.clock.advance(15 * 60_000);
      expect((await harness.invoke('session.current', { session })).ok).toBe(true);
    }
    await harness.clock.advance(15 * 60_000);
    expect(harness.eventsNamed('session.ended')).toContainEqual({
      tag: info.tag,
      reason: 'lifetime_reached',
    });
    const after = await harness.invoke('dropoff.reservations', { session });
    expect(after.ok === false && after.error.code).toBe('not_signed_in');
  });
});
