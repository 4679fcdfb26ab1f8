/**
 * Vitest global setup: one throw-away PostgreSQL server for the whole run (tools/test/
 * postgres-cluster.ts), or the one CASIER_TEST_POSTGRES_URL names. Tests get their own database
 * on it through tests/helpers/cloud-database.ts.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../../tools/test/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Empty when no server could be started; the tests that need one then fail saying why. */
    postgresUrl: string;
    postgresProblem: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.CASIER_TEST_POSTGRES_URL;
  if (given !== undefined && given !== '') {
    project.provide('postgresUrl', given);
    project.provide('postgresProblem', '');
    return () => {};
  }
  try {
    const cluster = await startPostgresCluster();
    project.provide('postgresUrl', cluster.url);
    project.provide('postgresProblem', '');
    return () => cluster.stop();
  } catch (error) {
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', (error as Error).message);
    return () => {};
  }
}
