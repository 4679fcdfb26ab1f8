import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src-main/hardware/hex.js';
import { LockBusError } from '../../../src-main/hardware/lock-bus.js';
import { startReconnectingLine } from './fake-serial-device.js';

const frame = fromHex('02 00 30 03 35');

/** Settles within a few microtasks, or reports 'pending': a write must never hang. */
async function promptly(promise: Promise<unknown>): Promise<unknown> {
  const pending = Symbol('pending');
  let outcome: unknown = pending;
  promise.then(
    () => {
      outcome = 'resolved';
    },
    (error: unknown) => {
      outcome = error;
    },
  );
  for (let round = 0; round < 5; round++) {
    await Promise.resolve();
  }
  return outcome === pending ? 'pending' : outcome;
}

describe('ReconnectingSerialLine', () => {
  it('starts with the device absent and fails writes at once with port_closed', async () => {
    const { device, line, problems, connections } = await startReconnectingLine({
      present: false,
    });
    expect(line.connected).toBe(false);
    expect(line.isOpen).toBe(false);
    expect(problems).toEqual([expect.stringMatching(/ENOENT/)]);
    expect(connections).toEqual([]);
    const outcome = await promptly(line.write(frame));
    expect(outcome).toBeInstanceOf(LockBusError);
    expect(outcome).toMatchObject({ kind: 'port_closed', message: /not connected/ });
    expect(device.openAttempts).toBe(1);
  });

  it('reports an absence once, not at every failed retry, and again after the next loss', async () => {
    const { clock, device, line, problems } = await startReconnectingLine({
      present: false,
      retryIntervalMs: 500,
    });
    await clock.advance(5000);
    expect(device.openAttempts).toBe(11);
    expect(line.failedAttempts).toBe(11);
    expect(problems).toHaveLength(1);
    device.present = true;
    await clock.advance(500);
    expect(line.connected).toBe(true);
    expect(problems).toHaveLength(1);
    device.unplug();
    await clock.advance(5000);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/EIO/);
  });

  it('retries on the clock every retryIntervalMs and carries on with the device once it appears', async () => {
    const { clock, device, line, connections } = await startReconnectingLine({
      present: false,
      retryIntervalMs: 500,
    });
    await clock.advance(499);
    expect(device.openAttempts).toBe(1);
    await clock.advance(1);
    expect(device.openAttempts).toBe(2);
    device.present = true;
    await clock.advance(499);
    expect(line.connected).toBe(false);
    await clock.advance(1);
    expect(device.openAttempts).toBe(3);
    expect(line.connected).toBe(true);
    expect(connections).toEqual([true]);
    expect(line.reconnections).toBe(0);
    expect(clock.pendingTimers).toBe(0);

    const received: string[] = [];
    line.onData((chunk) => received.push(toHex(chunk)));
    await line.write(frame);
    expect(device.current?.written).toEqual(['02 00 30 03 35']);
    device.current?.deliver(fromHex('02 00 35'));
    expect(received).toEqual(['02 00 35']);
  });

  it('when the device is lost: interrupts, fails writes at once, retries, and comes back', async () => {
    const { clock, device, line, problems, connections, interruptions } =
      await startReconnectingLine();
    let closed = 0;
    line.onClose(() => closed++);
    const received: string[] = [];
    line.onData((chunk) => received.push(toHex(chunk)));
    const lost = device.current;

    device.unplug();
    expect(interruptions).toEqual(['EIO: i/o error, read']);
    // Subscribed after start: the first opening was before.
    expect(connections).toEqual([false]);
    expect(problems).toContain('EIO: i/o error, read');
    expect(closed).toBe(0);
    expect(await promptly(line.write(frame))).toMatchObject({ kind: 'port_closed' });
    // Bytes from the lost device are no longer heard.
    lost?.deliver(fromHex('AA'));
    expect(received).toEqual([]);

    await clock.advance(1000);
    expect(line.connected).toBe(false);
    device.present = true;
    await clock.advance(1000);
    expect(line.connected).toBe(true);
    expect(device.lines).toHaveLength(2);
    expect(line.reconnections).toBe(1);
    expect(connections).toEqual([false, true]);
    await line.write(frame);
    expect(device.current?.written).toEqual(['02 00 30 03 35']);
    device.current?.deliver(fromHex('BB'));
    expect(received).toEqual(['BB']);
  });

  it('close() ends the retries, closes the device and calls onClose once', async () => {
    const { clock, device, line, connections } = await startReconnectingLine({ present: false });
    let closed = 0;
    line.onClose(() => closed++);
    expect(clock.pendingTimers).toBe(1);
    await line.close();
    await line.close();
    expect(closed).toBe(1);
    expect(clock.pendingTimers).toBe(0);
    device.present = true;
    await clock.advance(10_000);
    expect(device.openAttempts).toBe(1);
    expect(line.connected).toBe(false);
    expect(connections).toEqual([]);
    expect(await promptly(line.write(frame))).toMatchObject({
      kind: 'port_closed',
      message: /closed/,
    });
  });

  it('close() with the device connected closes it and reports the disconnection', async () => {
    const { clock, device, line, connections, interruptions } = await startReconnectingLine();
    const opened = device.current;
    await line.close();
    expect(opened?.isOpen).toBe(false);
    expect(connections).toEqual([false]);
    expect(interruptions).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('close() during an open in progress closes the line that opens and keeps nothing', async () => {
    const { clock, device, line } = await startReconnectingLine({ present: false });
    let release: () => void = () => undefined;
    device.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    device.present = true;
    await clock.advance(1000);
    expect(device.openAttempts).toBe(2);
    const closing = line.close();
    release();
    await closing;
    expect(device.lines).toHaveLength(1);
    expect(device.current?.isOpen).toBe(false);
    expect(line.connected).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });
});
