import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { FactArgs, Mutation } from '../../src-shared/sync/mutation.js';
import { withDeadline } from './harness.js';

/** Who pushed the facts: the columns of `activity` that do not come from the mutation. */
export interface ActivityOwner {
  tenantId: string;
  bankId: string;
  deviceId: string;
  receivedAt: number;
}

const columns = [
  'bank_id',
  'id',
  'tenant_id',
  'device_id',
  'mutation_id',
  'type',
  'compartment_id',
  'actor',
  'details',
  'hlc',
  'wall_time',
  'received_at',
] as const;

/** A CSV field for COPY: quoted text (so an empty string stays one), unquoted empty for NULL. */
function csvField(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return `"${value.replaceAll('"', '""')}"`;
}

/** The `activity` rows the cloud stores for these fact mutations, as COPY CSV. */
export function activityCsv(owner: ActivityOwner, mutations: readonly Mutation[]): string {
  const lines: string[] = [];
  for (const mutation of mutations) {
    const args = mutation.args as FactArgs;
    lines.push(
      [
        owner.bankId,
        args.activityId,
        owner.tenantId,
        owner.deviceId,
        mutation.id,
        mutation.name,
        args.compartmentId,
        args.actor,
        JSON.stringify(args.details),
        mutation.hlc,
        mutation.wallTime,
        owner.receivedAt,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Seconds for PostgreSQL's own bulk path to store `csv` in an empty table shaped like `activity`
 * (same columns, types, primary key and index; `LIKE … INCLUDING ALL`): `COPY … FROM STDIN`
 * through psql, the floor for writing the same rows. Checks the rows are all there.
 */
export async function copySeconds(databaseUrl: string, csv: string, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_activity_copy');
    await client.query('CREATE TABLE bench_activity_copy (LIKE activity INCLUDING ALL)');
    const started = performance.now();
    await withDeadline(
      runPsqlCopy(
        databaseUrl,
        `COPY bench_activity_copy (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
        csv,
      ),
      300_000,
      'end of the COPY baseline',
    );
    const seconds = (performance.now() - started) / 1000;
    const counted = await client.query<{ count: string }>(
      'SELECT count(*) AS count FROM bench_activity_copy',
    );
    if (Number(counted.rows[0]?.count) !== rows) {
      throw new Error(`bench: COPY stored ${counted.rows[0]?.count} rows, not ${rows}`);
    }
    return seconds;
  } finally {
    await client.end();
  }
}

function runPsqlCopy(databaseUrl: string, command: string, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const psql = spawn(
      'psql',
      ['--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-q', '-d', databaseUrl, '-c', command],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    psql.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    psql.on('error', reject);
    psql.on('close', (code) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`bench: psql COPY exited with ${code}: ${errors}`));
      }
    });
    psql.stdin.end(input, 'utf8');
  });
}
