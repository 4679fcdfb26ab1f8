import { describe, expect, it } from 'vitest';
import { createBankHardware } from '../../../src-main/hardware/create-bank-hardware.js';
import { defaultHardwareSettings } from '../../../src-main/hardware/hardware-profile.js';
import { encodeStatusReply } from '../../../src-main/hardware/kerong-cu16/codec.js';
import { toHex } from '../../../src-main/hardware/hex.js';
import { encodeQueryReply } from '../../../src-main/hardware/xor-8a/codec.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import type { BankHardwareSettings } from '../../../src-shared/domain/hardware-profile.js';
import type { HardwareStatus } from '../../../src-shared/domain/door.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeSerialDevice } from './fake-serial-device.js';

/** A KR-CU16 board 0 behind the fake device: an unlock opens its door. */
function kerongBoard(device: FakeSerialDevice, items: boolean[] = Array<boolean>(16).fill(false)) {
  const doorsOpen = Array<boolean>(16).fill(false);
  device.answer = (frame) => {
    if (frame[2] === 0x31) {
      doorsOpen[(frame[1] ?? 0) & 0x0f] = true;
      return [];
    }
    return frame[1] === 0x00
      ? [encodeStatusReply({ board: 0, doorsOpen, itemsPresent: items })]
      : [];
  };
  return doorsOpen;
}

async function build(settings: Partial<BankHardwareSettings>, present: boolean) {
  const clock = new ManualClock();
  const device = new FakeSerialDevice();
  device.present = present;
  const opened: string[] = [];
  const hardware = await createBankHardware(
    {
      ...defaultHardwareSettings(settings.protocol ?? 'kerong-cu16'),
      serialPath: '/dev/serial/by-id/usb-rs485',
      pollIntervalMs: 100,
      ...settings,
    },
    clock,
    silentLogger(),
    {
      openLine: (path, baudRate) => {
        opened.push(`${path} ${baudRate}`);
        return device.open();
      },
      reconnectIntervalMs: 500,
    },
  );
  const statuses: HardwareStatus[] = [];
  hardware.onHardwareChanged((status) => statuses.push(status));
  return { clock, device, hardware, opened, statuses };
}

describe('createBankHardware', () => {
  it('gives degraded no-hardware for protocol none or an empty serial path', async () => {
    for (const settings of [
      defaultHardwareSettings('none'),
      { ...defaultHardwareSettings('kerong-cu16'), serialPath: '' },
    ]) {
      const hardware = await createBankHardware(settings, new ManualClock(), silentLogger(), {
        openLine: () => Promise.reject(new Error('must not open anything')),
      });
      expect(hardware.hardwareStatus).toBe('degraded');
      expect(await hardware.unlockAndObserve({ board: 0, channel: 1 })).toBe('outcome_unknown');
    }
  });

  it('KR-CU16: opens the profile device at its baud rate and unlocks a door', async () => {
    const { clock, device, hardware, opened } = await build({}, true);
    const doors = kerongBoard(device, [true, ...Array<boolean>(15).fill(false)]);
    hardware.start();
    await clock.advance(0);
    expect(opened).toEqual(['/dev/serial/by-id/usb-rs485 19200']);
    expect(hardware.doorState({ board: 0, channel: 2 })).toBe('closed');
    expect(hardware.itemPresent({ board: 0, channel: 1 })).toBe(true);
    const outcome = hardware.unlockAndObserve({ board: 0, channel: 2 });
    await clock.advance(500);
    expect(await outcome).toBe('door_seen_open');
    expect(doors[1]).toBe(true);
    expect(device.current?.written).toContain('02 01 31 03 37');
    await hardware.stop();
    expect(device.current?.isOpen).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('KR-CU16 with itemSensors off reports no items', async () => {
    const { clock, device, hardware } = await build({ itemSensors: false }, true);
    kerongBoard(device, Array<boolean>(16).fill(true));
    hardware.start();
    await clock.advance(0);
    expect(hardware.doorState({ board: 0, channel: 1 })).toBe('closed');
    expect(hardware.itemPresent({ board: 0, channel: 1 })).toBeUndefined();
    await hardware.stop();
  });

  it('starts without its device: degraded, commands fail at once, then recovers when plugged in', async () => {
    const { clock, device, hardware, statuses } = await build({}, false);
    hardware.start();
    await clock.advance(300);
    expect(hardware.hardwareStatus).toBe('degraded');
    expect(statuses).toEqual(['degraded']);
    let outcome: string | undefined;
    void hardware.unlockAndObserve({ board: 0, channel: 1 }).then((result) => {
      outcome = result;
    });
    await clock.advance(0);
    expect(outcome).toBe('outcome_unknown');

    device.present = true;
    kerongBoard(device);
    await clock.advance(500);
    expect(hardware.hardwareStatus).toBe('ok');
    expect(statuses).toEqual(['degraded', 'ok']);
    const unlocked = hardware.unlockAndObserve({ board: 0, channel: 1 });
    await clock.advance(300);
    expect(await unlocked).toBe('door_seen_open');
    await hardware.stop();
  });

  it('xor-8a: polls 80 01 00 33 B2 at 9600 baud and reads doors with the feedback polarity', async () => {
    const { clock, device, hardware, opened } = await build(
      { protocol: 'xor-8a', feedbackOpenValue: 0x00 },
      true,
    );
    device.answer = (frame) =>
      toHex(frame) === '80 01 00 33 B2' ? [encodeQueryReply(1, [false, true, true])] : [];
    hardware.start();
    await clock.advance(25);
    expect(opened).toEqual(['/dev/serial/by-id/usb-rs485 9600']);
    expect(device.current?.written[0]).toBe('80 01 00 33 B2');
    // With 0x00 = open, a 0 bit is an open door.
    expect(hardware.doorState({ board: 1, channel: 1 })).toBe('open');
    expect(hardware.doorState({ board: 1, channel: 2 })).toBe('closed');
    expect(hardware.itemPresent({ board: 1, channel: 1 })).toBeUndefined();
    await hardware.stop();
  });

  it('stop() does not wait out a poll the board never answers', async () => {
    const { clock, hardware } = await build({ protocol: 'xor-8a' }, true);
    hardware.start();
    await clock.advance(10);
    let stopped = false;
    const stopping = hardware.stop().then(() => {
      stopped = true;
    });
    await clock.advance(0);
    expect(stopped).toBe(true);
    await stopping;
    expect(clock.pendingTimers).toBe(0);
  });
});
