import { z } from 'zod';
import { CompartmentView } from '../domain/compartment.js';
import { ParcelKind } from '../domain/parcel.js';
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
  /** A delivery, a return waiting for the mailroom (D3) or an exchange (D4). */
  kind: ParcelKind,
  trackingNumber: z.string().nullable(),
  recipientName: z.string(),
  depositedAtMs: z.number().int(),
  /** When its pickup code stops working; past it the parcel is expired (G3). */
  expiresAtMs: z.number().int().nullable(),
});
export type ManagedParcel = z.infer<typeof ManagedParcel>;

/** F1–F5, G3: a personal storage in the compartment. */
export const ManagedStorage = z.object({
  storageId: z.string(),
  /** The owner's name when known; null for a walk-up with a code. */
  ownerName: z.string().nullable(),
  startedAtMs: z.number().int(),
  endsAtMs: z.number().int().nullable(),
  /** Past its end: the compartment's use is `expired` and an operator may empty it (G3). */
  expired: z.boolean(),
});
export type ManagedStorage = z.infer<typeof ManagedStorage>;

export const ManagedCompartment = CompartmentView.extend({
  use: CompartmentUse,
  parcels: z.array(ManagedParcel),
  storage: ManagedStorage.nullable(),
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
  /**
   * G3, X6: opens a storage's door (overstayed, or its owner lost the code); once it closes on
   * an empty compartment the storage is `emptied` with the operator's reason in the log and its
   * code stops working. Refused while another task has that door open.
   */
  'manage.emptyStorage': {
    args: withSession({
      compartmentId: z.string().min(1).max(64),
      reason: z.string().trim().min(3).max(200),
    }),
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
