import { z } from 'zod';
import { StorageDuration } from '../domain/bank-settings.js';
import { CompartmentSize } from '../domain/compartment.js';
import { CompartmentBrief } from './drop-off-methods.js';
import { ScanId, withSession } from './session-methods.js';

/**
 * Personal storage (F1–F5, C6). A person keeps their things in a compartment for a while: they
 * choose a size and a duration as the bank's policy allows, the door opens, and the storage is
 * active once the door closes on their things. They come back with the code the screen showed
 * them (or their badge) to open the door again (F3), extend (F5) or end it (F4). Bookings made
 * outside the kiosk (F2) are bound to a compartment when the person arrives.
 *
 * A "visit" is one person at the screen working with one storage; it ends when they leave or
 * after the bank's inactivity timer. Doors open and close under the core's watch (door truth):
 * a step moves on only when the door is seen closed again.
 */
export const StorageVisitId = z.string().min(16).max(128);

/** Hours as a person chooses them: whole hours, at most 30 days. */
export const StorageHours = z
  .number()
  .int()
  .min(1)
  .max(30 * 24);

/** What the walk-up screen may offer (F1, C6). */
export const StorageOptions = z.object({
  duration: StorageDuration,
  extension: z.object({ allowed: z.boolean(), maxTotalHours: z.number().int() }),
  /** Per size, how many compartments storage may take right now (the delivery quota excluded). */
  sizes: z.array(z.object({ size: CompartmentSize, available: z.number().int().min(0) })),
});
export type StorageOptions = z.infer<typeof StorageOptions>;

/**
 * Where a visit is:
 * - filling: the door is open for a new storage (walk-up, or a booking just claimed); put the
 *   things in and close it;
 * - nothing_inside: the door closed but the item sensor sees nothing; open again or cancel;
 * - ready: the storage is active; open, extend or end it;
 * - door_open: opened during the storage (F3); take or add things and close it;
 * - emptying: opened to end the storage (F4); take everything and close it;
 * - items_left: closed after `emptying` but the item sensor still sees something: open again
 *   or keep the storage;
 * - ended: the storage is over (F4) or was cancelled before anything went in.
 */
export const storageSteps = [
  'filling',
  'nothing_inside',
  'ready',
  'door_open',
  'emptying',
  'items_left',
  'ended',
] as const;
export const StorageStep = z.enum(storageSteps);
export type StorageStep = z.infer<typeof StorageStep>;

export const StorageVisit = z.object({
  visitId: StorageVisitId,
  storageId: z.string(),
  step: StorageStep,
  compartment: CompartmentBrief,
  /** First name of the owner when known (badge, booking); null for a walk-up with a code. */
  ownerName: z.string().nullable(),
  startedAtMs: z.number().int().nullable(),
  /** Null: no end time (C6 open-ended). */
  endsAtMs: z.number().int().nullable(),
  /** F5: the latest end an extension may reach; null when this storage cannot be extended. */
  latestEndMs: z.number().int().nullable(),
  /** Past its end (overstay): it can only be ended now. */
  expired: z.boolean(),
  /**
   * The code to come back with, in clear, exactly once: in the visit's view right after the
   * storage became active at the kiosk. Never stored in clear, never logged (X3).
   */
  newCode: z.string().nullable(),
  /** Doors tried before this one that did not open (a new storage moves on automatically). */
  skipped: z.array(z.object({ label: z.string(), outcome: z.string() })),
});
export type StorageVisit = z.infer<typeof StorageVisit>;

/** F2: a booking as the outside world sends it. */
export const StorageBookingRequest = z
  .object({
    /** The booking's id where it was made: sending it twice books once. */
    externalId: z.string().trim().min(1).max(64),
    contactId: z.string().min(1).max(64),
    size: CompartmentSize,
    /** The earliest arrival (epoch ms). */
    startsAtMs: z.number().int(),
    /** The stay's length as the policy allows; null only under a policy without end time. */
    hours: StorageHours.nullable(),
    preferredCompartmentId: z.string().min(1).max(64).nullable(),
  })
  .strict();
export type StorageBookingRequest = z.infer<typeof StorageBookingRequest>;

export const StorageBookingView = z.object({
  storageId: z.string(),
  externalId: z.string(),
  state: z.enum(['booked', 'active', 'ended', 'emptied', 'cancelled']),
  size: CompartmentSize,
  startsAtMs: z.number().int(),
  claimUntilMs: z.number().int().nullable(),
  /** Whether a notice with the code was queued (the contact has an email address). */
  noticeQueued: z.boolean(),
});
export type StorageBookingView = z.infer<typeof StorageBookingView>;

const visitArgs = z.object({ visitId: StorageVisitId }).strict();

export const storageMethods = {
  /** F1, C6: sizes free for storage now and the duration choices. */
  'storage.options': {
    args: z.object({}).strict(),
    result: StorageOptions,
  },
  /**
   * F1: a new walk-up storage. `hours` as the policy allows (null only without end time); a
   * badge scan makes the contact its owner (they may come back with the badge); a code is shown
   * either way once the storage is active.
   */
  'storage.start': {
    args: z
      .object({
        size: CompartmentSize,
        hours: StorageHours.nullable(),
        scanId: ScanId.nullable(),
      })
      .strict(),
    result: StorageVisit,
  },
  /** The code from the screen (or a booking's notice, F2: binds and opens a compartment). */
  'storage.withCode': {
    args: z.object({ code: z.string().max(32) }).strict(),
    result: StorageVisit,
  },
  /** The owner's badge: their active storage (or booking) here. */
  'storage.withScan': {
    args: z.object({ scanId: ScanId }).strict(),
    result: StorageVisit,
  },
  /** F3 from `ready`; "open again" from `nothing_inside` and `items_left`. */
  'storage.open': { args: visitArgs, result: StorageVisit },
  /** F5: a later end, within `latestEndMs`. */
  'storage.extend': {
    args: z.object({ visitId: StorageVisitId, hours: StorageHours }).strict(),
    result: StorageVisit,
  },
  /** F4: opens the door to take everything; ends when it closes on an empty compartment. */
  'storage.end': { args: visitArgs, result: StorageVisit },
  /** `nothing_inside`: the new storage is cancelled; `items_left`: the storage goes on. */
  'storage.giveUp': { args: visitArgs, result: StorageVisit },
  /** The person is done; doors still open are watched as usual. */
  'storage.finish': { args: visitArgs, result: z.object({}) },
  /** F2: a booking from outside the kiosk (the web page and console reach it through the API). */
  'storage.book': {
    args: withSession({ booking: StorageBookingRequest }),
    result: StorageBookingView,
  },
  /** F2: withdraw a booking not yet claimed; its code stops working. */
  'storage.cancelBooking': {
    args: withSession({ externalId: z.string().trim().min(1).max(64) }),
    result: StorageBookingView,
  },
} as const;

export const storageEvents = {
  /** A visit moved on by itself (its door closed). */
  'storage.changed': StorageVisit,
} as const;

export type StorageMethodName = keyof typeof storageMethods;
