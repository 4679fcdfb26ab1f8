import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HidPosAssembler } from '../../../src-main/scanning/hid-pos-assembler.js';
import { parseHidPosReport } from '../../../src-main/scanning/hid-pos-report.js';
import { maxScanBytes } from '../../../src-main/scanning/scan-bytes.js';
import { scannedDataReport, scannedDataReports } from './hid-reports.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** "]C1" + "1Z999AA10123456784" in one report, report ID first: 64 bytes as recorded. */
// prettier-ignore
const upsWithReportId = Uint8Array.from([
  0x02, // report ID 2: scanned data
  0x12, // 18 bytes of data in this report
  0x5d, 0x43, 0x31, // ]C1
  0x31, 0x5a, 0x39, 0x39, 0x39, 0x41, 0x41, 0x31, 0x30, // 1Z999AA10
  0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x34, // 123456784
  ...Array<number>(38).fill(0), // unused data area, bytes 23 to 60
  0x3f, 0x00, // vendor bytes before the flag
  0x00, // byte 63: no more reports
]);

/** The same scan without the report ID: 63 bytes, every offset one lower. */
const upsWithoutReportId = upsWithReportId.slice(1);

describe('parseHidPosReport', () => {
  it('reads a report with the report ID first', () => {
    expect(upsWithReportId).toHaveLength(64);
    const report = parseHidPosReport(upsWithReportId);
    expect(report?.aimId).toBe(']C1');
    expect(text(report!.data)).toBe('1Z999AA10123456784');
    expect(report?.more).toBe(false);
  });

  it('reads the same report without the report ID', () => {
    expect(upsWithoutReportId).toHaveLength(63);
    const report = parseHidPosReport(upsWithoutReportId);
    expect(report?.aimId).toBe(']C1');
    expect(text(report!.data)).toBe('1Z999AA10123456784');
  });

  it('reads the "more reports follow" flag at byte 62 (63 with the ID)', () => {
    for (const withReportId of [true, false]) {
      const report = scannedDataReport({ withReportId, aimId: ']Q1', data: 'abc', more: true });
      expect(parseHidPosReport(report)?.more).toBe(true);
    }
  });

  it('gives a null AIM id when the symbology bytes are zeros', () => {
    const report = parseHidPosReport(
      scannedDataReport({ withReportId: false, aimId: null, data: 'CSR1-OP-x' }),
    );
    expect(report).toMatchObject({ aimId: null });
    expect(text(report!.data)).toBe('CSR1-OP-x');
  });

  it('follows an explicit layout', () => {
    const report = parseHidPosReport(upsWithoutReportId, 'no-report-id');
    expect(text(report!.data)).toBe('1Z999AA10123456784');
    expect(parseHidPosReport(upsWithoutReportId, 'report-id-first')).toBeUndefined();
  });

  it('reads a 64-byte report without ID (zero-padded) when an AIM id is where it belongs', () => {
    const padded = new Uint8Array(64);
    padded.set(scannedDataReport({ withReportId: false, aimId: ']E0', data: '4006381333931' }));
    padded[0] = 0x0d;
    expect(text(parseHidPosReport(padded)!.data)).toBe('4006381333931');
  });

  it.each([
    ['another report ID', Uint8Array.from([0x04, ...upsWithReportId.slice(1)])],
    ['a length past the data area', Uint8Array.from([0x02, 60, ...upsWithReportId.slice(2)])],
    ['a short report', upsWithReportId.slice(0, 40)],
    ['nothing', new Uint8Array(0)],
  ])('ignores %s', (_name, report) => {
    expect(parseHidPosReport(report)).toBeUndefined();
  });

  it('never throws on any bytes, and never reads past the data area', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 130 }),
          fc.uint8Array({ minLength: 63, maxLength: 64 }),
          fc.uint8Array({ minLength: 63, maxLength: 64 }).map((bytes) => {
            bytes[0] = 0x02;
            return bytes;
          }),
        ),
        fc.constantFrom(undefined, 'report-id-first' as const, 'no-report-id' as const),
        (bytes, layout) => {
          const report = parseHidPosReport(bytes, layout);
          if (report) {
            expect(report.data.length).toBeLessThanOrEqual(58);
            expect(report.aimId === null || /^\][A-Za-z][0-9A-Za-z]$/.test(report.aimId)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('HidPosAssembler', () => {
  const qr = `CSR1-PU-${'k'.repeat(120)}`;

  it.each([true, false])('joins a scan sent in several reports (report ID first: %s)', (withId) => {
    const reports = scannedDataReports(withId, ']Q1', qr);
    expect(reports).toHaveLength(3);
    const assembler = new HidPosAssembler();
    const results = reports.map((bytes, index) => assembler.push(parseHidPosReport(bytes)!, index));
    expect(results.slice(0, 2)).toEqual([undefined, undefined]);
    const last = results[2];
    expect(last?.kind === 'scan' && last.scan.aimId).toBe(']Q1');
    expect(last?.kind === 'scan' && text(last.scan.data)).toBe(qr);
  });

  it('drops a scan that stalls, and what follows up to the next last report', () => {
    const assembler = new HidPosAssembler({ maxGapMs: 100 });
    const [first, second, third] = scannedDataReports(true, ']Q1', qr);
    expect(assembler.push(parseHidPosReport(first!)!, 0)).toBeUndefined();
    // The rest comes late: it could be this scan's tail or a new scan; it is neither.
    expect(assembler.push(parseHidPosReport(second!)!, 500)).toBeUndefined();
    expect(assembler.push(parseHidPosReport(third!)!, 501)).toEqual({ kind: 'incomplete' });
    const next = scannedDataReport({ withReportId: true, aimId: ']C0', data: 'TBA502887274000' });
    const result = assembler.push(parseHidPosReport(next)!, 5000);
    expect(result?.kind === 'scan' && text(result.scan.data)).toBe('TBA502887274000');
    expect(result?.kind === 'scan' && result.scan.aimId).toBe(']C0');
  });

  it('refuses a scan longer than any scan may be, then reads the next one', () => {
    const assembler = new HidPosAssembler();
    const chunk = parseHidPosReport(
      scannedDataReport({ withReportId: false, aimId: null, data: 'x'.repeat(56), more: true }),
    )!;
    let now = 0;
    for (let sent = 0; sent <= maxScanBytes; sent += 56) {
      expect(assembler.push(chunk, now++)).toBeUndefined();
    }
    const end = parseHidPosReport(
      scannedDataReport({ withReportId: false, aimId: null, data: '' }),
    )!;
    expect(assembler.push(end, now++)).toEqual({ kind: 'too_long' });
    const next = parseHidPosReport(
      scannedDataReport({ withReportId: false, aimId: null, data: 'CSR1-C-1' }),
    )!;
    expect(assembler.push(next, now)).toMatchObject({ kind: 'scan' });
  });
});
