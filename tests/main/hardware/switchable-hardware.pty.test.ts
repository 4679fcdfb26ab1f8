import { describe, expect, it } from 'vitest';
import { SwitchableHardware } from '../../../src-main/core/switchable-hardware.js';
import { createBankHardware } from '../../../src-main/hardware/create-bank-hardware.js';
import { defaultHardwareSettings } from '../../../src-main/hardware/hardware-profile.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { systemClock } from '../../../src-main/time/system-clock.js';
import type { BankHardwareSettings } from '../../../src-shared/domain/hardware-profile.js';
import {
  startBoardSimulator,
  waitForCondition,
  type BoardSimulator,
} from '../../helpers/board-simulator.js';
import { createPtyPair } from '../../helpers/pty.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

describe('SwitchableHardware swapping a KR-CU16 bank on the same pty', () => {
  it('builds the new hardware once the old one has let go of the device', async () => {
    const folder = makeTempFolder('casier-switch-pty-');
    const pty = await createPtyPair(folder.path);
    let simulator: BoardSimulator | undefined;
    let hardware: SwitchableHardware | undefined;
    try {
      simulator = await startBoardSimulator({
        device: pty.deviceSide,
        boards: 2,
        closeAfterMs: 300,
      });
      const settings: BankHardwareSettings = {
        ...defaultHardwareSettings('kerong-cu16'),
        serialPath: pty.kioskSide,
        boards: [0],
        pollIntervalMs: 50,
        openTimeoutMs: 2000,
      };
      // A device that cannot be opened would only be retried after a minute: far beyond the test.
      const build = (next: BankHardwareSettings) =>
        createBankHardware(next, systemClock, silentLogger(), { reconnectIntervalMs: 60_000 });
      const switchable = new SwitchableHardware(await build(settings));
      hardware = switchable;
      const changes: string[] = [];
      switchable.onDoorChanged((lock, door) =>
        changes.push(`${lock.board}/${lock.channel} ${door}`),
      );
      switchable.start();
      await waitForCondition(() => switchable.doorState({ board: 0, channel: 1 }) === 'closed');
      expect(switchable.doorState({ board: 1, channel: 1 })).toBe('unknown');

      // The profile now names board 1 too; the serial port is locked while the old line holds it.
      await switchable.replace(() => build({ ...settings, boards: [0, 1] }));
      await waitForCondition(() => switchable.doorState({ board: 1, channel: 1 }) === 'closed', {
        description: 'the new hardware to read board 1',
      });
      expect(switchable.hardwareStatus).toBe('ok');
      changes.length = 0;
      expect(await switchable.unlockAndObserve({ board: 1, channel: 2 })).toBe('door_seen_open');
      expect(changes).toContain('1/2 open');
    } finally {
      await hardware?.stop();
      await simulator?.stop();
      await pty.close();
      folder.remove();
    }
  });
});
