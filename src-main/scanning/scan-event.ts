import type { ClassifiedScan } from '../../src-shared/domain/scan.js';

/** Scans whose text is a secret: a badge, a carrier's sign-in code, a recipient's pickup token. */
const secretKinds: ReadonlySet<ClassifiedScan['kind']> = new Set([
  'operator_badge',
  'carrier_qr',
  'pickup_qr',
]);

/**
 * What the `scan.received` event may carry to the pages. A credential's token stays in the core
 * (the flows that check it run there): the page only needs to know what kind of code was shown,
 * and a page or a WebSocket client must never be able to collect badge or pickup tokens.
 */
export function scanForPages(scan: ClassifiedScan): ClassifiedScan {
  return secretKinds.has(scan.kind) ? { ...scan, text: '', value: null } : scan;
}
