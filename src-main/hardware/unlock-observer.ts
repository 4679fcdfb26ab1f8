import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import { sleep, type Clock } from '../../src-shared/time/clock.js';
import type { BoardReading, LockBus } from './lock-bus.js';

/** The part of DoorMonitor the observer uses: reads go through it so the screen sees them too. */
export interface BoardPoller {
  pollNow(board: number): Promise<BoardReading>;
}

export interface UnlockObserverOptions {
  clock: Clock;
  /** How long after the pulse the door must be seen open before it counts as jammed (X2). */
  openTimeoutMs?: number;
  /** Pause between two reads of the board while waiting for the door; default 100 ms. */
  recheckIntervalMs?: number;
}

/**
 * X2: "pulse sent" is not "door open". Reads the board first (an open door needs no pulse),
 * sends one pulse (never repeated), then reads until the sensor says open or the time is up.
 * - door_already_open: the reading before the pulse said open; no pulse was sent.
 * - door_seen_open: a reading after the pulse said open.
 * - jammed: the board kept answering, and its last answer at the deadline still said closed.
 * - outcome_unknown: the board could not be read before the pulse (no pulse is sent blind), the
 *   pulse could not be written, or the last read before the deadline failed.
 */
export async function unlockAndObserve(
  bus: LockBus,
  monitor: BoardPoller,
  lock: LockAddress,
  options: UnlockObserverOptions,
): Promise<UnlockOutcome> {
  const { clock } = options;
  const openTimeoutMs = options.openTimeoutMs ?? 3000;
  const recheckIntervalMs = options.recheckIntervalMs ?? 100;

  const before = await readDoor(monitor, lock);
  if (before === 'failed') {
    return 'outcome_unknown';
  }
  if (before === 'open') {
    return 'door_already_open';
  }
  try {
    await bus.unlock(lock);
  } catch {
    return 'outcome_unknown';
  }
  const deadline = clock.now() + openTimeoutMs;
  for (;;) {
    const door = await readDoor(monitor, lock);
    if (door === 'open') {
      return 'door_seen_open';
    }
    const remainingMs = deadline - clock.now();
    if (remainingMs <= 0) {
      return door === 'closed' ? 'jammed' : 'outcome_unknown';
    }
    await sleep(clock, Math.min(recheckIntervalMs, remainingMs));
  }
}

async function readDoor(
  monitor: BoardPoller,
  lock: LockAddress,
): Promise<'open' | 'closed' | 'failed'> {
  try {
    const reading = await monitor.pollNow(lock.board);
    const open = reading.doorsOpen[lock.channel - 1];
    if (open === undefined) {
      return 'failed';
    }
    return open ? 'open' : 'closed';
  } catch {
    return 'failed';
  }
}
