import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { startHidScanner } from '../../../src-main/scanning/hid-scanner.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHidDevice } from './fake-hid-device.js';
import { scannedDataReport, scannedDataReports } from './hid-reports.js';

function setUp() {
  const device = new FakeHidDevice();
  const clock = new ManualClock();
  const scanner = startHidScanner({ device, clock, logger: silentLogger() });
  const texts: string[] = [];
  scanner.onText((text) => texts.push(text));
  return { device, clock, scanner, texts };
}

describe('startHidScanner', () => {
  it.each([true, false])(
    'turns reports into scans with their AIM id first (report ID first: %s)',
    (withReportId) => {
      const { device, texts } = setUp();
      device.send(scannedDataReport({ withReportId, aimId: ']C1', data: '00106141411234567897' }));
      for (const report of scannedDataReports(withReportId, ']Q1', `CSR1-PU-${'p'.repeat(100)}`)) {
        device.send(report);
      }
      device.send(scannedDataReport({ withReportId, aimId: null, data: '1Z999AA10123456784' }));
      expect(texts).toEqual([
        ']C100106141411234567897',
        `]Q1CSR1-PU-${'p'.repeat(100)}`,
        '1Z999AA10123456784',
      ]);
    },
  );

  it('ignores reports that are not scanned data', () => {
    const { device, texts } = setUp();
    const status = new Uint8Array(64);
    status[0] = 0x04;
    device.send(status);
    device.send(new Uint8Array(8));
    expect(texts).toEqual([]);
  });

  it('drops a half scan and stops listening when the device fails', () => {
    const { device, texts } = setUp();
    const [first, second] = scannedDataReports(true, ']Q1', 'q'.repeat(80));
    device.send(first!);
    device.fail();
    device.send(second!);
    // Read after the failure, the second report would be a cut code: it is not listened to.
    expect(texts).toEqual([]);
  });

  it('closes the device', async () => {
    const { device, scanner } = setUp();
    await scanner.close();
    expect(device.closed).toBe(true);
    expect(scanner.source).toBe('hid');
  });
});
