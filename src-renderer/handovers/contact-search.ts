import type { RecipientMatch } from '../../src-shared/api/drop-off-methods.js';
import type { Result } from '../../src-shared/api/result.js';
import type { Clock } from '../../src-shared/time/clock.js';
import { RecipientSearch } from '../dropoff/recipient-search.js';

/** What a contact picker shows, replaced whole on every change. */
export interface ContactSearchSnapshot {
  query: string;
  results: readonly RecipientMatch[];
  /** The query the results answer; differs from `query` while a newer search is pending. */
  answeredQuery: string;
  searching: boolean;
  /** The directory's refusal for the latest query, in the operator's language. */
  error: string | undefined;
}

export interface ContactSearchOptions {
  clock: Clock;
  /** `directory.search`: people and departments. */
  lookUp: (query: string) => Promise<Result<RecipientMatch[]>>;
  changed: (snapshot: ContactSearchSnapshot) => void;
  delayMs?: number;
}

export function emptyContactSearch(): ContactSearchSnapshot {
  return { query: '', results: [], answeredQuery: '', searching: false, error: undefined };
}

/**
 * Search as you type for one person (D3, D4): a hand-over is brought or picked up by somebody,
 * never by a department, so departments are left out of the answers. The typing pause and the
 * out-of-order answers are the drop-off search's (RecipientSearch).
 */
export class ContactSearch {
  #snapshot: ContactSearchSnapshot = emptyContactSearch();
  readonly #search: RecipientSearch;
  readonly #changed: (snapshot: ContactSearchSnapshot) => void;

  constructor(options: ContactSearchOptions) {
    this.#changed = options.changed;
    this.#search = new RecipientSearch({
      clock: options.clock,
      lookUp: options.lookUp,
      ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
      onOutcome: (outcome) => {
        this.#update(
          outcome.kind === 'results'
            ? {
                results: outcome.results.filter((match) => match.kind === 'contact'),
                answeredQuery: outcome.query,
                searching: false,
                error: undefined,
              }
            : {
                results: [],
                answeredQuery: outcome.query,
                searching: false,
                error: outcome.message,
              },
        );
      },
    });
  }

  get snapshot(): ContactSearchSnapshot {
    return this.#snapshot;
  }

  type(query: string): void {
    this.#update({ query, searching: query.trim() !== '', error: undefined });
    this.#search.type(query);
  }

  /** The picker is closing: no answer may land in it any more. */
  stop(): void {
    this.#search.cancel();
  }

  #update(change: Partial<ContactSearchSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#changed(this.#snapshot);
  }
}
