import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoBank } from '../../src-main/db/seed-demo-bank.js';
import { contacts, operators } from '../../src-main/db/schema.js';
import { entityValues } from '../../src-shared/sync/entities.js';
import { kioskDirectoryWrites } from '../../tools/dev/kiosk-directory-entities.js';
import { openTestKioskDatabase } from '../helpers/kiosk-database.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

describe('kiosk directory as cloud entities (npm start gives the demo cloud the demo seed)', () => {
  const folders: { remove(): void }[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

  it('turns every seeded row into a write the cloud accepts', () => {
    const folder = makeTempFolder();
    folders.push(folder);
    const database = openTestKioskDatabase(folder.path);
    try {
      seedDemoBank(database.db, 1_800_000_000_000);
      const writes = kioskDirectoryWrites(database.db);
      for (const write of [...writes.tenant, ...writes.bank]) {
        expect('value' in write).toBe(true);
        const parsed = entityValues[write.kind].safeParse('value' in write ? write.value : null);
        expect(parsed.success, `${write.kind} ${write.id}: ${parsed.error?.message}`).toBe(true);
      }
      const count = (kind: string) =>
        [...writes.tenant, ...writes.bank].filter((write) => write.kind === kind).length;
      expect(count('contact')).toBe(database.db.select().from(contacts).all().length);
      expect(count('operator')).toBe(database.db.select().from(operators).all().length);
      expect(count('contact')).toBeGreaterThan(100);
      expect(count('compartment_config')).toBe(24);
      expect(count('bank_profile')).toBe(1);
    } finally {
      database.close();
    }
  });
});
