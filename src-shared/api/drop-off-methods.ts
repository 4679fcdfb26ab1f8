import { z } from 'zod';
import { CompartmentSize } from '../domain/compartment.js';
import { Carrier } from '../domain/scan.js';
import { ScanId, withSession } from './session-methods.js';

/**
 * Drop-off at the kiosk (D1–D10, X5). The core allocates, opens the door and watches it: the
 * deposit counts only when the door was seen open and then closed (and the item sensor agrees
 * where there is one). A door that does not open sends the operator to another compartment.
 */

/** Who a parcel is for: one person, or a department whose key contact collects (A2, E3). */
export const RecipientRef = z
  .object({ kind: z.enum(['contact', 'department']), id: z.string().min(1).max(64) })
  .strict();
export type RecipientRef = z.infer<typeof RecipientRef>;

/** A directory search hit, as the drop-off screen lists it. */
export const RecipientMatch = z.object({
  kind: z.enum(['contact', 'department']),
  id: z.string(),
  name: z.string(),
  /** Contact: email; department: its key contact's name. */
  detail: z.string().nullable(),
  personnelId: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** B5: only accessible doors for this recipient. */
  accessibilityNeed: z.boolean(),
});
export type RecipientMatch = z.infer<typeof RecipientMatch>;

/** An advance reservation (D2, D5) as the signed-in person sees it. */
export const ReservationView = z.object({
  id: z.string(),
  recipient: RecipientMatch,
  trackingNumber: z.string().nullable(),
  size: CompartmentSize,
  compartmentLabel: z.string().nullable(),
  designatedName: z.string().nullable(),
  expiresAtMs: z.number().int(),
});
export type ReservationView = z.infer<typeof ReservationView>;

/** What a scanned or typed label tells the core (D7, D9, D2). */
export const IdentifiedParcel = z.object({
  trackingNumber: z.string(),
  carrier: Carrier.nullable(),
  /** D9: the parcel was received in inbound tracking; its recipient is already known. */
  expectedParcelId: z.string().nullable(),
  recipient: RecipientMatch.nullable(),
  /** D2: a reservation made for this parcel. */
  reservation: ReservationView.nullable(),
});
export type IdentifiedParcel = z.infer<typeof IdentifiedParcel>;

/** How the compartment is chosen (C2, D8). */
export const PlacementChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('engine') }).strict(),
  z.object({ kind: z.literal('size'), size: CompartmentSize }).strict(),
  z.object({ kind: z.literal('compartment'), compartmentId: z.string().min(1).max(64) }).strict(),
]);
export type PlacementChoice = z.infer<typeof PlacementChoice>;

export const DropOffRequest = z
  .object({
    recipient: RecipientRef,
    /** Null when the bank lets the operator skip the label (C2). */
    trackingNumber: z.string().trim().min(1).max(64).nullable(),
    carrier: Carrier.nullable(),
    /** The smallest size the parcel fits, when the operator says so. */
    parcelSize: CompartmentSize.nullable(),
    placement: PlacementChoice,
    expectedParcelId: z.string().max(64).nullable(),
    reservationId: z.string().max(64).nullable(),
  })
  .strict();
export type DropOffRequest = z.infer<typeof DropOffRequest>;

export const CompartmentBrief = z.object({
  id: z.string(),
  label: z.string(),
  size: CompartmentSize,
  doorBottomCm: z.number().int(),
  doorTopCm: z.number().int(),
});
export type CompartmentBrief = z.infer<typeof CompartmentBrief>;

/** The engine's answer before any door opens: a compartment and why, or why none. */
export const PlacementProposal = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), compartment: CompartmentBrief, reasons: z.array(z.string()) }),
  z.object({ ok: z.literal(false), message: z.string(), causes: z.array(z.string()) }),
]);
export type PlacementProposal = z.infer<typeof PlacementProposal>;

/**
 * A deposit in progress:
 * - door_open: the door was seen open; put the parcel in and close it;
 * - check_empty: the door closed but the item sensor sees nothing; open again or cancel;
 * - completed: the door closed on the parcel; it is in the locker, the recipient is notified;
 * - cancelled: nothing was deposited.
 */
export const DepositState = z.enum(['door_open', 'check_empty', 'completed', 'cancelled']);
export type DepositState = z.infer<typeof DepositState>;

export const DepositView = z.object({
  depositId: z.string(),
  state: DepositState,
  compartment: CompartmentBrief,
  reasons: z.array(z.string()),
  recipientName: z.string(),
  trackingNumber: z.string().nullable(),
  /** Doors tried before this one that did not open (the operator was sent on automatically). */
  skipped: z.array(z.object({ label: z.string(), outcome: z.string() })),
  /** Set once completed. */
  parcelId: z.string().nullable(),
});
export type DepositView = z.infer<typeof DepositView>;

export const dropOffMethods = {
  /** Recipients and departments by name, email, PersonnelID or department (D1). */
  'directory.search': {
    args: withSession({ query: z.string().max(100) }),
    result: z.array(RecipientMatch),
  },
  /** A scanned or typed label (D7): tracking number, carrier, inbound parcel, reservation. */
  'dropoff.identify': {
    args: withSession({ text: z.string().trim().min(1).max(2048) }),
    result: IdentifiedParcel,
  },
  /** The same for a scan the core holds (serial or HID scanner), by id. */
  'dropoff.identifyScan': {
    args: withSession({ scanId: ScanId }),
    result: IdentifiedParcel,
  },
  /** D2, D10: reservations waiting for the signed-in operator or carrier (and undesignated ones). */
  'dropoff.reservations': {
    args: withSession({}),
    result: z.array(ReservationView),
  },
  /** The engine's choice for a request, with its reasons; nothing opens. */
  'dropoff.propose': {
    args: withSession({ request: DropOffRequest }),
    result: PlacementProposal,
  },
  /** Allocates and opens a door; tries another one automatically when a door does not open. */
  'dropoff.start': {
    args: withSession({ request: DropOffRequest }),
    result: DepositView,
  },
  /** X5: the parcel does not fit; the next door is at least one size bigger. */
  'dropoff.biggerDoor': {
    args: withSession({ depositId: z.string().min(1).max(64) }),
    result: DepositView,
  },
  /** check_empty: open the same door again. */
  'dropoff.reopen': {
    args: withSession({ depositId: z.string().min(1).max(64) }),
    result: DepositView,
  },
  /** Nothing was put in (or it was taken back out): nothing is recorded as deposited. */
  'dropoff.cancel': {
    args: withSession({ depositId: z.string().min(1).max(64) }),
    result: DepositView,
  },
} as const;

export const dropOffEvents = {
  /** A deposit changed state (its door closed: completed or check_empty). */
  'deposit.changed': DepositView,
} as const;
