import { describe, expect, it } from 'vitest';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { DoorMonitor } from '../../../src-main/hardware/door-monitor.js';
import { unlockAndObserve } from '../../../src-main/hardware/unlock-observer.js';
import { FakeLockBus } from './fake-lock-bus.js';

const lock = { board: 1, channel: 3 };

function setup() {
  const clock = new ManualClock();
  const bus = new FakeLockBus(clock, [0, 1]);
  const monitor = new DoorMonitor({ bus, clock, boards: [0, 1] });
  const changes: string[] = [];
  monitor.onDoorChanged((changed, door, previous) => {
    if (previous !== 'unknown') {
      changes.push(`${changed.board}/${changed.channel} ${door}`);
    }
  });
  return { clock, bus, monitor, changes };
}

/** Starts the observation and tracks when it settles, so tests can step the clock to it. */
function observe(setupResult: ReturnType<typeof setup>, openTimeoutMs = 3000) {
  const { bus, monitor, clock } = setupResult;
  const state: { outcome?: UnlockOutcome; settledAt?: number } = {};
  const done = unlockAndObserve(bus, monitor, lock, { clock, openTimeoutMs }).then((outcome) => {
    state.outcome = outcome;
    state.settledAt = clock.now();
    return outcome;
  });
  return { state, done, startedAt: clock.now() };
}

describe('unlockAndObserve (X2: pulse sent is not door open)', () => {
  it('sends no pulse to a door that already reads open', async () => {
    const context = setup();
    context.bus.setDoor(lock, true);
    const { done } = observe(context);
    expect(await done).toBe('door_already_open');
    expect(context.bus.unlocks).toEqual([]);
  });

  it('pulses once and reports door_seen_open when a later read sees it open', async () => {
    const context = setup();
    context.bus.openDelayMs = 250;
    const { done, state, startedAt } = observe(context);
    await context.clock.advance(200);
    expect(state.outcome).toBeUndefined();
    await context.clock.advance(200);
    expect(await done).toBe('door_seen_open');
    expect(state.settledAt! - startedAt).toBeLessThanOrEqual(300);
    expect(context.bus.unlocks).toEqual([lock]);
    expect(context.changes).toEqual(['1/3 open']);
    expect(context.clock.pendingTimers).toBe(0);
  });

  it('reports jammed when the board answers but the door stays closed until the timeout', async () => {
    const context = setup();
    context.bus.unlockOpensDoor = false;
    const { done, state, startedAt } = observe(context, 3000);
    await context.clock.advance(2999);
    expect(state.outcome).toBeUndefined();
    await context.clock.advance(1);
    expect(await done).toBe('jammed');
    expect(state.settledAt! - startedAt).toBe(3000);
    expect(context.bus.unlocks).toHaveLength(1);
    expect(context.bus.reads.length).toBeGreaterThan(20);
    expect(context.clock.pendingTimers).toBe(0);
  });

  it('reports outcome_unknown, never resending the pulse, when the board stops answering', async () => {
    const context = setup();
    context.bus.unlockOpensDoor = false;
    const { done } = observe(context);
    await context.clock.advance(0);
    context.bus.failingBoards.add(1);
    await context.clock.advance(3000);
    expect(await done).toBe('outcome_unknown');
    expect(context.bus.unlocks).toHaveLength(1);
  });

  it('sends no pulse blind when the board cannot be read first', async () => {
    const context = setup();
    context.bus.failingBoards.add(1);
    expect(await observe(context).done).toBe('outcome_unknown');
    expect(context.bus.unlocks).toEqual([]);
  });

  it('reports outcome_unknown when the pulse cannot be written', async () => {
    const context = setup();
    context.bus.failUnlock = true;
    expect(await observe(context).done).toBe('outcome_unknown');
  });
});
