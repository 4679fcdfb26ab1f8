import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../../../src-main/logging/logger.js';
import type { HidReportDevice } from '../../../src-main/scanning/hid-report-device.js';
import { startReconnectingHidScanner } from '../../../src-main/scanning/reconnecting-hid-scanner.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHidDevice } from './fake-hid-device.js';
import { scannedDataReport } from './hid-reports.js';

const retryIntervalMs = 500;

function start(
  open: () => Promise<HidReportDevice>,
  clock = new ManualClock(),
  logger: Logger = silentLogger(),
) {
  return startReconnectingHidScanner({
    open,
    device: '/dev/hidraw3',
    clock,
    logger,
    retryIntervalMs,
  });
}

describe('startReconnectingHidScanner', () => {
  it('opens the device once per loss, however many errors the unplug raises', async () => {
    const clock = new ManualClock();
    const devices: FakeHidDevice[] = [];
    const scanner = await start(async () => {
      const device = new FakeHidDevice();
      devices.push(device);
      return device;
    }, clock);
    devices[0]!.fail();
    devices[0]!.fail(new Error('read error again'));
    await clock.advance(retryIntervalMs);
    expect(devices).toHaveLength(2);
    await clock.advance(10 * retryIntervalMs);
    expect(devices).toHaveLength(2);
    // A late error from the old handle must not take down the new one.
    devices[0]!.fail();
    await clock.advance(10 * retryIntervalMs);
    expect(devices).toHaveLength(2);
    expect(devices[1]!.closed).toBe(false);

    const texts: string[] = [];
    scanner.onText((text) => texts.push(text));
    devices[1]!.send(
      scannedDataReport({ withReportId: true, aimId: null, data: 'TBA502887274000' }),
    );
    expect(texts).toEqual(['TBA502887274000']);
  });

  it('keeps retrying when closing the lost handle fails', async () => {
    const clock = new ManualClock();
    const broken = new FakeHidDevice();
    broken.close = () => Promise.reject(new Error('device gone'));
    const devices: FakeHidDevice[] = [broken];
    let opens = 0;
    await start(async () => devices[opens++] ?? new FakeHidDevice(), clock);
    broken.fail();
    await clock.advance(retryIntervalMs);
    expect(opens).toBe(2);
  });

  it('close() waits for the handle of a lost scanner to finish closing', async () => {
    const clock = new ManualClock();
    const device = new FakeHidDevice();
    let finishClosing: (() => void) | undefined;
    device.close = () =>
      new Promise<void>((resolve) => {
        finishClosing = resolve;
      });
    const scanner = await start(async () => device, clock);
    device.fail();
    let stopped = false;
    const stopping = scanner.close().then(() => {
      stopped = true;
    });
    await clock.advance(0);
    expect(stopped).toBe(false);
    finishClosing!();
    await stopping;
    expect(clock.pendingTimers).toBe(0);
  });

  it('closes, and does not start, a device whose opening was in flight at close()', async () => {
    const clock = new ManualClock();
    const messages: string[] = [];
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => messages.push((JSON.parse(line) as { msg: string }).msg) },
    );
    let finishOpening: ((device: FakeHidDevice) => void) | undefined;
    let opens = 0;
    const scanner = await start(
      () => {
        opens++;
        if (opens === 1) {
          return Promise.reject(new Error('not attached'));
        }
        return new Promise<FakeHidDevice>((resolve) => {
          finishOpening = resolve;
        });
      },
      clock,
      logger,
    );
    await clock.advance(retryIntervalMs);
    expect(finishOpening).toBeDefined();

    const closing = scanner.close();
    const late = new FakeHidDevice();
    finishOpening!(late);
    await closing;
    expect(late.closed).toBe(true);
    expect(messages).toEqual(['HID scanner absent']);
    await clock.advance(10 * retryIntervalMs);
    expect(opens).toBe(2);
  });
});
