/**
 * The scanned-data input report of a HID POS bar code scanner (HID usage page 0x8C, usage 2;
 * report ID 2). Without its report ID the report is 63 bytes:
 *
 *   byte 0       length of the data in this report
 *   bytes 1–3    symbology identifier: the AIM id (`]C1`…), or zeros
 *   bytes 4…     data (`length` bytes)
 *   byte 62      non-zero: more reports of the same scan follow
 *
 * node-hid hands over the report with its ID first on some platforms and without it on others,
 * which shifts every offset by one; both layouts are read.
 */
export const hidPosUsagePage = 0x8c;
export const hidPosScannerUsage = 0x02;
export const scannedDataReportId = 0x02;

export type HidReportLayout = 'report-id-first' | 'no-report-id';

export interface HidPosReport {
  /** Null when the symbology bytes are not an AIM identifier (zeros, or another scheme). */
  aimId: string | null;
  /** This report's part of the scan. */
  data: Uint8Array;
  more: boolean;
}

const offsets: Record<
  HidReportLayout,
  { length: number; aim: number; data: number; more: number }
> = {
  'report-id-first': { length: 1, aim: 2, data: 5, more: 63 },
  'no-report-id': { length: 0, aim: 1, data: 4, more: 62 },
};

const aimIdPattern = /^\][A-Za-z][0-9A-Za-z]$/;

/**
 * Reads one input report, or undefined when it is not a scanned-data report that fits
 * (another report ID, too short, a length that runs past the data area). Without `layout` it
 * is told by size: 64 bytes or more means the report ID comes first, 63 means it does not. A
 * report whose size-given layout does not fit is read the other way only when an AIM
 * identifier then sits where it belongs, so a stray report is not taken for a scan.
 */
export function parseHidPosReport(
  report: Uint8Array,
  layout?: HidReportLayout,
): HidPosReport | undefined {
  if (layout) {
    return readAs(report, layout);
  }
  const likely: HidReportLayout = report.length >= 64 ? 'report-id-first' : 'no-report-id';
  const other: HidReportLayout = likely === 'report-id-first' ? 'no-report-id' : 'report-id-first';
  const reading = readAs(report, likely);
  if (reading) {
    return reading;
  }
  const fallback = readAs(report, other);
  return fallback?.aimId ? fallback : undefined;
}

function readAs(report: Uint8Array, layout: HidReportLayout): HidPosReport | undefined {
  const at = offsets[layout];
  if (report.length <= at.more) {
    return undefined;
  }
  if (layout === 'report-id-first' && report[0] !== scannedDataReportId) {
    return undefined;
  }
  const length = report[at.length] ?? 0;
  if (at.data + length > at.more) {
    return undefined;
  }
  const symbology = String.fromCharCode(...report.subarray(at.aim, at.aim + 3));
  return {
    aimId: aimIdPattern.test(symbology) ? symbology : null,
    data: report.slice(at.data, at.data + length),
    more: report[at.more] !== 0,
  };
}
