import {
  BankHardwareSettings,
  defaultBaudRate,
  type LockProtocol,
} from '../../src-shared/domain/hardware-profile.js';

/**
 * Settings a new bank starts from. The serial path is left empty on purpose: it names the
 * adapter of one machine (set at commissioning, or by `npm start` for its pty), and an empty
 * path is refused by the profile service for every protocol except 'none'.
 */
export function defaultHardwareSettings(protocol: LockProtocol): BankHardwareSettings {
  return BankHardwareSettings.parse({
    protocol,
    serialPath: '',
    baudRate: defaultBaudRate[protocol],
    boards: [protocol === 'xor-8a' ? 1 : 0],
    // Most KR-CU16 boards report 1 for an unlatched lock; commissioning flips it if every door reads inverted.
    lockBitOpenValue: 1,
    feedbackOpenValue: 0x11,
    energiseMs: 500,
    // Only the KR-CU16 has infrared item sensors.
    itemSensors: protocol === 'kerong-cu16',
    pollIntervalMs: 250,
    openTimeoutMs: 3000,
    leftOpenAlarmMs: 120_000,
    failuresBeforeOutOfService: 3,
  });
}
