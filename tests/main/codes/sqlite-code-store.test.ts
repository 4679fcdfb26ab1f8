import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteCodeStore } from '../../../src-main/codes/sqlite-code-store.js';
import type { KioskDatabase, KioskDb } from '../../../src-main/db/open-kiosk-database.js';
import { recordAction } from '../../../src-main/db/queries/record-action.js';
import * as schema from '../../../src-main/db/schema.js';
import { lockerBanks } from '../../../src-main/db/schema.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { describeCodeStoreContract, digest } from './code-store.contract.js';
import { codeKit, day } from './code-test-kit.js';

function insertBank(db: KioskDb, bankId: string = uuidv7()): string {
  db.insert(lockerBanks)
    .values({ id: bankId, name: `Bank ${bankId}`, createdAt: 0 })
    .run();
  return bankId;
}

// One file for the whole contract; every store is a bank of its own in it, which the store's
// bank scoping must keep apart (a leak between banks would fail the contract's exact answers).
describeCodeStoreContract('SqliteCodeStore', () => {
  const folder = makeTempFolder();
  const database = openTestKioskDatabase(folder.path);
  return {
    newStore: () => new SqliteCodeStore(database.db, insertBank(database.db)),
    close: () => {
      database.close();
      folder.remove();
    },
  };
});

describe('SqliteCodeStore on the kiosk database', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
  });

  afterEach(() => {
    database.close();
    folder.remove();
  });

  function rowCounts() {
    const count = (table: string) =>
      (database.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return {
      codes: count('access_code'),
      activities: count('activity_log'),
      outbox: count('sync_outbox'),
    };
  }

  it('keeps each bank’s codes to itself, for lookups and for settling', () => {
    const storeA = new SqliteCodeStore(database.db, insertBank(database.db, 'bank-a'));
    const storeB = new SqliteCodeStore(database.db, insertBank(database.db, 'bank-b'));
    const kitA = codeKit({ store: storeA });
    const issued = kitA.issuePickup('parcel-1');
    const nowMs = kitA.clock.now();
    const hash = kitA.hasher.hash(issued.code);
    expect(storeB.findActiveByHash(hash, nowMs)).toBeUndefined();
    expect(storeB.findActiveById(issued.codeId, nowMs)).toBeUndefined();
    expect(storeB.findActiveByTarget('parcel-1', 'pickup', nowMs)).toEqual([]);
    expect(storeB.listActiveHashes(nowMs)).toEqual([]);
    expect(storeB.markConsumed(issued.codeId, nowMs)).toBe(false);
    expect(storeB.markVoided(issued.codeId, nowMs)).toBe(false);
    expect(storeA.findActiveById(issued.codeId, nowMs)?.codeHash).toBe(hash);
  });

  it('refuses a code for a bank the database does not have', () => {
    const store = new SqliteCodeStore(database.db, 'no-such-bank');
    expect(() =>
      store.insert({
        id: uuidv7(),
        codeHash: digest('1'),
        purpose: 'pickup',
        targetId: 'parcel-1',
        issuedAtMs: 1,
        expiresAtMs: 2,
        consumedAtMs: null,
        voidedAtMs: null,
      }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('commits an issued code with the action’s activity and outbox rows, or none of them', () => {
    const bankId = insertBank(database.db);
    const store = new SqliteCodeStore(database.db, bankId);
    const { clock } = codeKit();
    // Built per action over the action's transaction, as a drop-off flow will.
    const issueWithAction = (targetId: string, fail: boolean) =>
      database.db.transaction((tx) => {
        const kit = codeKit({ store: store.within(tx), clock });
        const issued = kit.issuePickup(targetId);
        // Stand-in for the drop-off fact the flows will add; any business action does here.
        recordAction(
          tx,
          {
            bankId,
            type: 'compartment.unlock_requested',
            compartmentId: null,
            actor: 'test',
            details: {},
          },
          clock.now(),
        );
        if (fail) {
          throw new Error('the door did not open');
        }
        return { issued, hash: kit.hasher.hash(issued.code) };
      });

    expect(() => issueWithAction('parcel-1', true)).toThrow('the door did not open');
    expect(rowCounts()).toEqual({ codes: 0, activities: 0, outbox: 0 });

    const { issued, hash } = issueWithAction('parcel-1', false);
    expect(rowCounts()).toEqual({ codes: 1, activities: 1, outbox: 1 });
    expect(store.findActiveByHash(hash, clock.now())?.id).toBe(issued.codeId);
  });

  it('rolls a re-issue back whole: the old code stays active when the transaction fails', () => {
    const store = new SqliteCodeStore(database.db, insertBank(database.db));
    const kit = codeKit({ store });
    const first = kit.issuePickup('parcel-1');
    expect(() =>
      database.db.transaction((tx) => {
        codeKit({ store: store.within(tx), clock: kit.clock }).issuePickup('parcel-1');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(
      store.findActiveByTarget('parcel-1', 'pickup', kit.clock.now()).map((c) => c.id),
    ).toEqual([first.codeId]);
    expect(kit.typePickup(first.code).outcome).toBe('accepted');
  });

  it('still knows its active and used codes after the database is reopened (a restart)', () => {
    const bankId = insertBank(database.db);
    const kit = codeKit({ store: new SqliteCodeStore(database.db, bankId) });
    const kept = kit.issuePickup('parcel-1');
    const used = kit.issuePickup('parcel-2');
    kit.verifier.consume(used.codeId);
    database.close();

    database = openTestKioskDatabase(folder.path);
    const reopened = codeKit({
      store: new SqliteCodeStore(database.db, bankId),
      clock: kit.clock,
    });
    // The same hasher: the pepper is a file that outlives the process (code-pepper-home.ts).
    const hash = (code: string) => kit.hasher.hash(code);
    expect(reopened.store.findActiveByHash(hash(kept.code), kit.clock.now())?.id).toBe(kept.codeId);
    expect(reopened.store.findActiveByHash(hash(used.code), kit.clock.now())).toBeUndefined();
    expect(reopened.store.markConsumed(used.codeId, kit.clock.now())).toBe(false);
  });

  it('stores only the keyed hash: neither the row nor the database file holds the digits', () => {
    const store = new SqliteCodeStore(database.db, insertBank(database.db));
    const kit = codeKit({ store });
    // Carrier codes: 8 digits, so a chance match in unrelated bytes is out of the question.
    const issued = kit.issuer.issue({
      purpose: 'carrier_delivery',
      targetId: 'reservation-1',
      expiresAtMs: kit.clock.now() + day,
    });
    const rows = database.sqlite.prepare('SELECT * FROM access_code').all();
    expect(JSON.stringify(rows)).not.toContain(issued.code);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(folder.path, 'kiosk.sqlite')).toString('latin1');
    expect(file).toContain(kit.hasher.hash(issued.code));
    expect(file).not.toContain(issued.code);
  });

  it('looks a typed code up through the partial index of active codes', () => {
    const store = new SqliteCodeStore(database.db, insertBank(database.db));
    codeKit({ store }).issuePickup('parcel-1');
    // A second connection that reports every statement it runs, parameters filled in.
    const statements: string[] = [];
    const traced = new Database(join(folder.path, 'kiosk.sqlite'), {
      verbose: (statement) => statements.push(String(statement)),
    });
    try {
      const tracedStore = new SqliteCodeStore(drizzle(traced, { schema }), store.bankId);
      tracedStore.findActiveByHash(digest('1'), Date.UTC(2026, 0, 1));
      expect(statements).toHaveLength(1);
      const plan = traced.prepare(`EXPLAIN QUERY PLAN ${statements[0]!}`).all() as {
        detail: string;
      }[];
      expect(plan.map((step) => step.detail).join('\n')).toContain('access_code_active_hash');
    } finally {
      traced.close();
    }
  });
});
