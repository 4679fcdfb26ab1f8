import { z } from 'zod';

/**
 * The pull cookie (sync.md "Pull"): the per-bank and per-tenant server versions this bank has
 * applied. Versions are counters bumped under a row lock by every writer, never sequences or
 * clock readings, so a late-committing transaction cannot be skipped.
 */
export const SyncCookie = z
  .object({
    bank: z.number().int().nonnegative(),
    tenant: z.number().int().nonnegative(),
  })
  .strict();
export type SyncCookie = z.infer<typeof SyncCookie>;

export const initialCookie: SyncCookie = { bank: 0, tenant: 0 };

/** Counters and cookies never go backwards (invariant 5). */
export function cookieNotBefore(next: SyncCookie, previous: SyncCookie): boolean {
  return next.bank >= previous.bank && next.tenant >= previous.tenant;
}
