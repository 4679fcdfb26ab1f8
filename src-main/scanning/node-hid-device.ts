import type * as NodeHid from 'node-hid';
import { hidPosScannerUsage, hidPosUsagePage } from './hid-pos-report.js';
import type { HidReportDevice } from './hid-report-device.js';

export interface HidPosScannerInfo {
  path: string;
  vendorId: number;
  productId: number;
  product: string | undefined;
}

/**
 * node-hid is a native addon that needs hidraw or libusb access: loaded only when a HID
 * scanner is actually used, so a kiosk without one (and every test) never loads it.
 */
async function loadNodeHid(): Promise<typeof NodeHid> {
  return import('node-hid');
}

/** The HID POS bar code scanners attached (usage page 0x8C, usage 2). */
export async function listHidPosScanners(): Promise<HidPosScannerInfo[]> {
  const hid = await loadNodeHid();
  const devices = await hid.devicesAsync();
  return devices.flatMap((device) =>
    device.usagePage === hidPosUsagePage && device.usage === hidPosScannerUsage && device.path
      ? [
          {
            path: device.path,
            vendorId: device.vendorId,
            productId: device.productId,
            product: device.product,
          },
        ]
      : [],
  );
}

/** Opens a HID device by path (from listHidPosScanners) as a HidReportDevice. */
export async function openNodeHidDevice(path: string): Promise<HidReportDevice> {
  const hid = await loadNodeHid();
  const device = await hid.HIDAsync.open(path);
  const reportListeners = new Set<(report: Uint8Array) => void>();
  const errorListeners = new Set<(error: Error) => void>();
  let closed = false;
  device.on('data', (data: Buffer) => {
    const report = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (const listener of reportListeners) {
      listener(report);
    }
  });
  // Without an 'error' listener an unplugged scanner would crash the kiosk process.
  device.on('error', (error: unknown) => {
    const reason = error instanceof Error ? error : new Error(String(error));
    for (const listener of errorListeners) {
      listener(reason);
    }
  });
  return {
    onReport: (listener) => {
      reportListeners.add(listener);
      return () => reportListeners.delete(listener);
    },
    onError: (listener) => {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    close: async () => {
      if (!closed) {
        closed = true;
        await device.close();
      }
    },
  };
}
