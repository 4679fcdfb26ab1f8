import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { KerongCu16Bus } from '../../../src-main/hardware/kerong-cu16/bus.js';
import { fromHex, toHex } from '../../../src-main/hardware/kerong-cu16/codec.js';
import { serialLineFromPort } from '../../../src-main/hardware/serial-line.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

const path = '/dev/ttyMOCK0';

async function openMockPort(): Promise<SerialPortMock> {
  SerialPortMock.binding.createPort(path, { record: true });
  const port = new SerialPortMock({ path, baudRate: 19200 });
  await new Promise<void>((resolve, reject) => {
    port.once('open', () => resolve());
    port.once('error', reject);
  });
  return port;
}

function binding(port: SerialPortMock) {
  if (!port.port) {
    throw new Error('the mock port is not open');
  }
  return port.port;
}

afterEach(() => {
  SerialPortMock.binding.reset();
});

describe('serialLineFromPort over SerialPortMock', () => {
  it('writes bytes, hears data and reports the close', async () => {
    const port = await openMockPort();
    const line = serialLineFromPort(port);
    const received: string[] = [];
    line.onData((chunk) => received.push(toHex(chunk)));
    let closed = false;
    line.onClose(() => {
      closed = true;
    });

    await line.write(fromHex('02 00 30 03 35'));
    expect(toHex(binding(port).recording)).toBe('02 00 30 03 35');

    binding(port).emitData(Buffer.from(fromHex('02 00 35')));
    await new Promise<void>((resolve) => port.once('data', () => resolve()));
    expect(received).toEqual(['02 00 35']);

    expect(line.isOpen).toBe(true);
    await line.close();
    expect(closed).toBe(true);
    expect(line.isOpen).toBe(false);
    await expect(line.write(fromHex('02'))).rejects.toThrow(/closed/);
  });

  it('carries a KerongCu16Bus transaction to a board that answers after the write', async () => {
    const port = await openMockPort();
    const mock = binding(port);
    const write = mock.write.bind(mock);
    mock.write = async (buffer: Buffer) => {
      await write(buffer);
      if (toHex(buffer) === '02 10 30 03 45') {
        setImmediate(() => mock.emitData(Buffer.from(fromHex('02 10 35 04 00 00 00 03 4E'))));
      }
    };
    const bus = new KerongCu16Bus({ line: serialLineFromPort(port), clock: new ManualClock() });
    const reading = await bus.readBoard(1);
    expect(reading.doorsOpen[2]).toBe(true);
    expect(reading.doorsOpen.filter(Boolean)).toHaveLength(1);
    await bus.close();
    expect(port.isOpen).toBe(false);
  });
});
