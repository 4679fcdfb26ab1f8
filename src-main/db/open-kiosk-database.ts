import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseOpenError } from './database-open-error.js';
import * as schema from './schema.js';

export type KioskDb = BetterSQLite3Database<typeof schema>;

export interface KioskDatabase {
  /** drizzle over the connection: the query layer. */
  db: KioskDb;
  /** The raw connection, for pragmas and checks only. */
  sqlite: Database.Database;
  close(): void;
}

export interface OpenKioskDatabaseOptions {
  file: string;
  migrationsFolder: string;
}

/** drizzle's own bookkeeping table; `created_at` holds each migration's journal timestamp. */
const migrationsTable = '__drizzle_migrations';

/**
 * Opens (creating if needed) the kiosk database: durable pragmas read back, integrity checked,
 * a database from a newer Casier refused untouched, and pending migrations applied in one
 * transaction (drizzle wraps them in BEGIN…COMMIT, so a failing migration leaves none applied).
 */
export function openKioskDatabase(options: OpenKioskDatabaseOptions): KioskDatabase {
  const sqlite = new Database(options.file);
  try {
    applyDurablePragmas(sqlite);
    checkIntegrity(sqlite);
    const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
    refuseNewerDatabase(sqlite, new Set(migrations.map((migration) => migration.folderMillis)));
    const db = drizzle(sqlite, { schema });
    try {
      migrate(db, { migrationsFolder: options.migrationsFolder });
    } catch (error) {
      throw new DatabaseOpenError(
        'migration_failed',
        `Updating the kiosk database ${options.file} failed and was rolled back: ${describe(error)}`,
        { cause: error },
      );
    }
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw asOpenError(error, options.file);
  }
}

/** SQLite's own "this is not a database / is corrupt" errors become the kiosk's `corrupt`. */
function asOpenError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (
    !(error instanceof DatabaseOpenError) &&
    (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
  ) {
    return new DatabaseOpenError(
      'corrupt',
      `The kiosk database ${file} is damaged: ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
  return error;
}

/**
 * WAL for concurrent reads while writing; synchronous=FULL because better-sqlite3 builds SQLite
 * with WAL at NORMAL, which can lose a committed transaction on power loss (security.md).
 * Read back, because a pragma that cannot apply fails silently.
 */
function applyDurablePragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const actual = readDurablePragmas(sqlite);
  if (actual.journalMode !== 'wal' || actual.synchronous !== 2 || actual.foreignKeys !== 1) {
    throw new DatabaseOpenError(
      'pragma_not_applied',
      `The kiosk database refused its safety settings (journal_mode=${actual.journalMode}, ` +
        `synchronous=${actual.synchronous}, foreign_keys=${actual.foreignKeys}); expected wal, 2 (FULL), 1.`,
    );
  }
}

export interface DurablePragmas {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
}

export function readDurablePragmas(sqlite: Database.Database): DurablePragmas {
  return {
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true })),
  };
}

function checkIntegrity(sqlite: Database.Database): void {
  let verdict: unknown;
  try {
    verdict = sqlite.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new DatabaseOpenError('corrupt', `The kiosk database is unreadable: ${describe(error)}`, {
      cause: error,
    });
  }
  if (verdict !== 'ok') {
    throw new DatabaseOpenError(
      'corrupt',
      `The kiosk database failed its integrity check: ${String(verdict)}`,
    );
  }
}

/** A migration this build does not ship means a newer Casier wrote the file: never guess. */
function refuseNewerDatabase(sqlite: Database.Database, knownMigrations: Set<number>): void {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(migrationsTable);
  if (!hasTable) {
    return;
  }
  const applied = sqlite
    .prepare(`SELECT created_at AS createdAt FROM "${migrationsTable}"`)
    .all() as {
    createdAt: number | string;
  }[];
  const unknown = applied
    .map((row) => Number(row.createdAt))
    .filter((when) => !knownMigrations.has(when));
  if (unknown.length > 0) {
    throw new DatabaseOpenError(
      'newer_than_app',
      `This kiosk database was written by a newer version of Casier (${unknown.length} migration(s) ` +
        `this version does not know). Install that version or restore a backup; the database was not changed.`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
