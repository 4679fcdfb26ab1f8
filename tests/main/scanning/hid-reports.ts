/**
 * HID POS scanned-data reports for tests, laid out byte by byte as a scanner sends them (see
 * src-main/scanning/hid-pos-report.ts): with the report ID first (64 bytes, as node-hid gives
 * them on Linux hidraw and Windows) or without it (63 bytes).
 */
export function scannedDataReport(options: {
  withReportId: boolean;
  aimId: string | null;
  data: string;
  more?: boolean;
  /** Bytes a scanner puts just before the flag (Honeywell sends 0x3F 0x00 there). */
  beforeFlag?: [number, number];
}): Uint8Array {
  const shift = options.withReportId ? 1 : 0;
  const report = new Uint8Array(63 + shift);
  if (options.withReportId) {
    report[0] = 0x02;
  }
  const data = new TextEncoder().encode(options.data);
  report[shift] = data.length;
  if (options.aimId) {
    report.set(new TextEncoder().encode(options.aimId), shift + 1);
  }
  report.set(data, shift + 4);
  if (options.beforeFlag) {
    report.set(options.beforeFlag, shift + 60);
  }
  report[shift + 62] = options.more ? 0x01 : 0x00;
  return report;
}

/** Splits `data` into reports of at most 56 data bytes, the way a Honeywell scanner does. */
export function scannedDataReports(
  withReportId: boolean,
  aimId: string | null,
  data: string,
): Uint8Array[] {
  const chunks: string[] = [];
  for (let offset = 0; offset < data.length; offset += 56) {
    chunks.push(data.slice(offset, offset + 56));
  }
  return chunks.map((chunk, index) =>
    scannedDataReport({
      withReportId,
      aimId,
      data: chunk,
      more: index < chunks.length - 1,
      beforeFlag: [0x3f, 0x00],
    }),
  );
}
