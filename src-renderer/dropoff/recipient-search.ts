import type { RecipientMatch } from '../../src-shared/api/drop-off-methods.js';
import type { Result } from '../../src-shared/api/result.js';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';

/** Long enough to let a typist finish a word, short enough to feel immediate on a touchscreen. */
export const recipientSearchDelayMs = 200;

export type RecipientSearchOutcome =
  | { kind: 'results'; query: string; results: RecipientMatch[] }
  | { kind: 'failed'; query: string; message: string };

export interface RecipientSearchOptions {
  clock: Clock;
  lookUp: (query: string) => Promise<Result<RecipientMatch[]>>;
  onOutcome: (outcome: RecipientSearchOutcome) => void;
  delayMs?: number;
}

/**
 * Search as you type (D1): waits for a pause in the typing, then asks the directory. Answers
 * can come back out of order, so only the answer to the latest query is passed on; an older one
 * would replace the list the operator is looking at with results for letters since erased.
 */
export class RecipientSearch {
  readonly #options: RecipientSearchOptions;
  #pending: TimerHandle | undefined;
  /** Bumped by every keystroke and by `cancel`; an answer for an older value is stale. */
  #generation = 0;

  constructor(options: RecipientSearchOptions) {
    this.#options = options;
  }

  /** A new query: the previous one's timer and answer no longer count. */
  type(query: string): void {
    this.cancel();
    const generation = this.#generation;
    const trimmed = query.trim();
    if (trimmed === '') {
      this.#options.onOutcome({ kind: 'results', query, results: [] });
      return;
    }
    this.#pending = this.#options.clock.setTimeout(() => {
      this.#pending = undefined;
      void this.#lookUp(query, trimmed, generation);
    }, this.#options.delayMs ?? recipientSearchDelayMs);
  }

  /** Drops the waiting search and any answer still on its way. */
  cancel(): void {
    this.#generation += 1;
    if (this.#pending) {
      this.#options.clock.clearTimeout(this.#pending);
      this.#pending = undefined;
    }
  }

  async #lookUp(query: string, trimmed: string, generation: number): Promise<void> {
    const result = await this.#options.lookUp(trimmed);
    if (generation !== this.#generation) {
      return;
    }
    this.#options.onOutcome(
      result.ok
        ? { kind: 'results', query, results: result.value }
        : { kind: 'failed', query, message: result.error.message },
    );
  }
}
