import type { Clock } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';
import { hidScannerOpener, type HidDeviceAccess } from './hid-scanner-opener.js';
import { listHidPosScanners, openNodeHidDevice } from './node-hid-device.js';
import { startReconnectingHidScanner } from './reconnecting-hid-scanner.js';
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

/** node-hid, loaded only when a HID scanner is configured (node-hid-device.ts). */
const nodeHid: HidDeviceAccess = { list: listHidPosScanners, open: openNodeHidDevice };

/**
 * Opens the configured scanners and feeds them into the scan pipeline. A scanner that is absent
 * or unplugged is logged and opened again until it is back: the kiosk comes up and takes scans
 * by its other means meanwhile. Returns a function that detaches and closes them.
 */
export async function startScanners(
  config: ScannerConfig,
  scans: KioskScanService,
  clock: Clock,
  logger: Logger,
  hidDevices: HidDeviceAccess = nodeHid,
): Promise<() => Promise<void>> {
  const sources: ScannerSource[] = [];
  if (config.serialPath) {
    // Never rejects: an absent scanner is picked up when it is plugged in.
    sources.push(await openSerialScanner({ path: config.serialPath, clock, logger }));
  }
  if (config.hidPath) {
    // Never rejects either, for the same reason.
    sources.push(
      await startReconnectingHidScanner({
        open: hidScannerOpener(config.hidPath, hidDevices),
        device: config.hidPath,
        clock,
        logger,
      }),
    );
  }
  const detach = sources.map((source) => scans.attach(source));
  return async () => {
    for (const stop of detach) {
      stop();
    }
    await Promise.all(sources.map((source) => source.close()));
  };
}
