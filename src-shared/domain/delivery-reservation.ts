import { z } from 'zod';

/**
 * An advance reservation for a delivery (D2, D5): made before the parcel reaches the kiosk, for a
 * parcel, a recipient or a department. The bank binds the actual compartment late, when the
 * operator or designated person arrives (sync.md "Who owns what").
 * - active: waiting; its compartment (once bound) is not offered to anyone else;
 * - fulfilled: the parcel was deposited against it;
 * - cancelled: withdrawn by an operator or the console;
 * - expired: its expiry passed before anyone used it.
 */
export const reservationStates = ['active', 'fulfilled', 'cancelled', 'expired'] as const;
export const ReservationState = z.enum(reservationStates);
export type ReservationState = z.infer<typeof ReservationState>;
