import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { accessCodes } from '../db/schema.js';
import type { CodePurpose } from './code-purpose.js';
import type { CodeStore, StoredCode } from './code-store.js';

/**
 * What the store reads and writes through: the database, or the transaction of the business
 * action that issues or consumes a code (a drizzle transaction has the same three builders).
 */
export type CodeStoreConnection = Pick<KioskDb, 'select' | 'insert' | 'update'>;

type AccessCodeRow = typeof accessCodes.$inferSelect;

/**
 * The CodeStore contract (code-store.ts) over the `access_code` table, for one bank.
 *
 * Every method is one statement on `connection`, so handing it a transaction (`within(tx)`)
 * puts the code's rows in that transaction with the action's activity and outbox rows: they
 * commit together or not at all. (better-sqlite3 has one connection, so a store built on the
 * database also lands inside a transaction open on it; the explicit form says so in the code.)
 *
 * "Active" is evaluated in SQL exactly as isActiveCode does (not consumed, not voided,
 * `nowMs < expires_at`), and results come in insertion order (rowid) like MemoryCodeStore's.
 * The consumed/voided conditions are spelt out in every active lookup so SQLite can use the
 * partial index `access_code_active_hash`.
 *
 * `access_code_parcel` is not written here: the contract knows one target per code, and which
 * parcels a batch code opens is the pickup flow's business, in the same transaction.
 */
export class SqliteCodeStore implements CodeStore {
  readonly #connection: CodeStoreConnection;
  readonly #bankId: string;

  constructor(connection: CodeStoreConnection, bankId: string) {
    this.#connection = connection;
    this.#bankId = bankId;
  }

  get bankId(): string {
    return this.#bankId;
  }

  /** The same bank's store writing through `tx`, for one business action. */
  within(tx: CodeStoreConnection): SqliteCodeStore {
    return new SqliteCodeStore(tx, this.#bankId);
  }

  insert(code: StoredCode): void {
    this.#connection
      .insert(accessCodes)
      .values({
        id: code.id,
        bankId: this.#bankId,
        codeHash: code.codeHash,
        purpose: code.purpose,
        targetId: code.targetId,
        issuedAt: code.issuedAtMs,
        expiresAt: code.expiresAtMs,
        consumedAt: code.consumedAtMs,
        voidedAt: code.voidedAtMs,
      })
      .run();
  }

  findActiveByHash(codeHash: string, nowMs: number): StoredCode | undefined {
    return this.#active(nowMs, eq(accessCodes.codeHash, codeHash))[0];
  }

  findActiveById(codeId: string, nowMs: number): StoredCode | undefined {
    return this.#active(nowMs, eq(accessCodes.id, codeId))[0];
  }

  findActiveByTarget(targetId: string, purpose: CodePurpose, nowMs: number): StoredCode[] {
    return this.#active(
      nowMs,
      and(eq(accessCodes.targetId, targetId), eq(accessCodes.purpose, purpose)),
    );
  }

  listActiveHashes(nowMs: number): string[] {
    return this.#connection
      .select({ codeHash: accessCodes.codeHash })
      .from(accessCodes)
      .where(this.#activeAt(nowMs))
      .orderBy(asc(sql`rowid`))
      .all()
      .map((row) => row.codeHash);
  }

  markConsumed(codeId: string, atMs: number): boolean {
    return this.#settle(codeId, { consumedAt: atMs });
  }

  markVoided(codeId: string, atMs: number): boolean {
    return this.#settle(codeId, { voidedAt: atMs });
  }

  /** Every code of the bank ever stored, for invariant checks (as MemoryCodeStore.all). */
  all(): StoredCode[] {
    return this.#connection
      .select()
      .from(accessCodes)
      .where(eq(accessCodes.bankId, this.#bankId))
      .orderBy(asc(sql`rowid`))
      .all()
      .map(toStoredCode);
  }

  #activeAt(nowMs: number): SQL | undefined {
    return and(
      eq(accessCodes.bankId, this.#bankId),
      isNull(accessCodes.consumedAt),
      isNull(accessCodes.voidedAt),
      gt(accessCodes.expiresAt, nowMs),
    );
  }

  #active(nowMs: number, condition: SQL | undefined): StoredCode[] {
    return this.#connection
      .select()
      .from(accessCodes)
      .where(and(this.#activeAt(nowMs), condition))
      .orderBy(asc(sql`rowid`))
      .all()
      .map(toStoredCode);
  }

  /**
   * One conditional UPDATE, so "neither consumed nor voided yet" is checked and the end written
   * atomically: two flows racing to consume the same code cannot both get true.
   */
  #settle(codeId: string, end: { consumedAt: number } | { voidedAt: number }): boolean {
    const result = this.#connection
      .update(accessCodes)
      .set(end)
      .where(
        and(
          eq(accessCodes.id, codeId),
          eq(accessCodes.bankId, this.#bankId),
          isNull(accessCodes.consumedAt),
          isNull(accessCodes.voidedAt),
        ),
      )
      .run();
    return result.changes === 1;
  }
}

function toStoredCode(row: AccessCodeRow): StoredCode {
  return {
    id: row.id,
    codeHash: row.codeHash,
    purpose: row.purpose,
    targetId: row.targetId,
    issuedAtMs: row.issuedAt,
    expiresAtMs: row.expiresAt,
    consumedAtMs: row.consumedAt,
    voidedAtMs: row.voidedAt,
  };
}
