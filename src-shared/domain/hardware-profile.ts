import { z } from 'zod';
import { CompartmentSize } from './compartment.js';

/**
 * A bank's hardware profile as data (hardware.md "The port", X7): which board protocol on which
 * serial line, and how each compartment is wired and built. Stored in the kiosk database,
 * edited on the commissioning screen, synced from the console later.
 */
export const lockProtocols = ['kerong-cu16', 'xor-8a', 'none'] as const;
export const LockProtocol = z.enum(lockProtocols);
export type LockProtocol = z.infer<typeof LockProtocol>;

/**
 * Board names as printed on the hardware and its datasheets: product names, the same in every
 * language. A bank without lock hardware has no name here; screens say so in words.
 */
export const protocolProductNames: Record<Exclude<LockProtocol, 'none'>, string> = {
  'kerong-cu16': 'Kerong KR-CU16',
  'xor-8a': 'RS-485 0x8A/0x80',
};

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

export const defaultBaudRate: Record<LockProtocol, number> = {
  'kerong-cu16': 19200,
  'xor-8a': 9600,
  none: 9600,
};

/**
 * How the page tells a keyboard-wedge scanner from a person (hardware.md "Scanners"): scanners
 * type a key every 1–20 ms, some every 80–100 ms; a scan ends on CR/Tab or on silence.
 */
export const KeyboardWedgeSettings = z
  .object({
    /** Longest gap between two keys of one scan. */
    maxInterKeyMs: z.number().int().min(5).max(200),
    /** Silence that ends a scan sent without CR or Tab; at least maxInterKeyMs. */
    endSilenceMs: z.number().int().min(20).max(1000),
    /** Fewest characters a scan has; shorter bursts are a person's quick keys. */
    minLength: z.number().int().min(1).max(64),
  })
  .strict();
export type KeyboardWedgeSettings = z.infer<typeof KeyboardWedgeSettings>;

export const defaultKeyboardWedgeSettings: KeyboardWedgeSettings = {
  maxInterKeyMs: 50,
  endSilenceMs: 100,
  minLength: 5,
};

export const BankHardwareSettings = z
  .object({
    protocol: LockProtocol,
    /** Prefer /dev/serial/by-id/...: it survives re-plugging the adapter into another port. */
    serialPath: z.string().max(300),
    baudRate: z.number().int().min(1200).max(115200),
    /** Board addresses on the bus: 0–15 for KR-CU16, 1–31 (DIP) for the 0x8A board. */
    boards: z.array(z.number().int().min(0).max(31)).min(1).max(32),
    /** KR-CU16: the status bit value that means "door open" (sources disagree). */
    lockBitOpenValue: z.union([z.literal(0), z.literal(1)]),
    /** 0x8A board: the feedback byte (0x00 or 0x11) that means "door open" (depends on wiring). */
    feedbackOpenValue: z.union([z.literal(0x00), z.literal(0x11)]),
    /** How long the lock coil is energised, where the board lets us choose. */
    energiseMs: z.number().int().min(50).max(5000),
    /** Item-presence sensors fitted and trusted (KR-CU16 infrared); off on banks without them. */
    itemSensors: z.boolean(),
    pollIntervalMs: z.number().int().min(50).max(5000),
    /** After the pulse, how long a door has to be seen open before it counts as failed (X2). */
    openTimeoutMs: z.number().int().min(200).max(30_000),
    /** A door open longer than this raises the "left open" alarm. */
    leftOpenAlarmMs: z.number().int().min(5_000).max(3_600_000),
    /** A compartment whose door fails to open this many times in a row goes out of service. */
    failuresBeforeOutOfService: z.number().int().min(1).max(10),
    /** Defaulted so settings stored before it existed still read. */
    keyboardWedge: KeyboardWedgeSettings.default(defaultKeyboardWedgeSettings),
  })
  .strict();
export type BankHardwareSettings = z.infer<typeof BankHardwareSettings>;

export const CompartmentWiring = z
  .object({
    id: z.string().min(1).max(64),
    label: z.string().trim().min(1).max(16),
    size: CompartmentSize,
    doorBottomCm: z.number().int().min(0).max(250),
    doorTopCm: z.number().int().min(1).max(300),
    board: z.number().int().min(0).max(31),
    channel: z.number().int().min(1).max(64),
  })
  .strict();
export type CompartmentWiring = z.infer<typeof CompartmentWiring>;

export const HardwareProfileDocument = z
  .object({
    settings: BankHardwareSettings,
    compartments: z.array(CompartmentWiring).min(1).max(500),
  })
  .strict();
export type HardwareProfileDocument = z.infer<typeof HardwareProfileDocument>;
