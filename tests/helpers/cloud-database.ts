import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openCloudDatabase, type CloudDatabase } from '../../src-cloud/db/open-cloud-database.js';

export type CloudDatabaseKind = 'pglite' | 'postgres';

/** Both databases the cloud runs on: suites that must hold on each loop over this. */
export const cloudDatabaseKinds: readonly CloudDatabaseKind[] = ['pglite', 'postgres'];

/**
 * A new, empty, migrated PostgreSQL database on the run's server (postgres-global-setup.ts),
 * its URL, so two cloud instances can open it. Fails with the reason when no server runs.
 */
export async function freshPostgresUrl(): Promise<string> {
  const serverUrl = inject('postgresUrl');
  if (serverUrl === '') {
    throw new Error(`No PostgreSQL server for the tests: ${inject('postgresProblem')}`);
  }
  const name = `casier_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated cloud database of the given kind, empty; close it after the test. */
export async function freshCloudDatabase(kind: CloudDatabaseKind): Promise<CloudDatabase> {
  return kind === 'pglite'
    ? openCloudDatabase()
    : openCloudDatabase({ url: await freshPostgresUrl() });
}
