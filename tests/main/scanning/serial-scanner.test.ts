import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { serialLineFromPort } from '../../../src-main/hardware/serial-line.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { startSerialScanner } from '../../../src-main/scanning/serial-scanner.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeSerialLine } from '../hardware/fake-serial-line.js';

const path = '/dev/ttySCANMOCK0';

async function openMockPort(): Promise<SerialPortMock> {
  SerialPortMock.binding.createPort(path);
  const port = new SerialPortMock({ path, baudRate: 9600 });
  await new Promise<void>((resolve, reject) => {
    port.once('open', () => resolve());
    port.once('error', reject);
  });
  return port;
}

afterEach(() => {
  SerialPortMock.binding.reset();
});

describe('startSerialScanner', () => {
  it('hears scans from serialport (SerialPortMock), in chunks of any size', async () => {
    const port = await openMockPort();
    const clock = new ManualClock();
    const scanner = startSerialScanner({
      line: serialLineFromPort(port),
      clock,
      logger: silentLogger(),
    });
    const texts: string[] = [];
    scanner.onText((text) => texts.push(text));
    const binding = port.port;
    if (!binding) {
      throw new Error('the mock port is not open');
    }
    binding.emitData(Buffer.from(']C1001061414112'));
    binding.emitData(Buffer.from('34567897\r\n1Z999AA10123456784\r'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(texts).toEqual([']C100106141411234567897', '1Z999AA10123456784']);
    await scanner.close();
    expect(port.isOpen).toBe(false);
  });

  it('ends a scan on silence and forgets a half scan when the device goes away', async () => {
    const line = new FakeSerialLine();
    const clock = new ManualClock();
    const scanner = startSerialScanner({ line, clock, logger: silentLogger(), silenceMs: 50 });
    const texts: string[] = [];
    scanner.onText((text) => texts.push(text));
    line.deliver(new TextEncoder().encode('TBA502887274000'));
    await clock.advance(50);
    line.deliver(new TextEncoder().encode('TBA5028'));
    line.lose();
    await clock.advance(1000);
    expect(texts).toEqual(['TBA502887274000']);
    expect(scanner.source).toBe('serial');
  });
});
