import type { HidReportDevice } from './hid-report-device.js';

/** How the kiosk finds and opens HID scanners: node-hid in production, fakes in tests. */
export interface HidDeviceAccess {
  /** The HID POS scanners attached now (usage page 0x8C). */
  list: () => Promise<readonly { path: string }[]>;
  open: (path: string) => Promise<HidReportDevice>;
}

/**
 * Opens the configured HID scanner once; rejects when it is not there. With 'auto' the devices
 * are listed at every attempt, not once at start, so a scanner plugged in later, or back into
 * another USB port (a new hidraw path), is found.
 */
export function hidScannerOpener(
  hidPath: string,
  access: HidDeviceAccess,
): () => Promise<HidReportDevice> {
  if (hidPath !== 'auto') {
    return () => access.open(hidPath);
  }
  return async () => {
    const first = (await access.list())[0];
    if (!first) {
      throw new Error('no HID POS scanner attached');
    }
    return access.open(first.path);
  };
}
