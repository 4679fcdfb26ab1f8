/** After this many failed attempts a message is marked failed instead of tried again. */
export const maxDeliveryAttempts = 8;

const firstDelayMs = 30_000;
const maxDelayMs = 60 * 60_000;

/**
 * How long to wait before attempt `attemptsSoFar + 1`: 30 s doubling up to an hour, then a random
 * cut of up to half, so a relay that comes back is not hit by every queued message at once.
 */
export function retryDelayMs(attemptsSoFar: number, random: () => number): number {
  const exponent = Math.max(0, attemptsSoFar - 1);
  const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
