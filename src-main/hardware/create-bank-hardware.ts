import type { BankHardwareSettings } from '../../src-shared/domain/hardware-profile.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskHardware } from '../core/kiosk-hardware.js';
import type { Logger } from '../logging/logger.js';
import { KerongCu16Bus } from './kerong-cu16/bus.js';
import type { LockBus } from './lock-bus.js';
import { assembleLockHardware } from './lock-hardware.js';
import { createNoHardware } from './no-hardware.js';
import { ReconnectingSerialLine } from './reconnecting-serial-line.js';
import { openSerialLine, type SerialLine } from './serial-line.js';
import { Xor8aBus } from './xor-8a/bus.js';

export interface BankHardwareOptions {
  /** Opens the serial device once (tests: a pty or a mock); default serialport 8N1. */
  openLine?: (path: string, baudRate: number) => Promise<SerialLine>;
  /** Pause between attempts to reopen a lost device; default 1000 ms. */
  reconnectIntervalMs?: number;
}

/**
 * Builds the hardware the bank's settings describe: one bus adapter per board protocol (X7) on
 * a serial line that survives its USB adapter being unplugged and plugged back. A missing
 * device at start is not fatal: the bank shows itself degraded and picks the device up when it
 * appears, so a kiosk booting before its adapter is ready still comes up.
 */
export async function createBankHardware(
  settings: BankHardwareSettings,
  clock: Clock,
  logger: Logger,
  options: BankHardwareOptions = {},
): Promise<KioskHardware> {
  const { protocol } = settings;
  if (protocol === 'none' || settings.serialPath === '') {
    logger.warn('no lock hardware configured: doors cannot be opened');
    return createNoHardware();
  }
  const open = options.openLine ?? ((path, baudRate) => openSerialLine({ path, baudRate }));
  const line = await ReconnectingSerialLine.start({
    open: () => open(settings.serialPath, settings.baudRate),
    clock,
    device: settings.serialPath,
    ...(options.reconnectIntervalMs === undefined
      ? {}
      : { retryIntervalMs: options.reconnectIntervalMs }),
    onProblem: (error) =>
      logger.warn({ device: settings.serialPath, err: error }, 'lock bus serial device problem'),
  });
  const logConnection = (connected: boolean): void =>
    logger.info({ device: settings.serialPath, connected }, 'lock bus serial device');
  // The first attempt is over by now: say how it went, then every change.
  logConnection(line.connected);
  line.onConnectionChanged(logConnection);
  return assembleLockHardware(busFor(protocol, settings, line, clock), settings, clock, (error) =>
    logger.error({ err: error }, 'door listener failed'),
  );
}

function busFor(
  protocol: 'kerong-cu16' | 'xor-8a',
  settings: BankHardwareSettings,
  line: SerialLine,
  clock: Clock,
): LockBus {
  switch (protocol) {
    case 'kerong-cu16':
      return new KerongCu16Bus({
        line,
        clock,
        lockBitOpenValue: settings.lockBitOpenValue,
        itemSensors: settings.itemSensors,
      });
    case 'xor-8a':
      return new Xor8aBus({ line, clock, feedbackOpenValue: settings.feedbackOpenValue });
  }
}
