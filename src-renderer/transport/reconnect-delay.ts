export interface BackoffPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * The host is on the same machine, so a drop usually means the core is restarting: retry soon,
 * then back off so a dead core is not hammered, but never wait so long that the screen stays
 * blank long after the core is back.
 */
export const defaultBackoff: BackoffPolicy = { firstDelayMs: 500, maxDelayMs: 10_000 };

/** Delay before reconnect attempt number `attempt` (0 for the first retry after a drop). */
export function reconnectDelayMs(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.min(attempt, 30), policy.maxDelayMs);
}
