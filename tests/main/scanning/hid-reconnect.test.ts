import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createScanService } from '../../../src-main/scanning/scan-service.js';
import { startScanners } from '../../../src-main/scanning/start-scanners.js';
import type { ClassifiedScan } from '../../../src-shared/domain/scan.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHidBus } from './fake-hid-device.js';
import { scannedDataReport, scannedDataReports } from './hid-reports.js';

const path = '/dev/hidraw3';
const retryMs = 1000;

function scan(data: string): Uint8Array {
  return scannedDataReport({ withReportId: true, aimId: null, data });
}

/** The whole path a HID scan takes in the core: startScanners → ScanService, on fake time. */
async function setUp(hidPath: string, options: { plugged?: string[] } = {}) {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  const clock = new ManualClock();
  const bus = new FakeHidBus();
  for (const plugged of options.plugged ?? []) {
    bus.plug(plugged);
  }
  const heard: ClassifiedScan[] = [];
  const scans = createScanService({ logger, onScan: (classified) => heard.push(classified) });
  const stop = await startScanners({ hidPath }, scans, clock, logger, bus.access);
  const warnings = (message: string) =>
    lines.filter((line) => line.level === 40 && line.msg === message).length;
  return { clock, bus, heard, stop, warnings };
}

describe('HID scanner reconnection', () => {
  it('closes an unplugged scanner, reopens it after the interval, and its scans reach the service', async () => {
    const { clock, bus, heard, warnings } = await setUp(path, { plugged: [path] });
    const first = bus.latest!;
    first.send(scan('1Z999AA10123456784'));
    expect(heard.map((scanned) => scanned.kind)).toEqual(['tracking_number']);

    bus.unplug(path);
    await clock.advance(0);
    expect(first.closed).toBe(true);
    expect(warnings('HID scanner lost')).toBe(1);

    bus.plug(path);
    await clock.advance(retryMs - 1);
    expect(bus.opened).toHaveLength(1);
    await clock.advance(1);
    expect(bus.opened).toHaveLength(2);

    const second = bus.latest!;
    second.send(scan('TBA502887274000'));
    expect(heard.map((scanned) => scanned.carrier)).toEqual(['ups', 'amazon']);
    // The old handle hears nothing any more.
    first.send(scan('1Z999AA10123456784'));
    expect(heard).toHaveLength(2);
  });

  it('reports each absence once, however many attempts fail, and again after the next loss', async () => {
    const { clock, bus, warnings } = await setUp(path, { plugged: [path] });
    bus.unplug(path);
    await clock.advance(10 * retryMs);
    expect(bus.openCalls).toBe(11);
    expect(warnings('HID scanner lost')).toBe(1);
    expect(warnings('HID scanner absent')).toBe(0);

    bus.plug(path);
    await clock.advance(retryMs);
    bus.unplug(path);
    await clock.advance(5 * retryMs);
    expect(warnings('HID scanner lost')).toBe(2);
    expect(warnings('HID scanner absent')).toBe(0);
  });

  it("with 'auto' and no scanner at start, picks one up when it is plugged in", async () => {
    const { clock, bus, heard, warnings } = await setUp('auto');
    expect(bus.opened).toEqual([]);
    await clock.advance(5 * retryMs);
    expect(bus.listCalls).toBe(6);
    expect(warnings('HID scanner absent')).toBe(1);

    bus.plug('/dev/hidraw7');
    await clock.advance(retryMs);
    expect(bus.opened.map((opened) => opened.path)).toEqual(['/dev/hidraw7']);
    for (const report of scannedDataReports(true, ']Q1', `CSR1-PU-${'p'.repeat(80)}`)) {
      bus.latest!.send(report);
    }
    expect(heard.map((scanned) => scanned.aimId)).toEqual([']Q1']);
  });

  it("with 'auto', finds the scanner again under a new path after a replug", async () => {
    const { clock, bus, heard } = await setUp('auto', { plugged: ['/dev/hidraw3'] });
    bus.unplug('/dev/hidraw3');
    bus.plug('/dev/hidraw4');
    await clock.advance(retryMs);
    expect(bus.opened.map((opened) => opened.path)).toEqual(['/dev/hidraw3', '/dev/hidraw4']);
    bus.latest!.send(scan('1Z999AA10123456784'));
    expect(heard).toHaveLength(1);
  });

  it('drops a scan cut by the unplug instead of joining it to the next one', async () => {
    const { clock, bus, heard } = await setUp(path, { plugged: [path] });
    const [head] = scannedDataReports(true, ']Q1', `CSR1-PU-${'q'.repeat(80)}`);
    bus.latest!.send(head!);
    bus.unplug(path);
    bus.plug(path);
    await clock.advance(retryMs);
    bus.latest!.send(scan('1Z999AA10123456784'));
    expect(heard.map((scanned) => scanned.aimId)).toEqual([null]);
  });

  it('stops retrying once closed', async () => {
    const { clock, bus, stop } = await setUp(path);
    await clock.advance(retryMs);
    expect(bus.openCalls).toBe(2);
    await stop();
    expect(clock.pendingTimers).toBe(0);
    bus.plug(path);
    await clock.advance(10 * retryMs);
    expect(bus.openCalls).toBe(2);
    expect(bus.opened).toEqual([]);
  });

  it('closes the open device when closed, and does not reopen it', async () => {
    const { clock, bus, stop } = await setUp(path, { plugged: [path] });
    await stop();
    expect(bus.latest!.closed).toBe(true);
    await clock.advance(10 * retryMs);
    expect(bus.opened).toHaveLength(1);
  });
});
