import { z } from 'zod';

/**
 * Where a parcel is in its life at this bank:
 * - expected: known (inbound tracking, D9, or an advance reservation, D2) but not yet in a locker;
 * - in_locker: deposited, its door seen open and closed again; waiting for its recipient;
 * - picked_up: its recipient (or a delegate, E3) took it out;
 * - removed: an operator took it out, usually because it expired (G3);
 * - returned: handed back to the carrier or sender.
 */
export const parcelStates = ['expected', 'in_locker', 'picked_up', 'removed', 'returned'] as const;
export const ParcelState = z.enum(parcelStates);
export type ParcelState = z.infer<typeof ParcelState>;

/** States a parcel never leaves: nothing may open a door for it any more. */
export const finalParcelStates = [
  'picked_up',
  'removed',
  'returned',
] as const satisfies readonly ParcelState[];

/**
 * What a parcel is (issue 5): a delivery for its recipient; a return (D3) its contact brought for
 * the mailroom; an exchange (D4) one person left for its contact to pick up.
 */
export const parcelKinds = ['delivery', 'return', 'exchange'] as const;
export const ParcelKind = z.enum(parcelKinds);
export type ParcelKind = z.infer<typeof ParcelKind>;
