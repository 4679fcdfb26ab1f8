import { z } from 'zod';
import { CompartmentView, DoorState, ServiceState } from '../domain/compartment.js';
import { DoorAlarm, HardwareStatus, UnlockOutcome } from '../domain/door.js';
import { HardwareProfileDocument } from '../domain/hardware-profile.js';
import { ClassifiedScan, maxScanLength } from '../domain/scan.js';
import { dropOffEvents, dropOffMethods } from './drop-off-methods.js';
import { managementMethods } from './management-methods.js';
import { handoverEvents, handoverMethods } from './handover-methods.js';
import { pickupEvents, pickupMethods } from './pickup-methods.js';
import { ScanId, sessionEvents, sessionMethods, withSession } from './session-methods.js';
import { storageEvents, storageMethods } from './storage-methods.js';
import { syncEvents, syncMethods } from './sync-methods.js';

/**
 * The kiosk API: every method the renderer may call and every event the core pushes, defined
 * once. The core implements it in one dispatcher; Electron IPC and the WebSocket host carry it.
 */

export const BankOverview = z.object({
  bank: z.object({ id: z.string(), name: z.string() }),
  hardware: HardwareStatus,
  compartments: z.array(CompartmentView),
});
export type BankOverview = z.infer<typeof BankOverview>;

export const OpenCompartmentResult = z.object({
  compartmentId: z.string(),
  label: z.string(),
  outcome: UnlockOutcome,
});
export type OpenCompartmentResult = z.infer<typeof OpenCompartmentResult>;

export const CommissioningCheck = z.object({
  compartmentId: z.string(),
  label: z.string(),
  outcome: UnlockOutcome,
  checkedAt: z.number().int(),
});
export type CommissioningCheck = z.infer<typeof CommissioningCheck>;

export const LabelSheet = z.object({
  fileName: z.string(),
  /** The PDF, base64: both transports carry JSON only. */
  contentBase64: z.string(),
});
export type LabelSheet = z.infer<typeof LabelSheet>;

/** A scan as the pages see it: credentials redacted, and an id the flows can name it by. */
export const ScanReceived = ClassifiedScan.extend({ scanId: ScanId });
export type ScanReceived = z.infer<typeof ScanReceived>;

export const kioskMethods = {
  ...sessionMethods,
  ...dropOffMethods,
  ...pickupMethods,
  ...managementMethods,
  ...storageMethods,
  ...handoverMethods,
  ...syncMethods,
  /** The bank and all its compartments with their live door and service states (G1). */
  'bank.overview': {
    args: z.object({}).strict(),
    result: BankOverview,
  },
  /** G5: an operator opens any door (for a recipient who cannot) and sees what the sensors saw. */
  'compartment.open': {
    args: withSession({ compartmentId: z.string().min(1).max(64) }),
    result: OpenCompartmentResult,
  },
  /** G4: take a compartment out of service, or put it back. */
  'compartment.setService': {
    args: withSession({ compartmentId: z.string().min(1).max(64), service: ServiceState }),
    result: CompartmentView,
  },
  /** The bank's hardware profile as stored (issue 3, X7). */
  'hardware.profile.get': {
    args: withSession({}),
    result: HardwareProfileDocument,
  },
  /** Validates and stores a new profile, then restarts the lock bus on it. */
  'hardware.profile.save': {
    args: withSession({ profile: HardwareProfileDocument }),
    result: HardwareProfileDocument,
  },
  /** Commissioning walk: pulse one door and record whether it was seen open. */
  'commissioning.pulse': {
    args: withSession({ compartmentId: z.string().min(1).max(64) }),
    result: CommissioningCheck,
  },
  /** The last commissioning result of every compartment that has one. */
  'commissioning.results': {
    args: withSession({}),
    result: z.array(CommissioningCheck),
  },
  /** C1: a printable PDF of every compartment's barcode label. */
  'commissioning.labels': {
    args: withSession({}),
    result: LabelSheet,
  },
  /** A scan caught by the page (keyboard wedge in the browser host, camera): into the one pipeline. */
  'scan.submit': {
    args: z
      .object({
        text: z.string().min(1).max(maxScanLength),
        source: z.enum(['keyboard', 'camera']),
      })
      .strict(),
    result: ScanReceived,
  },
} as const;

export const kioskEvents = {
  'door.changed': z.object({
    compartmentId: z.string(),
    label: z.string(),
    door: DoorState,
  }),
  'hardware.changed': z.object({ hardware: HardwareStatus }),
  'door.alarm': z.object({ compartmentId: z.string(), label: z.string(), alarm: DoorAlarm }),
  /** A compartment's service state or item sensor changed. */
  'compartment.changed': CompartmentView,
  /** Every scan from any source, classified (the screens decide what to do with it). */
  'scan.received': ScanReceived,
  ...sessionEvents,
  ...dropOffEvents,
  ...pickupEvents,
  ...storageEvents,
  ...handoverEvents,
  ...syncEvents,
} as const;

export type KioskMethods = typeof kioskMethods;
export type KioskMethodName = keyof KioskMethods;
export type MethodArgs<M extends KioskMethodName> = z.input<KioskMethods[M]['args']>;
export type MethodResult<M extends KioskMethodName> = z.infer<KioskMethods[M]['result']>;

export type KioskEvents = typeof kioskEvents;
export type KioskEventName = keyof KioskEvents;
export type EventPayload<E extends KioskEventName> = z.infer<KioskEvents[E]>;

export function isKioskMethodName(name: string): name is KioskMethodName {
  return Object.hasOwn(kioskMethods, name);
}

export function isKioskEventName(name: string): name is KioskEventName {
  return Object.hasOwn(kioskEvents, name);
}
