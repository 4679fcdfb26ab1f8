import type { Clock } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';
import { startHidScanner } from './hid-scanner.js';
import { listHidPosScanners, openNodeHidDevice } from './node-hid-device.js';
import type { KioskScanService } from './scan-service.js';
import type { ScannerSource } from './scanner-source.js';
import { openSerialScanner } from './serial-scanner.js';

/**
 * The scanners the core reads itself (hardware.md "Scanners"); the keyboard wedge and the
 * camera are caught by the page. Both are optional: a bank may scan with the camera only.
 */
export interface ScannerConfig {
  /** A USB CDC / serial scanner; prefer /dev/serial/by-id/… (survives replugging). */
  serialPath?: string;
  /** A HID POS scanner's hidraw path, or 'auto' for the first one attached. */
  hidPath?: string;
}

/**
 * Opens the configured scanners and feeds them into the scan pipeline. A scanner that cannot be
 * opened is logged and left out: the kiosk must come up and take scans by its other means.
 * Returns a function that detaches and closes them.
 */
export async function startScanners(
  config: ScannerConfig,
  scans: KioskScanService,
  clock: Clock,
  logger: Logger,
): Promise<() => Promise<void>> {
  const sources: ScannerSource[] = [];
  if (config.serialPath) {
    // Never rejects: an absent scanner is picked up when it is plugged in.
    sources.push(await openSerialScanner({ path: config.serialPath, clock, logger }));
  }
  if (config.hidPath) {
    const hid = await openHidScanner(config.hidPath, clock, logger);
    if (hid) {
      sources.push(hid);
    }
  }
  const detach = sources.map((source) => scans.attach(source));
  return async () => {
    for (const stop of detach) {
      stop();
    }
    await Promise.all(sources.map((source) => source.close()));
  };
}

async function openHidScanner(
  hidPath: string,
  clock: Clock,
  logger: Logger,
): Promise<ScannerSource | undefined> {
  try {
    const path = hidPath === 'auto' ? (await listHidPosScanners())[0]?.path : hidPath;
    if (!path) {
      logger.warn({ source: 'hid' }, 'no HID POS scanner attached');
      return undefined;
    }
    return startHidScanner({ device: await openNodeHidDevice(path), clock, logger });
  } catch (error) {
    logger.warn({ source: 'hid', err: error }, 'HID POS scanner could not be opened');
    return undefined;
  }
}
