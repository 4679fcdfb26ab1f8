import { z } from 'zod';

/** Where a scan came from (hardware.md "Scanners"): all of them feed one decoder. */
export const scanSources = ['serial', 'hid', 'keyboard', 'camera'] as const;
export const ScanSource = z.enum(scanSources);
export type ScanSource = z.infer<typeof ScanSource>;

/**
 * What a scan is. Kiosk credentials carry our own prefix (see scanning/credentials.ts);
 * everything else is a parcel tracking number of a known carrier, or `unknown`, never a guess.
 */
export const scanKinds = [
  'tracking_number',
  'operator_badge',
  'carrier_qr',
  'pickup_qr',
  'compartment_barcode',
  'unknown',
] as const;
export const ScanKind = z.enum(scanKinds);
export type ScanKind = z.infer<typeof ScanKind>;

export const carriers = [
  'ups',
  'fedex',
  'usps',
  'dhl',
  'canada_post',
  'upu_s10',
  'sscc',
  'amazon',
] as const;
export const Carrier = z.enum(carriers);
export type Carrier = z.infer<typeof Carrier>;

/** Longest text a scan may carry; longer input is refused, not truncated. */
export const maxScanLength = 2048;

export const ClassifiedScan = z.object({
  source: ScanSource,
  /** AIM symbology identifier when the scanner sent one (`]C1` GS1-128, `]Q1` QR…). */
  aimId: z.string().nullable(),
  /** The scanned text with suffixes stripped and GS separators shown as the GS1 boundary. */
  text: z.string().max(maxScanLength),
  kind: ScanKind,
  /** For tracking numbers. */
  carrier: Carrier.nullable(),
  /** The normalised tracking number, or the credential's payload (token or compartment id). */
  value: z.string().nullable(),
});
export type ClassifiedScan = z.infer<typeof ClassifiedScan>;
