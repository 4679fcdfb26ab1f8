import { z } from 'zod';
import { KeyboardWedgeSettings } from './hardware-profile.js';

/**
 * The bank's drop-off and pickup settings (C2, C3, C5, C7, C8), stored in the kiosk database and
 * edited on the operator settings screen until the console takes over (issue 6). One document,
 * validated as a whole: a refused document changes nothing.
 */

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

export const DropOffSettings = z
  .object({
    /** C2: `required` refuses a drop-off without a label scan or a typed tracking number. */
    labelScan: z.enum(['required', 'optional']),
    /** C2: who picks the compartment's size: the engine (smallest fit) or the operator. */
    sizeChoice: z.enum(['engine', 'operator']),
    /** C2, D8: whether an operator may pick a compartment by hand. */
    handChoice: z.boolean(),
  })
  .strict();
export type DropOffSettings = z.infer<typeof DropOffSettings>;

export const PickupSettings = z
  .object({
    /** C3: which ways of proving who you are open doors at this bank. */
    methods: z
      .object({ code: z.boolean(), qr: z.boolean(), badge: z.boolean() })
      .strict()
      .refine((methods) => methods.code || methods.qr || methods.badge, {
        message: 'at_least_one_pickup_method',
      }),
    /** E2: a recipient with several parcels opens one door at a time, or all at once. */
    openMode: z.enum(['one_at_a_time', 'all_at_once']),
    /** X3, C8: how long a recipient's code stays valid after the deposit, in hours. */
    pickupWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  })
  .strict();
export type PickupSettings = z.infer<typeof PickupSettings>;

export const BankTimers = z
  .object({
    /** X4: after a pickup door closes, the recipient may open it again for this long. */
    reopenGraceSeconds: seconds(0, 600),
    /** A finished screen (deposit done, parcels taken) goes back home after this long. */
    returnHomeSeconds: seconds(3, 300),
    /** A recipient's screen left untouched goes back home after this long. */
    inactivitySeconds: seconds(10, 600),
    /** A7: an operator or carrier untouched this long is signed out (enforced in the core). */
    operatorIdleMinutes: z.number().int().min(1).max(240),
    /** A7: and signed out after this long whatever happens. */
    operatorSessionHours: z.number().int().min(1).max(24),
  })
  .strict();
export type BankTimers = z.infer<typeof BankTimers>;

export const BankSettings = z
  .object({
    dropOff: DropOffSettings,
    pickup: PickupSettings,
    /** C5: operators may sign in by scanning their badge. */
    contactlessSignIn: z.boolean(),
    /** C7: a compartment never holds more than one parcel (turns D6 consolidation off). */
    oneParcelPerCompartment: z.boolean(),
    timers: BankTimers,
  })
  .strict();
export type BankSettings = z.infer<typeof BankSettings>;

export const defaultBankSettings: BankSettings = {
  dropOff: { labelScan: 'optional', sizeChoice: 'engine', handChoice: true },
  pickup: {
    methods: { code: true, qr: true, badge: true },
    openMode: 'one_at_a_time',
    pickupWindowHours: 72,
  },
  contactlessSignIn: true,
  oneParcelPerCompartment: false,
  timers: {
    reopenGraceSeconds: 60,
    returnHomeSeconds: 15,
    inactivitySeconds: 60,
    operatorIdleMinutes: 5,
    operatorSessionHours: 8,
  },
};

/** What every screen may know before anyone signs in (the home screen's buttons and timers). */
export const PublicKioskSettings = z.object({
  pickupMethods: PickupSettings.shape.methods,
  contactlessSignIn: z.boolean(),
  returnHomeSeconds: z.number().int(),
  inactivitySeconds: z.number().int(),
  /** From the hardware profile: the page tells a wedge scanner from a person typing (X7). */
  keyboardWedge: KeyboardWedgeSettings,
});
export type PublicKioskSettings = z.infer<typeof PublicKioskSettings>;

export function publicKioskSettings(
  settings: BankSettings,
  keyboardWedge: KeyboardWedgeSettings,
): PublicKioskSettings {
  return {
    keyboardWedge,
    pickupMethods: settings.pickup.methods,
    contactlessSignIn: settings.contactlessSignIn,
    returnHomeSeconds: settings.timers.returnHomeSeconds,
    inactivitySeconds: settings.timers.inactivitySeconds,
  };
}
