import { z } from 'zod';
import { CompartmentSize } from '../domain/compartment.js';
import { CompartmentBrief } from './drop-off-methods.js';
import { withSession } from './session-methods.js';

/**
 * Returns and exchanges (D3, D4). The mailroom reserves a size for a hand-over; the person who
 * brings the item gets a one-time code in a message; at the kiosk the code opens a compartment
 * of that size (bound then, late binding) and the item counts as in once the door closes on it.
 * A return is then collected by the mailroom; an exchange's pick-up party gets their own code
 * when the item is in and takes it out like any parcel (E1).
 */
export const HandoverKind = z.enum(['return', 'exchange']);
export type HandoverKind = z.infer<typeof HandoverKind>;

export const HandoverState = z.enum([
  'awaiting_drop',
  'in_locker',
  'collected',
  'picked_up',
  'cancelled',
]);
export type HandoverState = z.infer<typeof HandoverState>;

export const HandoverRequest = z
  .object({
    kind: HandoverKind,
    /** Who brings the item (return) or leaves it (exchange). */
    senderContactId: z.string().min(1).max(64),
    /** Exchange only: who picks it up. */
    receiverContactId: z.string().min(1).max(64).nullable(),
    size: CompartmentSize,
    /** A tracking number the item already has; null to go without, or to generate one. */
    trackingNumber: z.string().trim().min(1).max(64).nullable(),
    /** D4: the bank makes one up (printed nowhere else; the notices carry it). */
    generateTrackingNumber: z.boolean(),
    /** How long the sender has to bring it. */
    dropWithinDays: z.number().int().min(1).max(30),
  })
  .strict();
export type HandoverRequest = z.infer<typeof HandoverRequest>;

export const HandoverView = z.object({
  handoverId: z.string(),
  kind: HandoverKind,
  state: HandoverState,
  size: CompartmentSize,
  senderName: z.string(),
  receiverName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  createdAtMs: z.number().int(),
  dropByMs: z.number().int(),
  droppedAtMs: z.number().int().nullable(),
  /** Bound at the drop. */
  compartment: CompartmentBrief.nullable(),
  /** Whether the sender's code went out in a message (they have an email address). */
  noticeQueued: z.boolean(),
});
export type HandoverView = z.infer<typeof HandoverView>;

export const HandoverDropId = z.string().min(16).max(128);

/**
 * A drop in progress at the kiosk:
 * - door_open: put the item in and close the door;
 * - check_empty: the door closed but the item sensor sees nothing; open again or cancel;
 * - completed: the item is in (the receiver of an exchange is notified);
 * - cancelled: nothing was left; the code still works until its date.
 */
export const HandoverDropState = z.enum(['door_open', 'check_empty', 'completed', 'cancelled']);
export type HandoverDropState = z.infer<typeof HandoverDropState>;

export const HandoverDropView = z.object({
  dropId: HandoverDropId,
  kind: HandoverKind,
  state: HandoverDropState,
  compartment: CompartmentBrief,
  /** First name of whoever picks it up (exchange); null for a return. */
  receiverFirstName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  skipped: z.array(z.object({ label: z.string(), outcome: z.string() })),
});
export type HandoverDropView = z.infer<typeof HandoverDropView>;

const dropArgs = z.object({ dropId: HandoverDropId }).strict();

export const handoverMethods = {
  /** D3, D4: reserve a size for a return or an exchange; the sender's code goes out. */
  'handover.create': {
    args: withSession({ request: HandoverRequest }),
    result: HandoverView,
  },
  /** Open hand-overs (awaiting the item, or in a locker), newest first. */
  'handover.list': {
    args: withSession({}),
    result: z.array(HandoverView),
  },
  /** Withdraw one still awaiting its item: the sender's code stops working. */
  'handover.cancel': {
    args: withSession({ handoverId: z.string().min(1).max(64) }),
    result: HandoverView,
  },
  /** D3: the mailroom takes a return out; counted when the door closes again. */
  'handover.collect': {
    args: withSession({ handoverId: z.string().min(1).max(64) }),
    result: HandoverView,
  },
  /** The sender's code at the kiosk: a compartment of the reserved size opens. */
  'handover.withCode': {
    args: z.object({ code: z.string().max(32) }).strict(),
    result: HandoverDropView,
  },
  /** check_empty: the same door again. */
  'handover.reopen': { args: dropArgs, result: HandoverDropView },
  /** Nothing was left: the drop is cancelled, the code keeps working. */
  'handover.cancelDrop': { args: dropArgs, result: HandoverDropView },
} as const;

export const handoverEvents = {
  /** A drop moved on by itself (its door closed). */
  'handover.dropChanged': HandoverDropView,
  /** A hand-over changed (dropped, collected, picked up): the mailroom's list refreshes. */
  'handover.changed': HandoverView,
} as const;

export type HandoverMethodName = keyof typeof handoverMethods;
