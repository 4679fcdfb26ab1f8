import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CloudDb } from '../db/open-cloud-database.js';
import { banks, divisions, locations } from '../db/schema.js';
import { notFound } from './admin-error.js';

/** Company → divisions → locations → banks (schema.ts); every row carries its tenant. */
export async function createDivision(
  db: CloudDb,
  tenantId: string,
  name: string,
  nowMs: number,
): Promise<string> {
  const id = uuidv7({ msecs: nowMs });
  await db.insert(divisions).values({ id, tenantId, name, createdAt: nowMs });
  return id;
}

export async function createLocation(
  db: CloudDb,
  tenantId: string,
  input: { divisionId: string; name: string },
  nowMs: number,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [division] = await tx
      .select({ id: divisions.id })
      .from(divisions)
      .where(and(eq(divisions.id, input.divisionId), eq(divisions.tenantId, tenantId)));
    if (division === undefined) {
      throw notFound('division', input.divisionId);
    }
    const id = uuidv7({ msecs: nowMs });
    await tx
      .insert(locations)
      .values({ id, tenantId, divisionId: input.divisionId, name: input.name, createdAt: nowMs });
    return id;
  });
}

/** The tenant's whole tree, flat: a console builds it into a tree. */
export async function readHierarchy(db: CloudDb, tenantId: string) {
  const [divisionRows, locationRows, bankRows] = await Promise.all([
    db
      .select({ id: divisions.id, name: divisions.name })
      .from(divisions)
      .where(eq(divisions.tenantId, tenantId))
      .orderBy(asc(divisions.name)),
    db
      .select({ id: locations.id, divisionId: locations.divisionId, name: locations.name })
      .from(locations)
      .where(eq(locations.tenantId, tenantId))
      .orderBy(asc(locations.name)),
    db
      .select({
        id: banks.id,
        name: banks.name,
        locationId: banks.locationId,
        version: banks.version,
        createdAt: banks.createdAt,
      })
      .from(banks)
      .where(eq(banks.tenantId, tenantId))
      .orderBy(asc(banks.name)),
  ]);
  return { divisions: divisionRows, locations: locationRows, banks: bankRows };
}
