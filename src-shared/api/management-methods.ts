import { z } from 'zod';
import { CompartmentView } from '../domain/compartment.js';
import { BankSettings, PublicKioskSettings, SavedBankSettings } from '../domain/bank-settings.js';
import { withSession } from './session-methods.js';

/**
 * Management at the kiosk (G1–G5) and the bank's drop-off and pickup settings (C2, C3, C5, C7,
 * C8). Every method checks a permission and logs who did it.
 */

/** G1: what a compartment is used for right now. */
export const compartmentUses = [
  'available',
  'reserved',
  'occupied',
  'expired',
  'out_of_service',
] as const;
export const CompartmentUse = z.enum(compartmentUses);
export type CompartmentUse = z.infer<typeof CompartmentUse>;

export const ManagedParcel = z.object({
  parcelId: z.string(),
  trackingNumber: z.string().nullable(),
  recipientName: z.string(),
  depositedAtMs: z.number().int(),
  /** When its pickup code stops working; past it the parcel is expired (G3). */
  expiresAtMs: z.number().int().nullable(),
});
export type ManagedParcel = z.infer<typeof ManagedParcel>;

export const ManagedCompartment = CompartmentView.extend({
  use: CompartmentUse,
  parcels: z.array(ManagedParcel),
  /** Who a reservation holds it for (D2) or who it is dedicated to (D5). */
  heldFor: z.string().nullable(),
});
export type ManagedCompartment = z.infer<typeof ManagedCompartment>;

export const managementMethods = {
  /** G1, G2: every compartment's use with its parcels. */
  'manage.compartments': {
    args: withSession({}),
    result: z.array(ManagedCompartment),
  },
  /** G3: opens the door; the expired parcels count as removed once it closes again. */
  'manage.removeExpired': {
    args: withSession({ compartmentId: z.string().min(1).max(64) }),
    result: ManagedCompartment,
  },
  /** The settings every screen needs before anyone signs in. */
  'settings.public': {
    args: z.object({}).strict(),
    result: PublicKioskSettings,
  },
  'settings.get': {
    args: withSession({}),
    result: BankSettings,
  },
  /** Validated as a whole; a refused document changes nothing. */
  'settings.save': {
    args: withSession({ settings: SavedBankSettings }),
    result: BankSettings,
  },
} as const;
