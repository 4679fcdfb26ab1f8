import { z } from 'zod';

/** Compartment sizes a bank offers, smallest first (smallest-fit allocation walks this order). */
export const compartmentSizes = ['S', 'M', 'L'] as const;
export const CompartmentSize = z.enum(compartmentSizes);
export type CompartmentSize = z.infer<typeof CompartmentSize>;

/** Whether new work may go into a compartment (G4). A door's physical state is separate. */
export const serviceStates = ['in_service', 'out_of_service'] as const;
export const ServiceState = z.enum(serviceStates);
export type ServiceState = z.infer<typeof ServiceState>;

/** What the door sensor last said; `unknown` until the first successful poll of its board. */
export const doorStates = ['open', 'closed', 'unknown'] as const;
export const DoorState = z.enum(doorStates);
export type DoorState = z.infer<typeof DoorState>;

/** Physical wiring of one lock: board address on the bus and lock channel (1-based). */
export const LockAddress = z.object({
  board: z.number().int().min(0).max(31),
  channel: z.number().int().min(1).max(64),
});
export type LockAddress = z.infer<typeof LockAddress>;

/** Why a compartment is out of service (G4, X2), shown to operators in their language. */
export const serviceReasons = [
  'operator_request',
  'door_failed_to_open',
  'door_forced_open',
] as const;
export const ServiceReason = z.enum(serviceReasons);
export type ServiceReason = z.infer<typeof ServiceReason>;

export const CompartmentView = z.object({
  id: z.string(),
  label: z.string(),
  size: CompartmentSize,
  /** Height of the door's lower and upper edges above the floor, in cm (B5, X4). */
  doorBottomCm: z.number().int(),
  doorTopCm: z.number().int(),
  lock: LockAddress,
  service: ServiceState,
  serviceReason: ServiceReason.nullable(),
  door: DoorState,
  /** Item sensor reading; null where the bank has no sensors or ignores them. */
  items: z.boolean().nullable(),
});
export type CompartmentView = z.infer<typeof CompartmentView>;
