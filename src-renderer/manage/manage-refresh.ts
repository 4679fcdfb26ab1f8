/**
 * Reloads the compartment list when something changed, at most one load at a time. A burst of
 * events (a door opening sends several) while a load runs gives one more load after it, not
 * one per event: the last load always starts after the last change.
 */
export interface Refresher {
  request(): void;
  /** Settles once no load is running or owed. */
  idle(): Promise<void>;
}

export function createRefresher(load: () => Promise<void>): Refresher {
  let running: Promise<void> | undefined;
  let owed = false;

  async function run(): Promise<void> {
    do {
      owed = false;
      try {
        await load();
      } catch {
        // The load reports its own failure on screen; the next change tries again.
      }
    } while (owed);
  }

  function request(): void {
    if (running) {
      owed = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
    });
  }

  return {
    request,
    idle: () => running ?? Promise.resolve(),
  };
}
