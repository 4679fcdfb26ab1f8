import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { HomeTimer, secondsLeft } from '../../src-renderer/time/home-timer.js';

function setUp() {
  const clock = new ManualClock();
  let wentHome = 0;
  const timer = new HomeTimer(clock, () => {
    wentHome += 1;
  });
  return { clock, timer, wentHome: () => wentHome };
}

describe('home timer', () => {
  it('goes home after the inactivity time, restarted by every touch', async () => {
    const { clock, timer, wentHome } = setUp();
    timer.watchInactivity(60_000);
    await clock.advance(59_000);
    timer.touch();
    await clock.advance(59_000);
    expect(wentHome()).toBe(0);
    await clock.advance(1_000);
    expect(wentHome()).toBe(1);
    await clock.advance(120_000);
    expect(wentHome()).toBe(1);
  });

  it('goes home after a finished screen’s delay whatever the touches', async () => {
    const { clock, timer, wentHome } = setUp();
    timer.returnAfter(15_000);
    expect(timer.deadlineMs).toBe(clock.now() + 15_000);
    await clock.advance(10_000);
    timer.touch();
    await clock.advance(5_000);
    expect(wentHome()).toBe(1);
    expect(timer.deadlineMs).toBeUndefined();
  });

  it('does nothing once stopped, and a touch does not restart it', async () => {
    const { clock, timer, wentHome } = setUp();
    timer.watchInactivity(1_000);
    timer.stop();
    timer.touch();
    await clock.advance(5_000);
    expect(wentHome()).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('counts whole seconds left, rounded up', () => {
    expect(secondsLeft(10_001, 0)).toBe(11);
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(0, 500)).toBe(0);
  });
});

describe('a door held open for the person (F1, D3)', () => {
  it('never goes home while held, however long, and waits in full once released', async () => {
    const { clock, timer, wentHome } = setUp();
    timer.watchInactivity(60_000);
    await clock.advance(50_000);
    timer.hold();
    timer.hold();
    expect(timer.held).toBe(true);
    expect(timer.deadlineMs).toBeUndefined();
    // Touches while filling the compartment change nothing: the timer is not running.
    timer.touch();
    await clock.advance(10 * 60_000);
    expect(wentHome()).toBe(0);
    expect(clock.pendingTimers).toBe(0);

    timer.release();
    expect(timer.held).toBe(false);
    expect(timer.deadlineMs).toBe(clock.now() + 60_000);
    await clock.advance(59_000);
    expect(wentHome()).toBe(0);
    // Still the inactivity kind: a touch restarts it.
    timer.touch();
    await clock.advance(59_000);
    expect(wentHome()).toBe(0);
    await clock.advance(1_000);
    expect(wentHome()).toBe(1);
  });

  it('keeps a wait asked for while held until the release', async () => {
    const { clock, timer, wentHome } = setUp();
    timer.hold();
    timer.watchInactivity(30_000);
    await clock.advance(60_000);
    expect(wentHome()).toBe(0);
    timer.release();
    await clock.advance(30_000);
    expect(wentHome()).toBe(1);
  });

  it('does nothing on release when nothing was running, nor after a stop', async () => {
    const { clock, timer, wentHome } = setUp();
    timer.release();
    timer.hold();
    timer.release();
    expect(clock.pendingTimers).toBe(0);

    timer.watchInactivity(1_000);
    timer.hold();
    timer.stop();
    timer.release();
    await clock.advance(5_000);
    expect(wentHome()).toBe(0);
    expect(timer.held).toBe(false);
  });
});
