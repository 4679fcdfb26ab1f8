/**
 * Lets the sync engine's promise chains run (no I/O, no timers: the fake cloud answers in
 * promises) until `condition` holds. Time itself only moves through the ManualClock.
 */
export async function until(condition: () => boolean, what = 'the condition'): Promise<void> {
  for (let round = 0; round < 500; round++) {
    if (condition()) {
      return;
    }
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
  }
  throw new Error(`${what} never came true`);
}
