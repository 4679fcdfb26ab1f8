import { z } from 'zod';

/**
 * Who a badge signs in (C5, E4): an operator at the kiosk's mailroom functions, or a recipient
 * collecting their parcels.
 */
export const badgeOwnerKinds = ['operator', 'contact'] as const;
export const BadgeOwnerKind = z.enum(badgeOwnerKinds);
export type BadgeOwnerKind = z.infer<typeof BadgeOwnerKind>;
