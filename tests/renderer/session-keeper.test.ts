import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src-shared/api/session-methods.js';
import { failure } from '../../src-shared/api/result.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { SessionKeeper, type SessionChange } from '../../src-renderer/state/session-keeper.js';
import { FakeTransport, settle } from './fakes.js';

function sessionInfo(tag = 'tag-1', token = 'token-aaaaaaaaaaaaaaaa'): SessionInfo {
  return {
    session: token,
    tag,
    person: {
      kind: 'operator',
      id: 'op-1',
      displayName: 'Camille Roy',
      role: 'mailroom_operator',
      permissions: ['parcel.drop_off', 'compartment.view_all'],
    },
    idleTimeoutMs: 300_000,
    endsAtMs: Date.UTC(2026, 0, 1, 8),
  };
}

function setUp() {
  const transport = new FakeTransport();
  const changes: SessionChange[] = [];
  const keeper = new SessionKeeper(
    createKioskClient(transport, () => 'en'),
    (change) => {
      changes.push(change);
    },
  );
  return { transport, keeper, changes };
}

async function signedIn(info = sessionInfo()) {
  const setup = setUp();
  const signingIn = setup.keeper.signIn('camille', 'secret');
  await settle();
  setup.transport.call(0).answer({ ok: true, value: info });
  await expect(signingIn).resolves.toBeUndefined();
  return setup;
}

describe('session keeper', () => {
  it('signs in with a user name and password and keeps the token in memory', async () => {
    const { transport, keeper, changes } = await signedIn();
    expect(transport.call(0)).toMatchObject({
      method: 'session.signIn',
      args: { userName: 'camille', password: 'secret' },
    });
    expect(keeper.token).toBe('token-aaaaaaaaaaaaaaaa');
    expect(changes.at(-1)?.info?.person.displayName).toBe('Camille Roy');
  });

  it('answers with the core’s message and stays signed out when refused', async () => {
    const { transport, keeper } = setUp();
    const signingIn = keeper.signIn('camille', 'wrong');
    await settle();
    transport
      .call(0)
      .answer(
        failure('account_locked', 'This user account is locked. Too many failed login attempts.'),
      );
    await expect(signingIn).resolves.toBe(
      'This user account is locked. Too many failed login attempts.',
    );
    expect(keeper.token).toBeUndefined();
  });

  it('signs in with a scan by its id', async () => {
    const { transport, keeper } = setUp();
    const signingIn = keeper.signInWithScan('scan-7');
    await settle();
    expect(transport.call(0)).toMatchObject({
      method: 'session.signInWithScan',
      args: { scanId: 'scan-7' },
    });
    transport.call(0).answer({ ok: true, value: sessionInfo() });
    await signingIn;
    expect(keeper.info?.tag).toBe('tag-1');
  });

  it('checks permissions against the signed-in person', async () => {
    const { keeper } = await signedIn();
    expect(keeper.can('parcel.drop_off')).toBe(true);
    expect(keeper.can('settings.edit')).toBe(false);
    expect(setUp().keeper.can('parcel.drop_off')).toBe(false);
  });

  it('ends on its own session.ended only, and says why', async () => {
    const { transport, keeper, changes } = await signedIn();
    const stop = keeper.follow();
    transport.push('session.ended', { tag: 'somebody-else', reason: 'idle_timeout' });
    expect(keeper.token).toBeDefined();
    transport.push('session.ended', { tag: 'tag-1', reason: 'idle_timeout' });
    expect(keeper.token).toBeUndefined();
    expect(changes.at(-1)).toEqual({
      info: undefined,
      notice: { kind: 'ended', reason: 'idle_timeout' },
    });
    stop();
    expect(transport.listenerCount).toBe(0);
  });

  it('forgets the session at once on sign-out, even if the core never answers', async () => {
    const { transport, keeper, changes } = await signedIn();
    void keeper.signOut();
    await settle();
    expect(transport.call(1)).toMatchObject({
      method: 'session.signOut',
      args: { session: 'token-aaaaaaaaaaaaaaaa' },
    });
    expect(keeper.token).toBeUndefined();
    expect(changes.at(-1)?.notice).toEqual({ kind: 'ended', reason: 'signed_out' });
  });

  it('finds a session gone after a reconnection and says so in the core’s words', async () => {
    const { transport, keeper, changes } = await signedIn();
    const checking = keeper.check();
    await settle();
    expect(transport.call(1).method).toBe('session.current');
    transport.call(1).answer(failure('not_signed_in', 'Please sign in to continue.'));
    await checking;
    expect(keeper.token).toBeUndefined();
    expect(changes.at(-1)?.notice).toEqual({
      kind: 'message',
      text: 'Please sign in to continue.',
    });
  });

  it('keeps the session when the check fails for another reason (connection lost again)', async () => {
    const { transport, keeper } = await signedIn();
    const checking = keeper.check();
    await settle();
    transport.call(1).answer(failure('internal_error', 'Something went wrong.'));
    await checking;
    expect(keeper.token).toBe('token-aaaaaaaaaaaaaaaa');
  });
});
