import type { LockAddress } from '../../src-shared/domain/compartment.js';
import { KerongCu16Bus } from '../../src-main/hardware/kerong-cu16/bus.js';
import { openSerialLine } from '../../src-main/hardware/serial-line.js';
import { systemClock } from '../../src-main/time/system-clock.js';
import { startBoardSimulator, type SimulatorControl } from '../helpers/board-simulator.js';
import { createPtyPair } from '../helpers/pty.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { bareSerialSamples } from './bare-serial.js';
import { figure, median, type BenchFigure } from './harness.js';
import {
  statusReplyToDoorEvent,
  unlockToFrameWritten,
  type BlockPlan,
} from './lock-bus-measurements.js';
import { timeSerialLine } from './timed-serial-line.js';

// Baseline and measured blocks alternate, so a neighbour's load on the shared machine lands on
// both rather than on whichever ran while it lasted. 4 × 50 = 200 samples of each. The bus
// pauses 10 ms where the kiosk pauses 100 ms (settle after an unlock) or 250 ms (between
// polls), only so the run takes seconds; no pause is inside a timed span, and the baseline
// pauses just as long (a line's round trip depends on how long it was quiet).
const blocks = 4;
const perBlock: BlockPlan = { samples: 50, warmUp: 10, pauseMs: 10 };
// Unlocks go to one door and hand-opened doors are another, so neither disturbs the other.
const unlockedLock: LockAddress = { board: 0, channel: 16 };
const watchedLock: LockAddress = { board: 0, channel: 1 };

interface Samples {
  bareRoundTrips: number[];
  bareWrites: number[];
  unlocks: number[];
  doorEvents: number[];
}

/**
 * Issue 3's lock-bus figures over a real socat pty to the KR-CU16 simulator process, against
 * bare serialport traffic on the same pty in the same run.
 */
export async function benchLockBus(): Promise<Record<string, BenchFigure>> {
  const folder = makeTempFolder('casier-bench-');
  const stops: (() => Promise<void>)[] = [];
  try {
    const pty = await createPtyPair(folder.path);
    stops.push(() => pty.close());
    const simulator = await startBoardSimulator({ device: pty.deviceSide, boards: 1 });
    stops.push(() => simulator.stop());
    const all: Samples = { bareRoundTrips: [], bareWrites: [], unlocks: [], doorEvents: [] };
    for (let block = 0; block < blocks; block++) {
      // The kiosk side is opened by one of them at a time, as a serial device must be.
      const bare = await bareSerialSamples(pty.kioskSide, perBlock);
      all.bareRoundTrips.push(...bare.statusRoundTrips);
      all.bareWrites.push(...bare.unlockWrites);
      await measureBusBlock(pty.kioskSide, simulator, all);
    }
    return figures(all);
  } finally {
    for (const stop of stops.reverse()) {
      await stop();
    }
    folder.remove();
  }
}

async function measureBusBlock(
  kioskSide: string,
  simulator: SimulatorControl,
  into: Samples,
): Promise<void> {
  const line = timeSerialLine(await openSerialLine({ path: kioskSide, baudRate: 19200 }));
  const bus = new KerongCu16Bus({ line, clock: systemClock, unlockSettleMs: perBlock.pauseMs });
  try {
    into.unlocks.push(...(await unlockToFrameWritten(bus, line, unlockedLock, perBlock)));
    into.doorEvents.push(
      ...(await statusReplyToDoorEvent(bus, line, simulator, watchedLock, perBlock)),
    );
  } finally {
    await bus.close();
  }
}

function figures(all: Samples): Record<string, BenchFigure> {
  const roundTrip = median(all.bareRoundTrips);
  const unlock = median(all.unlocks);
  const medians = `medians of ${all.unlocks.length}`;
  const versusRoundTrip = `vs a bare serialport round trip after ${perBlock.pauseMs} ms of quiet, like a poll (status request → the simulator process's 9-byte reply, over socat); ${medians}`;
  return {
    'lock_bus.unlock_to_frame_written': figure(
      unlock,
      roundTrip,
      'µs',
      `KerongCu16Bus.unlock called → its 5-byte frame written and drained, ${versusRoundTrip}`,
    ),
    'lock_bus.unlock_to_frame_written_vs_bare_write': figure(
      unlock,
      median(all.bareWrites),
      'µs',
      `the same unlock vs a bare serialport write + drain of the same frame, straight after a reply as in the unlock loop: what the bus adapter adds; ${medians}`,
    ),
    'lock_bus.status_reply_to_door_event': figure(
      median(all.doorEvents),
      roundTrip,
      'µs',
      `serialport delivers the status reply's last byte → DoorMonitor.onDoorChanged (door opened/closed by hand in the simulator), ${versusRoundTrip}`,
    ),
  };
}
