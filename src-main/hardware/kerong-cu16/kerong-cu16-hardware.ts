import type { Clock } from '../../../src-shared/time/clock.js';
import type { KioskHardware } from '../../core/kiosk-hardware.js';
import { DoorMonitor } from '../door-monitor.js';
import type { KerongCu16Profile } from '../hardware-profile.js';
import { openSerialLine, type SerialLine } from '../serial-line.js';
import { unlockAndObserve } from '../unlock-observer.js';
import { KerongCu16Bus } from './bus.js';

export interface KerongCu16HardwareOptions {
  /** For tests: a line already open (SerialPortMock, in-memory); default opens `profile.device`. */
  line?: SerialLine;
  /** Where listener exceptions go (the logger in production); see DoorMonitor. */
  reportListenerError?: (error: unknown) => void;
}

/**
 * A KR-CU16 bank as the kiosk core sees it: the bus on the profile's serial device, a door
 * monitor polling its boards, and unlock-and-observe on top. Polling starts with `start()`.
 */
export async function createKerongCu16Hardware(
  profile: KerongCu16Profile,
  clock: Clock,
  options: KerongCu16HardwareOptions = {},
): Promise<KioskHardware & { readonly monitor: DoorMonitor; readonly bus: KerongCu16Bus }> {
  const line =
    options.line ?? (await openSerialLine({ path: profile.device, baudRate: profile.baudRate }));
  const bus = new KerongCu16Bus({ line, clock, lockBitOpenValue: profile.lockBitOpenValue });
  const monitor = new DoorMonitor({
    bus,
    clock,
    boards: profile.boards,
    pollIntervalMs: profile.pollIntervalMs,
    ...(options.reportListenerError ? { reportListenerError: options.reportListenerError } : {}),
  });
  return {
    bus,
    monitor,
    get hardwareStatus() {
      return monitor.hardwareStatus;
    },
    doorState: (lock) => monitor.doorState(lock),
    unlockAndObserve: (lock) =>
      unlockAndObserve(bus, monitor, lock, { clock, openTimeoutMs: profile.openTimeoutMs }),
    onDoorChanged: (listener) => monitor.onDoorChanged(listener),
    onHardwareChanged: (listener) => monitor.onHardwareChanged(listener),
    start: () => monitor.start(),
    stop: async () => {
      await monitor.stop();
      await bus.close();
    },
  };
}
