import { z } from 'zod';
import { KeyboardWedgeSettings } from './hardware-profile.js';

/**
 * The bank's drop-off, pickup and storage settings (C2, C3, C5, C6, C7, C8), stored in the kiosk
 * database and edited on the operator settings screen until the console takes over (issue 6).
 * One document, validated as a whole: a refused document changes nothing.
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

/** A storage stay is counted in whole hours, up to 30 days. */
const storageHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 30);

/** C6, F1: every stay lasts the same time. */
export const FixedStorageDuration = z
  .object({ kind: z.literal('fixed'), hours: storageHours })
  .strict();
/** C6, F1: the person chooses how long, up to `maxHours`. */
export const FlexibleStorageDuration = z
  .object({ kind: z.literal('flexible'), maxHours: storageHours })
  .strict();
/** C6: items stay until their owner ends the reservation (F4). */
export const OpenEndedStorageDuration = z.object({ kind: z.literal('open_ended') }).strict();

export const StorageDuration = z.discriminatedUnion('kind', [
  FixedStorageDuration,
  FlexibleStorageDuration,
  OpenEndedStorageDuration,
]);
export type StorageDuration = z.infer<typeof StorageDuration>;
export type StorageDurationKind = StorageDuration['kind'];
export const storageDurationKinds: readonly StorageDurationKind[] = [
  'fixed',
  'flexible',
  'open_ended',
];

/** The longest first stay the policy gives (before any extension); null when it has no end. */
export function storageBaseHours(duration: StorageDuration): number | null {
  switch (duration.kind) {
    case 'fixed':
      return duration.hours;
    case 'flexible':
      return duration.maxHours;
    case 'open_ended':
      return null;
  }
}

/** How many compartments of one size storage must leave free for deliveries (C6). */
const keptCount = z.number().int().min(0).max(500);

export const StoragePolicy = z
  .object({
    duration: StorageDuration,
    /** F5: whether a stay may be extended, and how long it may then last in all. */
    extension: z.object({ allowed: z.boolean(), maxTotalHours: storageHours }).strict(),
    /**
     * C6: storage may take a free compartment of a size only while more than this many of that
     * size are free (src-shared/allocation/delivery-reserve.ts).
     */
    keptForDeliveries: z.object({ S: keptCount, M: keptCount, L: keptCount }).strict(),
  })
  .strict()
  // Only checked while extension is allowed: the limit of a switched-off extension is kept
  // for when it comes back, and must not block an unrelated change to the duration.
  .superRefine((policy, context) => {
    if (!policy.extension.allowed) {
      return;
    }
    const baseHours = storageBaseHours(policy.duration);
    if (baseHours === null) {
      context.addIssue({
        code: 'custom',
        message: 'extension_without_end_time',
        path: ['extension', 'allowed'],
      });
    } else if (policy.extension.maxTotalHours < baseHours) {
      context.addIssue({
        code: 'custom',
        message: 'extension_shorter_than_stay',
        path: ['extension', 'maxTotalHours'],
        params: { hours: baseHours },
      });
    }
  });
export type StoragePolicy = z.infer<typeof StoragePolicy>;

/**
 * 24 hours, extensible to 3 days, and 2 small, 1 medium and 1 large compartment always left to
 * deliveries: the demo bank (12 S, 8 M, 4 L) still lends most of its doors to storage.
 */
export function defaultStoragePolicy(): StoragePolicy {
  return {
    duration: { kind: 'fixed', hours: 24 },
    extension: { allowed: true, maxTotalHours: 72 },
    keptForDeliveries: { S: 2, M: 1, L: 1 },
  };
}

export const BankSettings = z
  .object({
    dropOff: DropOffSettings,
    pickup: PickupSettings,
    /** C5: operators may sign in by scanning their badge. */
    contactlessSignIn: z.boolean(),
    /** C7: a compartment never holds more than one parcel (turns D6 consolidation off). */
    oneParcelPerCompartment: z.boolean(),
    timers: BankTimers,
    /**
     * C6. Documents saved before storage existed have none: they get the default policy (a
     * fresh copy each time, so no two parsed documents share it).
     */
    storage: StoragePolicy.default(defaultStoragePolicy),
  })
  .strict();
export type BankSettings = z.infer<typeof BankSettings>;

/**
 * What `settings.save` takes: the whole document, storage included. The default above is for
 * reading documents stored before storage existed; a client that left it out of a save would
 * otherwise reset the bank's storage policy without anyone choosing to.
 */
export const SavedBankSettings = BankSettings.extend({ storage: StoragePolicy }).strict();

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
  storage: defaultStoragePolicy(),
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
