import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { SessionManager, type SessionEnded } from '../../../src-main/auth/session-manager.js';
import type { Clock } from '../../../src-shared/time/clock.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

const minute = 60_000;

function setup(policy = { idleTimeoutMs: 5 * minute, absoluteLifetimeMs: 60 * minute }) {
  const clock = new ManualClock();
  const sessions = new SessionManager({ clock, logger: pino({ level: 'silent' }), policy });
  const ended: SessionEnded[] = [];
  sessions.onEnded((event) => ended.push(event));
  return { clock, sessions, ended };
}

describe('SessionManager', () => {
  it('creates sessions with unguessable, distinct ids', () => {
    const { sessions } = setup();
    const ids = new Set(Array.from({ length: 100 }, () => sessions.create('op-1').id));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('ends a session idle for the timeout, and tells the listeners (by timer, nobody calling get)', async () => {
    const { clock, sessions, ended } = setup();
    const session = sessions.create('op-1');
    await clock.advance(5 * minute - 1);
    expect(ended).toEqual([]);
    await clock.advance(1);
    expect(ended).toEqual([
      { session, reason: 'idle_timeout', atMs: session.createdAtMs + 5 * minute },
    ]);
    expect(sessions.get(session.id)).toBeUndefined();
    expect(sessions.openSessions).toBe(0);
  });

  it('expires lazily on get, from the clock alone, even when no timer ever fires', () => {
    // A clock whose timers never fire: as if the event loop had been too busy to run them.
    let nowMs = Date.UTC(2026, 0, 1);
    const stalledClock: Clock = {
      now: () => nowMs,
      setTimeout: () => ({ timerId: Symbol('never fires') }),
      clearTimeout: () => undefined,
    };
    const sessions = new SessionManager({
      clock: stalledClock,
      logger: pino({ level: 'silent' }),
      policy: { idleTimeoutMs: 5 * minute, absoluteLifetimeMs: 60 * minute },
    });
    const ended: SessionEnded[] = [];
    sessions.onEnded((event) => ended.push(event));
    const session = sessions.create('op-1');
    nowMs += 5 * minute - 1;
    expect(sessions.get(session.id)).toBeDefined();
    nowMs += 1;
    expect(sessions.get(session.id)).toBeUndefined();
    expect(ended.map((event) => event.reason)).toEqual(['idle_timeout']);
  });

  it('keeps a session alive while it is touched, up to the absolute lifetime', async () => {
    const { clock, sessions, ended } = setup();
    const session = sessions.create('op-1');
    for (let minutes = 0; minutes < 59; minutes++) {
      await clock.advance(minute);
      expect(sessions.touch(session.id), `minute ${minutes + 1}`).toBeDefined();
    }
    await clock.advance(minute);
    expect(sessions.touch(session.id)).toBeUndefined();
    expect(ended.map((event) => event.reason)).toEqual(['lifetime_reached']);
    expect(ended[0]!.atMs).toBe(session.createdAtMs + 60 * minute);
  });

  it('get does not count as activity', async () => {
    const { clock, sessions } = setup();
    const session = sessions.create('op-1');
    await clock.advance(4 * minute);
    expect(sessions.get(session.id)).toBeDefined();
    await clock.advance(minute);
    expect(sessions.get(session.id)).toBeUndefined();
  });

  it('ends on sign-out once, with one event', () => {
    const { sessions, ended } = setup();
    const session = sessions.create('op-1');
    expect(sessions.end(session.id)).toBe(true);
    expect(sessions.end(session.id)).toBe(false);
    expect(sessions.touch(session.id)).toBeUndefined();
    expect(ended.map((event) => event.reason)).toEqual(['signed_out']);
  });

  it('leaves no timer behind for an ended session', async () => {
    const { clock, sessions, ended } = setup();
    const session = sessions.create('op-1');
    sessions.end(session.id);
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(2 * 60 * minute);
    expect(ended).toHaveLength(1);
  });

  it('ends every session of an account (admin locked it)', () => {
    const { sessions, ended } = setup();
    const first = sessions.create('op-1');
    const second = sessions.create('op-1');
    const other = sessions.create('op-2');
    expect(sessions.endAllOf('op-1')).toBe(2);
    expect(sessions.get(first.id)).toBeUndefined();
    expect(sessions.get(second.id)).toBeUndefined();
    expect(sessions.get(other.id)).toBeDefined();
    expect(ended.map((event) => event.reason)).toEqual(['revoked', 'revoked']);
  });

  it('applies a new idle timeout from the admin to sessions already open', async () => {
    const { clock, sessions, ended } = setup();
    const session = sessions.create('op-1');
    await clock.advance(2 * minute);
    sessions.setPolicy({ idleTimeoutMs: 3 * minute, absoluteLifetimeMs: 60 * minute });
    await clock.advance(minute - 1);
    expect(ended).toEqual([]);
    await clock.advance(1);
    expect(ended.map((event) => event.reason)).toEqual(['idle_timeout']);
    expect(sessions.get(session.id)).toBeUndefined();
  });

  it('ends at once the sessions a shorter timeout has already passed', async () => {
    const { clock, sessions, ended } = setup();
    sessions.create('op-1');
    await clock.advance(4 * minute);
    sessions.setPolicy({ idleTimeoutMs: 2 * minute, absoluteLifetimeMs: 60 * minute });
    expect(ended.map((event) => event.reason)).toEqual(['idle_timeout']);
  });

  it('stops listening when unsubscribed, and close clears every timer', () => {
    const { clock, sessions, ended } = setup();
    const calls: SessionEnded[] = [];
    const unsubscribe = sessions.onEnded((event) => calls.push(event));
    unsubscribe();
    sessions.end(sessions.create('op-1').id);
    expect(calls).toEqual([]);
    expect(ended).toHaveLength(1);
    sessions.create('op-2');
    sessions.close();
    expect(clock.pendingTimers).toBe(0);
    expect(sessions.openSessions).toBe(0);
  });

  it('refuses timeouts that are not positive', () => {
    expect(
      () =>
        new SessionManager({
          clock: new ManualClock(),
          logger: pino({ level: 'silent' }),
          policy: { idleTimeoutMs: 0, absoluteLifetimeMs: 1 },
        }),
    ).toThrow(RangeError);
  });
});
