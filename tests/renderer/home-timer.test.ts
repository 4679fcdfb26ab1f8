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
