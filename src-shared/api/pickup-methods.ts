import { z } from 'zod';
import { CompartmentBrief } from './drop-off-methods.js';
import { ScanId } from './session-methods.js';

/**
 * Pickup (E1–E4, X3, X4). A code, a pickup QR or a badge proves who the recipient is; the
 * answer is a pickup: their parcels in this bank (their department's too, E3), each behind a
 * door they open one at a time or all at once (E2). A parcel counts as taken, and its code as
 * used, only when its door was seen open and closed again; the door may then be opened again
 * during the re-open grace (X4).
 */
export const PickupId = z.string().min(16).max(128);

/**
 * - waiting: not opened yet;
 * - door_open: open now; take the parcel and close the door;
 * - taken: its door closed again (re-openable until `reopenUntilMs`);
 * - door_failed: the door did not open; the mailroom is told (out of service after repeats).
 */
export const PickupParcelState = z.enum(['waiting', 'door_open', 'taken', 'door_failed']);
export type PickupParcelState = z.infer<typeof PickupParcelState>;

export const PickupParcel = z.object({
  parcelId: z.string(),
  compartment: CompartmentBrief,
  trackingNumber: z.string().nullable(),
  /** The department's name for a department parcel (E3), null for one's own. */
  departmentName: z.string().nullable(),
  state: PickupParcelState,
  reopenUntilMs: z.number().int().nullable(),
});
export type PickupParcel = z.infer<typeof PickupParcel>;

export const PickupView = z.object({
  pickupId: PickupId,
  /** First name only: the screen may be seen by the next person in the queue. */
  greetingName: z.string(),
  openMode: z.enum(['one_at_a_time', 'all_at_once']),
  parcels: z.array(PickupParcel),
});
export type PickupView = z.infer<typeof PickupView>;

export const pickupMethods = {
  /** A code typed on the screen (E1). Same refusal for wrong, expired and unknown codes. */
  'pickup.withCode': {
    args: z.object({ code: z.string().max(32) }).strict(),
    result: PickupView,
  },
  /** A pickup QR or a recipient's badge, by the scan's id (E1, E4). */
  'pickup.withScan': {
    args: z.object({ scanId: ScanId }).strict(),
    result: PickupView,
  },
  /** Opens these parcels' doors (one, or all at once when the bank says so, E2); X4 re-open. */
  'pickup.open': {
    args: z
      .object({ pickupId: PickupId, parcelIds: z.array(z.string().max(64)).min(1).max(50) })
      .strict(),
    result: PickupView,
  },
  /** The recipient is done: the pickup ends (doors still open are watched as usual). */
  'pickup.finish': {
    args: z.object({ pickupId: PickupId }).strict(),
    result: z.object({}),
  },
} as const;

export const pickupEvents = {
  'pickup.changed': PickupView,
} as const;
