import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src-main/core/kiosk-error.js';
import { createScanService } from '../../../src-main/scanning/scan-service.js';
import type { ScannerSource } from '../../../src-main/scanning/scanner-source.js';
import { maxScanLength, type ClassifiedScan } from '../../../src-shared/domain/scan.js';

/** A logger at debug level whose lines the test reads back. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

function fakeSource(source: 'serial' | 'hid') {
  const listeners = new Set<(text: string) => void>();
  const scanner: ScannerSource = {
    source,
    onText: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => Promise.resolve(),
  };
  return {
    scanner,
    scan: (text: string) => {
      for (const listener of listeners) {
        listener(text);
      }
    },
  };
}

describe('createScanService', () => {
  it('classifies a scan from the page, tells the listener and answers with it', () => {
    const { logger } = recordingLogger();
    const heard: ClassifiedScan[] = [];
    const service = createScanService({ logger, onScan: (scan) => heard.push(scan) });
    const scan = service.submit('1Z999AA10123456784\r', 'keyboard');
    expect(scan).toMatchObject({ kind: 'tracking_number', carrier: 'ups', source: 'keyboard' });
    expect(heard).toEqual([scan]);
  });

  it('refuses an empty or over-long scan from the page as an invalid argument', () => {
    const { logger } = recordingLogger();
    const heard: ClassifiedScan[] = [];
    const service = createScanService({ logger, onScan: (scan) => heard.push(scan) });
    for (const text of ['\r\n', 'A'.repeat(maxScanLength + 1)]) {
      expect(() => service.submit(text, 'camera')).toThrow(KioskError);
      try {
        service.submit(text, 'camera');
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_argument', params: { detail: 'text' } });
      }
    }
    expect(heard).toEqual([]);
  });

  it('takes scans from attached serial and HID scanners, until detached', () => {
    const { logger } = recordingLogger();
    const service = createScanService({ logger });
    const heard: ClassifiedScan[] = [];
    service.onScan((scan) => heard.push(scan));
    const serial = fakeSource('serial');
    const hid = fakeSource('hid');
    const detachSerial = service.attach(serial.scanner);
    service.attach(hid.scanner);
    serial.scan('CSR1-C-compartment-7');
    hid.scan(']C100106141411234567897');
    detachSerial();
    serial.scan('CSR1-C-compartment-8');
    expect(heard.map((scan) => [scan.source, scan.kind, scan.value])).toEqual([
      ['serial', 'compartment_barcode', 'compartment-7'],
      ['hid', 'tracking_number', '106141411234567897'],
    ]);
  });

  it('never logs what was scanned: kind and carrier only', () => {
    const { logger, lines } = recordingLogger();
    const service = createScanService({ logger });
    const secrets = ['CSR1-PU-s3cretPickupToken', 'CSR1-OP-operatorBadge99', 'private note 4711'];
    for (const secret of secrets) {
      service.submit(secret, 'camera');
    }
    service.accept(`CSR1-PU-${'x'.repeat(maxScanLength)}`, 'serial');
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const secret of [...secrets, 's3cret', 'operatorBadge', '4711', 'xxxxxxxx']) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('"kind":"pickup_qr"');
  });

  it('keeps going when a listener throws, and logs it', () => {
    const { logger, lines } = recordingLogger();
    const service = createScanService({
      logger,
      onScan: () => {
        throw new Error('listener broke');
      },
    });
    const heard: ClassifiedScan[] = [];
    service.onScan((scan) => heard.push(scan));
    expect(service.accept('TBA502887274000', 'hid')).toMatchObject({ carrier: 'amazon' });
    expect(heard).toHaveLength(1);
    expect(lines.join('\n')).toContain('a scan listener failed');
  });

  it('answers undefined for a refused scan from a scanner, never throws', () => {
    const { logger } = recordingLogger();
    const service = createScanService({ logger });
    expect(service.accept(']C1\r\n', 'serial')).toBeUndefined();
  });
});
