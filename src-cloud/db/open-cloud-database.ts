import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type CloudSchema = typeof schema;
/** The cloud's drizzle handle, the same type on PGlite and on a PostgreSQL server. */
export type CloudDb = PgDatabase<PgQueryResultHKT, CloudSchema>;
export type CloudTx = Parameters<Parameters<CloudDb['transaction']>[0]>[0];

export interface CloudDatabase {
  db: CloudDb;
  kind: 'pglite' | 'postgres';
  /** Present on a PostgreSQL server: LISTEN/NOTIFY and raw COPY need a pool client. */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

export interface OpenCloudDatabaseOptions {
  /** `postgres://…` for a PostgreSQL server; absent for embedded PGlite. */
  url?: string;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string;
  /** Pool size on a server. */
  maxConnections?: number;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle/cloud', import.meta.url));

/** Any number, so two instances starting at once run the migrations one after the other. */
const migrationLockKey = 0x6361_7369;

/**
 * Opens the cloud database and brings it to the latest migration (architecture.md "Data"):
 * PGlite by default so nothing needs installing, a PostgreSQL server when a URL is given.
 */
export async function openCloudDatabase(
  options: OpenCloudDatabaseOptions = {},
): Promise<CloudDatabase> {
  if (options.url !== undefined) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    const db = drizzleNodePg(pool, { schema }) as unknown as CloudDb;
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
      await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
      client.release();
    }
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const client = new PGlite(options.dataDir);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  await db.execute(sql`SELECT 1`);
  return {
    db: db as unknown as CloudDb,
    kind: 'pglite',
    pool: null,
    close: () => client.close(),
  };
}
