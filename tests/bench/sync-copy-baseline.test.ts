import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openCloudDatabase, type CloudDatabase } from '../../src-cloud/db/open-cloud-database.js';
import type { Mutation } from '../../src-shared/sync/mutation.js';
import { freshPostgresUrl } from '../helpers/cloud-database.js';
import { activityCsv, copySeconds } from './sync-copy-baseline.js';

const awkward: Mutation[] = [
  {
    id: 1,
    name: 'door.opened',
    v: 1,
    args: {
      activityId: 'activity-1',
      bankId: 'bank-1',
      compartmentId: null,
      actor: 'say "hello", then\nleave',
      details: { label: 'A1, "left"', path: 'C:\\locks', empty: '' },
    },
    argsHash: '0'.repeat(64),
    hlc: '001764000000000-000000-device-1',
    wallTime: 1_764_000_000_000,
  },
  {
    id: 2,
    name: 'door.closed',
    v: 1,
    args: {
      activityId: 'activity-2',
      bankId: 'bank-1',
      compartmentId: '',
      actor: 'door-sensor',
      details: {},
    },
    argsHash: '1'.repeat(64),
    hlc: '001764000000001-000000-device-1',
    wallTime: 1_764_000_000_001,
  },
];

describe('the COPY baseline', () => {
  let database: CloudDatabase | undefined;
  afterEach(async () => {
    await database?.close();
  });

  it('stores the same activity rows, quotes, commas, newlines, NULL and empty text intact', async () => {
    const url = await freshPostgresUrl();
    database = await openCloudDatabase({ url });
    const owner = { tenantId: 'tenant-1', bankId: 'bank-1', deviceId: 'device-1', receivedAt: 42 };
    expect(await copySeconds(url, activityCsv(owner, awkward), awkward.length)).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT id, tenant_id, mutation_id, type, compartment_id, actor, details, hlc, wall_time, received_at FROM bench_activity_copy ORDER BY mutation_id',
      );
      expect(rows).toEqual([
        {
          id: 'activity-1',
          tenant_id: 'tenant-1',
          mutation_id: expect.anything() as unknown,
          type: 'door.opened',
          compartment_id: null,
          actor: 'say "hello", then\nleave',
          details: { label: 'A1, "left"', path: 'C:\\locks', empty: '' },
          hlc: '001764000000000-000000-device-1',
          wall_time: expect.anything() as unknown,
          received_at: expect.anything() as unknown,
        },
        expect.objectContaining({ id: 'activity-2', compartment_id: '', details: {} }),
      ]);
      expect(rows.map((row: { mutation_id: unknown }) => Number(row.mutation_id))).toEqual([1, 2]);
    } finally {
      await client.end();
    }
  });

  it('fails when the rows do not all arrive', async () => {
    const url = await freshPostgresUrl();
    database = await openCloudDatabase({ url });
    const owner = { tenantId: 'tenant-1', bankId: 'bank-1', deviceId: 'device-1', receivedAt: 42 };
    await expect(copySeconds(url, activityCsv(owner, awkward), 3)).rejects.toThrow(/stored 2 rows/);
  });
});
