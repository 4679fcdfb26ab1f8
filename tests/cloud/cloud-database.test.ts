import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { banks, divisions, locations, tenants } from '../../src-cloud/db/schema.js';
import { bumpBankVersion, bumpTenantVersion } from '../../src-cloud/sync/versions.js';
import { writeEntities } from '../../src-cloud/sync/entity-writes.js';
import { entities } from '../../src-cloud/db/schema.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../helpers/cloud-database.js';

describe.each(cloudDatabaseKinds)('cloud database on %s', (kind) => {
  it('migrates, bumps versions and writes entities once per transaction', async () => {
    const cloud = await freshCloudDatabase(kind);
    try {
      const now = 1_800_000_000_000;
      await cloud.db.insert(tenants).values({ id: 't', name: 'T', createdAt: now });
      await cloud.db
        .insert(divisions)
        .values({ id: 'd', tenantId: 't', name: 'D', createdAt: now });
      await cloud.db
        .insert(locations)
        .values({ id: 'l', tenantId: 't', divisionId: 'd', name: 'L', createdAt: now });
      await cloud.db
        .insert(banks)
        .values({ id: 'b', tenantId: 't', locationId: 'l', name: 'B', createdAt: now });
      const versions = await cloud.db.transaction(async (tx) => {
        await bumpTenantVersion(tx, 't');
        return writeEntities(
          tx,
          { tenantId: 't', bankId: 'b' },
          [
            {
              kind: 'carrier',
              id: 'c1',
              value: { name: 'X', codeHash: 'a'.repeat(64), active: true },
            },
            {
              kind: 'remote_open',
              id: 'r1',
              value: { compartmentId: 'k', expiresAt: now, requestedBy: 'admin', reason: '' },
            },
          ],
          now,
        );
      });
      expect(versions).toEqual({ tenantVersion: 2, bankVersion: 1 });
      expect(await cloud.db.transaction((tx) => bumpBankVersion(tx, 'b'))).toBe(2);
      const rows = await cloud.db.select().from(entities).where(eq(entities.tenantId, 't'));
      expect(rows.map((row) => [row.kind, row.bankId, row.version]).sort()).toEqual([
        ['carrier', '', 2],
        ['remote_open', 'b', 1],
      ]);
    } finally {
      await cloud.close();
    }
  });
});
