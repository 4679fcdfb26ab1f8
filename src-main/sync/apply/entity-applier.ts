import type { EntityKind, EntityValue } from '../../../src-shared/sync/entities.js';
import type { KioskTx } from '../../db/transaction.js';

/** What applying one pull page needs and tells: shared by every kind's applier. */
export interface ApplyContext {
  /** This kiosk's bank: bank-scoped kinds land on it, whatever id the cloud gives the bank. */
  bankId: string;
  nowMs: number;
  /** Server time minus local time at the pull: remote commands judge their expiry with it. */
  serverOffsetMs: number;
  /**
   * Work that waits until every put of the page is in: a department's key contact may be a
   * contact put later in the same page (departments come first for the contacts' sake).
   */
  afterPuts: (() => void)[];
  outcome: { remoteOpens: number; settingsChanged: boolean };
}

/** How one kind of server-owned entity lands in the kiosk's tables. */
export interface EntityApplier<K extends EntityKind> {
  /** The local row a put writes, as the sweep after a clear compares them; the op's id if absent. */
  keyOf?(id: string, value: EntityValue<K>): string;
  /** An upsert keyed by the entity id; kiosk-owned columns are never written. */
  put(tx: KioskTx, id: string, value: EntityValue<K>, context: ApplyContext): void;
  /**
   * The same for many puts at once (a snapshot), for kinds that come by the thousand. May throw
   * on any row: the orchestrator then undoes it and puts the rows one by one, naming the bad op.
   */
  putMany?(
    tx: KioskTx,
    puts: readonly { id: string; value: EntityValue<K> }[],
    context: ApplyContext,
  ): void;
  /** Deletes the row, or deactivates it while other rows still reference it. */
  del(tx: KioskTx, key: string, context: ApplyContext): void;
  /** Local rows of this kind a clear may retire: what the cloud owns (or may withdraw). */
  keys(tx: KioskTx, context: ApplyContext): string[];
}

export type EntityAppliers = { [K in EntityKind]: EntityApplier<K> };
