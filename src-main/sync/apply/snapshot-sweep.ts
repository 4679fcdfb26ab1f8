import type { EntityKind } from '../../../src-shared/sync/entities.js';

/**
 * What a `clear` snapshot has put so far, across the pages of one pull. A reset pull may span
 * pages (the tenant's thousands of contacts first, the bank's reservations later), and the rows
 * it does not list may only be retired once its LAST page is in: retiring at page 1 would cancel
 * every reservation and refuse every remote open that page 1 simply had not reached yet, and
 * nothing revives those. Held in memory by one pull: a pull cut short forgets it and starts
 * again from the saved cookie, so its `clear` comes again and nothing was retired meanwhile.
 */
export class SnapshotSweep {
  #listed: Map<EntityKind, Set<string>> | undefined;

  /** Between a `clear` and the retirement that ends it. */
  get open(): boolean {
    return this.#listed !== undefined;
  }

  /** A `clear`: whatever was listed before it is forgotten with everything else. */
  start(): void {
    this.#listed = new Map();
  }

  list(kind: EntityKind, key: string): void {
    const listed = this.#listed;
    if (!listed) {
      return;
    }
    const keys = listed.get(kind) ?? new Set<string>();
    keys.add(key);
    listed.set(kind, keys);
  }

  unlist(kind: EntityKind, key: string): void {
    this.#listed?.get(kind)?.delete(key);
  }

  listed(kind: EntityKind): ReadonlySet<string> {
    return this.#listed?.get(kind) ?? new Set<string>();
  }

  /** The retirement ran: the snapshot is whole. */
  finish(): void {
    this.#listed = undefined;
  }
}
