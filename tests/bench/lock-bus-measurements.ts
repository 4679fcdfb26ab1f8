import { performance } from 'node:perf_hooks';
import type { LockAddress } from '../../src-shared/domain/compartment.js';
import { DoorMonitor, type ObservedDoor } from '../../src-main/hardware/door-monitor.js';
import type { KerongCu16Bus } from '../../src-main/hardware/kerong-cu16/bus.js';
import { systemClock } from '../../src-main/time/system-clock.js';
import { waitForCondition, type SimulatorControl } from '../helpers/board-simulator.js';
import { withDeadline } from './harness.js';
import type { TimedSerialLine } from './timed-serial-line.js';

/** One block of a lock-bus bench: timed samples, discarded warm-up ones, the bus's pauses. */
export interface BlockPlan {
  samples: number;
  warmUp: number;
  /** The monitor's poll interval (the bus's settle pause is set to it by the caller). */
  pauseMs: number;
}

const eventDeadlineMs = 5000;

/**
 * Microseconds from `unlock()` being called to its frame written and drained, one unlock at a
 * time on an idle bus. `lock` must be a door nobody else watches: the simulator opens it.
 */
export async function unlockToFrameWritten(
  bus: KerongCu16Bus,
  line: TimedSerialLine,
  lock: LockAddress,
  count: BlockPlan,
): Promise<number[]> {
  const result: number[] = [];
  for (let index = 0; index < count.warmUp + count.samples; index++) {
    const requestedAt = performance.now();
    await bus.unlock(lock);
    const writtenAt = line.lastWrittenAt;
    // Queued behind the unlock's settle pause: once it answers, the next unlock finds the bus
    // idle, as a person at the door would.
    await bus.readBoard(lock.board);
    if (index >= count.warmUp) {
      result.push((writtenAt - requestedAt) * 1000);
    }
  }
  return result;
}

/**
 * Microseconds from the status reply that carries a door change reaching the kiosk to
 * DoorMonitor's onDoorChanged, the door being opened and closed by hand in the simulator in
 * turn. Everything between is microtasks (framer, bus queue, monitor), so no later chunk can
 * land in between and the line's last receive time is that reply's. `lock` must be closed and
 * is left closed (the warm-up and sample counts must be even).
 */
export async function statusReplyToDoorEvent(
  bus: KerongCu16Bus,
  line: TimedSerialLine,
  simulator: SimulatorControl,
  lock: LockAddress,
  count: BlockPlan,
): Promise<number[]> {
  // Polls every 10 ms rather than 250 ms only so that hundreds of changes take seconds; the
  // wait for the next poll is not timed.
  const monitor = new DoorMonitor({
    bus,
    clock: systemClock,
    boards: [lock.board],
    pollIntervalMs: 10,
  });
  let expected: { door: ObservedDoor; resolve(micros: number): void } | undefined;
  const stopListening = monitor.onDoorChanged((changed, door, previous) => {
    const eventAt = performance.now();
    if (
      expected?.door === door &&
      previous !== 'unknown' &&
      changed.board === lock.board &&
      changed.channel === lock.channel
    ) {
      expected.resolve((eventAt - line.lastReceivedAt) * 1000);
      expected = undefined;
    }
  });
  monitor.start();
  const result: number[] = [];
  try {
    await waitForCondition(() => monitor.doorState(lock) === 'closed', {
      description: `the first reading of door ${lock.board}/${lock.channel}, closed`,
    });
    for (let index = 0; index < count.warmUp + count.samples; index++) {
      const door: ObservedDoor = index % 2 === 0 ? 'open' : 'closed';
      const seen = new Promise<number>((resolve) => {
        expected = { door, resolve };
      });
      if (door === 'open') {
        await simulator.openByHand(lock.board, lock.channel);
      } else {
        await simulator.closeByHand(lock.board, lock.channel);
      }
      const micros = await withDeadline(seen, eventDeadlineMs, `door ${door} event`);
      if (index >= count.warmUp) {
        result.push(micros);
      }
    }
  } finally {
    stopListening();
    await monitor.stop();
  }
  return result;
}
