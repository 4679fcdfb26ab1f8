/**
 * Time as a dependency. Everything whose behaviour depends on time (door timeouts, polling,
 * expiry, lockouts, timestamps) takes a Clock, so tests drive it with fake time instead of sleeps.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly timerId: unknown;
}

/** Resolves after `delayMs` of the given clock's time. */
export function sleep(clock: Clock, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    clock.setTimeout(resolve, delayMs);
  });
}
