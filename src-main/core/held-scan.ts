import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import type { RecentScans } from '../flows/recent-scans.js';
import { KioskError } from './kiosk-error.js';

/** A scan the page names by id, taken from the core's recent scans (used once). */
export type HeldScan = (scanId: string) => ClassifiedScan;

export function heldScanOf(recentScans: RecentScans): HeldScan {
  return (scanId) => {
    const scan = recentScans.take(scanId);
    if (!scan) {
      throw new KioskError('scan_not_usable');
    }
    return scan;
  };
}
