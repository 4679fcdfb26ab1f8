import type { BankHardwareSettings } from '../../src-shared/domain/hardware-profile.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskHardware } from '../core/kiosk-hardware.js';
import { DoorMonitor } from './door-monitor.js';
import type { LockBus } from './lock-bus.js';
import { unlockAndObserve } from './unlock-observer.js';

/** The profile settings every board protocol's hardware needs once its bus exists. */
export type LockHardwareSettings = Pick<
  BankHardwareSettings,
  'boards' | 'pollIntervalMs' | 'openTimeoutMs' | 'itemSensors'
>;

export interface LockHardware extends KioskHardware {
  readonly monitor: DoorMonitor;
  readonly bus: LockBus;
}

/**
 * A bank's locks as the kiosk core sees them, whatever the board protocol: the bus, a door
 * monitor polling its boards, and unlock-and-observe on top (X2). Polling starts with `start()`;
 * `stop()` stops polling and closes the bus (and with it the serial line) without waiting for
 * a poll in flight to time out.
 */
export function assembleLockHardware(
  bus: LockBus,
  settings: LockHardwareSettings,
  clock: Clock,
  reportListenerError?: (error: unknown) => void,
): LockHardware {
  const monitor = new DoorMonitor({
    bus,
    clock,
    boards: settings.boards,
    pollIntervalMs: settings.pollIntervalMs,
    itemSensors: settings.itemSensors,
    ...(reportListenerError ? { reportListenerError } : {}),
  });
  return {
    bus,
    monitor,
    get hardwareStatus() {
      return monitor.hardwareStatus;
    },
    doorState: (lock) => monitor.doorState(lock),
    itemPresent: (lock) => monitor.itemPresent(lock),
    unlockAndObserve: (lock) =>
      unlockAndObserve(bus, monitor, lock, { clock, openTimeoutMs: settings.openTimeoutMs }),
    onDoorChanged: (listener) => monitor.onDoorChanged(listener),
    onItemChanged: (listener) => monitor.onItemChanged(listener),
    onHardwareChanged: (listener) => monitor.onHardwareChanged(listener),
    start: () => monitor.start(),
    stop: async () => {
      // No new rounds; closing the bus then fails the poll in flight at once instead of
      // waiting out its reply timeout (up to 1.5 s on the 0x8A board).
      const monitorStopped = monitor.stop();
      await bus.close();
      await monitorStopped;
    },
  };
}
