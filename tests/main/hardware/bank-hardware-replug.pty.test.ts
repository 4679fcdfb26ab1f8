import { describe, expect, it } from 'vitest';
import type { KioskHardware } from '../../../src-main/core/kiosk-hardware.js';
import { createBankHardware } from '../../../src-main/hardware/create-bank-hardware.js';
import { defaultHardwareSettings } from '../../../src-main/hardware/hardware-profile.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { systemClock } from '../../../src-main/time/system-clock.js';
import type { HardwareStatus, UnlockOutcome } from '../../../src-shared/domain/door.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../../helpers/board-simulator.js';
import { createPtyPair, recreatePtyPair, type PtyPair } from '../../helpers/pty.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/** Resolves with the outcome, or 'still waiting' if it takes longer than `ms` (a hang). */
async function within(ms: number, outcome: Promise<UnlockOutcome>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('still waiting'), ms);
  });
  try {
    return await Promise.race([outcome, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function unlockFrames(simulator: BoardSimulator): Promise<string[]> {
  return (await simulator.log()).frames
    .filter((frame) => frame.action.startsWith('unlock'))
    .map((frame) => frame.hex);
}

describe('KR-CU16 bank hardware when the USB adapter is unplugged and plugged back', () => {
  it('goes degraded, fails door commands promptly, and recovers on the same paths by itself', async () => {
    const folder = makeTempFolder('casier-replug-');
    let pty: PtyPair = await createPtyPair(folder.path);
    let simulator: BoardSimulator | undefined;
    let hardware: KioskHardware | undefined;
    try {
      simulator = await startBoardSimulator({
        device: pty.deviceSide,
        boards: 2,
        closeAfterMs: 200,
      });
      hardware = await createBankHardware(
        {
          ...defaultHardwareSettings('kerong-cu16'),
          serialPath: pty.kioskSide,
          boards: [0, 1],
          pollIntervalMs: 50,
          openTimeoutMs: 2000,
        },
        systemClock,
        silentLogger(),
        { reconnectIntervalMs: 100 },
      );
      const statuses: HardwareStatus[] = [];
      hardware.onHardwareChanged((status) => statuses.push(status));
      const running = hardware;
      running.start();
      await waitForCondition(() => running.doorState({ board: 1, channel: 2 }) === 'closed');
      expect(running.hardwareStatus).toBe('ok');

      // Unplug: the pty pair goes away under the open kiosk side, then the boards.
      await pty.close();
      await simulator.stop();
      simulator = undefined;
      await waitForCondition(() => running.hardwareStatus === 'degraded', {
        description: 'the bank to turn degraded',
      });
      expect(statuses).toEqual(['degraded']);
      const started = Date.now();
      expect(await within(1000, running.unlockAndObserve({ board: 0, channel: 5 }))).toBe(
        'outcome_unknown',
      );
      expect(await within(1000, running.unlockAndObserve({ board: 1, channel: 1 }))).toBe(
        'outcome_unknown',
      );
      expect(Date.now() - started).toBeLessThan(1000);

      // Plug back: a new socat pair on the same paths and new boards behind it.
      pty = await recreatePtyPair(pty);
      simulator = await startBoardSimulator({
        device: pty.deviceSide,
        boards: 2,
        closeAfterMs: 200,
      });
      await waitForCondition(() => running.hardwareStatus === 'ok', {
        timeoutMs: 5000,
        description: 'the bank to recover',
      });
      expect(statuses).toEqual(['degraded', 'ok']);
      expect(await running.unlockAndObserve({ board: 0, channel: 5 })).toBe('door_seen_open');
      expect(await unlockFrames(simulator)).toEqual(['02 04 31 03 3A']);
    } finally {
      await hardware?.stop();
      await simulator?.stop();
      await pty.close();
      folder.remove();
    }
  });
});
