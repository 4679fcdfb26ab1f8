import { join } from 'node:path';
import { kioskMigrationsFolder } from '../../src-main/app-root.js';
import { openKioskDatabase, type KioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { ensureSyncIdentity } from '../../src-main/db/queries/sync-device.js';

/** A real kiosk SQLite file in `folder`, migrated, with a sync identity. */
export function openTestKioskDatabase(folder: string, fileName = 'kiosk.sqlite'): KioskDatabase {
  const database = openKioskDatabase({
    file: join(folder, fileName),
    migrationsFolder: kioskMigrationsFolder(),
  });
  ensureSyncIdentity(database.db, 'test-bank');
  return database;
}
