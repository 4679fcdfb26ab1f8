import {
  BankHardwareSettings,
  defaultBaudRate,
  type LockProtocol,
} from '../../src-shared/domain/hardware-profile.js';

/**
 * What each board protocol allows on the bus (hardware.md A and B). The profile schema in
 * src-shared only bounds what any protocol could take; these are the limits of the chosen one.
 */
export interface AddressRange {
  min: number;
  max: number;
}

export interface ProtocolAddressing {
  /** Board addresses (KR-CU16: rotary/DIP 0–15; 0x8A board: DIP 1–31). */
  boards: AddressRange;
  /** Lock channels, counted from 1 as printed on the board. */
  channels: AddressRange;
}

export const protocolAddressing: Record<Exclude<LockProtocol, 'none'>, ProtocolAddressing> = {
  'kerong-cu16': { boards: { min: 0, max: 15 }, channels: { min: 1, max: 16 } },
  'xor-8a': { boards: { min: 1, max: 31 }, channels: { min: 1, max: 50 } },
};

/** The limits of `protocol`, or undefined for a bank without lock hardware. */
export function addressingOf(protocol: LockProtocol): ProtocolAddressing | undefined {
  return protocol === 'none' ? undefined : protocolAddressing[protocol];
}

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
