/** Capped exponential backoff with full jitter between failed sync rounds. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const syncBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * The wait before retry number `attempt` (0 for the first): uniform in [0, min(cap, base·2^n)).
 * Full jitter rather than a fixed ladder because many banks lose the same cloud at once (its
 * restart, a shared uplink): fixed delays would have them all hammer it at the same instants.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = syncBackoff,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 32));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.floor(draw * ceiling);
}
