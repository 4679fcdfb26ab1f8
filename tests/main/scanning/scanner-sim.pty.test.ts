import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialLine } from '../../../src-main/hardware/serial-line.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { createScanService } from '../../../src-main/scanning/scan-service.js';
import { startSerialScanner } from '../../../src-main/scanning/serial-scanner.js';
import type { ScannerSource } from '../../../src-main/scanning/scanner-source.js';
import { systemClock } from '../../../src-main/time/system-clock.js';
import type { ClassifiedScan } from '../../../src-shared/domain/scan.js';
import { waitForCondition } from '../../helpers/board-simulator.js';
import { createPtyPair, type PtyPair } from '../../helpers/pty.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { startScannerSimulator, type ScannerSimulator } from './scanner-sim-process.js';

/**
 * The scanner simulator process writes scans to one end of a socat pty pair; the kiosk's serial
 * scanner source reads the other end through serialport, as it would /dev/ttyACM0.
 */
describe('serial scanner over a pty to the scanner simulator', () => {
  const folder = makeTempFolder('casier-scanner-pty-');
  let pty: PtyPair;
  let simulator: ScannerSimulator;
  let scanner: ScannerSource;
  const heard: ClassifiedScan[] = [];

  beforeAll(async () => {
    pty = await createPtyPair(folder.path);
    simulator = await startScannerSimulator(pty.deviceSide, ['--suffix', 'crlf']);
    const line = await openSerialLine({ path: pty.kioskSide, baudRate: 9600 });
    scanner = startSerialScanner({
      line,
      clock: systemClock,
      logger: silentLogger(),
      silenceMs: 100,
    });
    const service = createScanService({
      logger: silentLogger(),
      onScan: (scan) => heard.push(scan),
    });
    service.attach(scanner);
  });

  afterAll(async () => {
    await scanner?.close();
    await simulator?.stop();
    await pty?.close();
    folder.remove();
  });

  async function scanAndHear(text: string, suffix?: 'none'): Promise<ClassifiedScan> {
    const before = heard.length;
    await simulator.scan(text, suffix);
    return waitForCondition(() => heard[before], { description: `the scan of ${text}` });
  }

  it('classifies what the simulated scanner sends', async () => {
    expect(await scanAndHear('1Z999AA10123456784')).toMatchObject({
      source: 'serial',
      kind: 'tracking_number',
      carrier: 'ups',
    });
  });

  it('carries the AIM identifier and GS separators through the pty', async () => {
    expect(await scanAndHear(']C142022153\u001d9101026837331000039521')).toMatchObject({
      aimId: ']C1',
      carrier: 'usps',
      value: '9101026837331000039521',
      text: '(420)22153(91)01026837331000039521',
    });
  });

  it('ends a scan sent without suffix on silence', async () => {
    expect(await scanAndHear('CSR1-C-compartment-12', 'none')).toMatchObject({
      kind: 'compartment_barcode',
      value: 'compartment-12',
    });
  });

  it('keeps scans apart when they come one right after the other', async () => {
    const before = heard.length;
    await Promise.all([
      simulator.scan('TBA502887274000'),
      simulator.scan('RB123456785GB'),
      simulator.scan('CSR1-OP-badge'),
    ]);
    await waitForCondition(() => heard.length >= before + 3, { description: 'three scans' });
    expect(heard.slice(before).map((scan) => scan.kind + ' ' + String(scan.carrier))).toEqual([
      'tracking_number amazon',
      'tracking_number upu_s10',
      'operator_badge null',
    ]);
  });
});
