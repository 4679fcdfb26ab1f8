import type { SyncStatus } from '../../src-shared/api/sync-methods.js';

type StatusListener = (status: SyncStatus) => void;

/** The sync status and who follows it; listeners hear only real changes. */
export class SyncStatusTracker {
  #status: SyncStatus;
  readonly #listeners = new Set<StatusListener>();

  constructor(initial: SyncStatus) {
    this.#status = initial;
  }

  current(): SyncStatus {
    return this.#status;
  }

  update(change: Partial<SyncStatus>): void {
    const next = { ...this.#status, ...change };
    if (
      next.state === this.#status.state &&
      next.lastSyncAt === this.#status.lastSyncAt &&
      next.queueDepth === this.#status.queueDepth &&
      next.problem === this.#status.problem
    ) {
      return;
    }
    this.#status = next;
    for (const listener of [...this.#listeners]) {
      listener(next);
    }
  }

  onChange(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
