import { describe, expect, it } from 'vitest';
import { createBankHardware } from '../../../src-main/hardware/create-bank-hardware.js';
import { defaultHardwareSettings } from '../../../src-main/hardware/hardware-profile.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { systemClock } from '../../../src-main/time/system-clock.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../../helpers/board-simulator.js';
import { createPtyPair } from '../../helpers/pty.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/**
 * The 0x8A/0x80 adapter, built from a profile the way the kiosk builds it, against the xor-8a
 * simulator process over a real pty pair at 9600 baud.
 */
describe('createBankHardware for the 0x8A board on a pty', () => {
  it('follows doors, unlocks with 8A 02 03 11 9A, sees the door open and closed again', async () => {
    const folder = makeTempFolder('casier-xor-hw-');
    const pty = await createPtyPair(folder.path);
    let simulator: BoardSimulator | undefined;
    try {
      simulator = await startBoardSimulator({
        protocol: 'xor-8a',
        device: pty.deviceSide,
        boards: 2,
        closeAfterMs: 1500,
      });
      const hardware = await createBankHardware(
        {
          ...defaultHardwareSettings('xor-8a'),
          serialPath: pty.kioskSide,
          boards: [1, 2],
          pollIntervalMs: 50,
          openTimeoutMs: 3000,
        },
        systemClock,
        silentLogger(),
      );
      const changes: string[] = [];
      hardware.onDoorChanged((lock, door, previous) => {
        if (previous !== 'unknown') {
          changes.push(`${lock.board}/${lock.channel} ${door}`);
        }
      });
      hardware.start();
      try {
        await waitForCondition(() => hardware.doorState({ board: 2, channel: 24 }) === 'closed');
        expect(hardware.doorState({ board: 2, channel: 25 })).toBe('unknown');
        expect(hardware.itemPresent({ board: 1, channel: 1 })).toBeUndefined();

        await simulator.openByHand(1, 7);
        await waitForCondition(() => changes.includes('1/7 open'));
        await simulator.closeByHand(1, 7);
        await waitForCondition(() => changes.includes('1/7 closed'));

        const before = (await simulator.log()).frames.length;
        expect(await hardware.unlockAndObserve({ board: 2, channel: 3 })).toBe('door_seen_open');
        const unlocks = (await simulator.log()).frames
          .slice(before)
          .filter((frame) => frame.action.startsWith('unlock'))
          .map((frame) => frame.hex);
        expect(unlocks).toEqual(['8A 02 03 11 9A']);
        await waitForCondition(() => changes.includes('2/3 closed'), {
          description: 'the door to close again',
        });
        expect(hardware.hardwareStatus).toBe('ok');
      } finally {
        await hardware.stop();
      }
    } finally {
      await simulator?.stop();
      await pty.close();
      folder.remove();
    }
  });
});
