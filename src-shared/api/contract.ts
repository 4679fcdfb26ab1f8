import { z } from 'zod';
import { CompartmentView, DoorState } from '../domain/compartment.js';
import { HardwareStatus, UnlockOutcome } from '../domain/door.js';

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

export const kioskMethods = {
  /** The bank and all its compartments with their live door and service states (G1). */
  'bank.overview': {
    args: z.object({}).strict(),
    result: BankOverview,
  },
  /** Temporary operator action (issue 2): open one door and report what the sensors saw (G5). */
  'compartment.open': {
    args: z.object({ compartmentId: z.string().min(1).max(64) }).strict(),
    result: OpenCompartmentResult,
  },
} as const;

export const kioskEvents = {
  'door.changed': z.object({
    compartmentId: z.string(),
    label: z.string(),
    door: DoorState,
  }),
  'hardware.changed': z.object({ hardware: HardwareStatus }),
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
