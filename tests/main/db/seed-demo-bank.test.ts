import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { findOnlyBank, listCompartments } from '../../../src-main/db/queries/compartments.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

describe('seedDemoBank', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('seeds 24 compartments on 2 boards, in sizes S, M and L, each door within the cabinet', () => {
    seedDemoBank(database.db, 1);
    const bank = findOnlyBank(database.db)!;
    const compartments = listCompartments(database.db, bank.id);
    expect(compartments).toHaveLength(24);
    expect(new Set(compartments.map((row) => row.board))).toEqual(new Set([0, 1]));
    expect(new Set(compartments.map((row) => row.size))).toEqual(new Set(['S', 'M', 'L']));
    expect(new Set(compartments.map((row) => row.label)).size).toBe(24);
    for (const row of compartments) {
      expect(row.doorBottomCm).toBeGreaterThanOrEqual(15);
      expect(row.doorTopCm).toBeLessThanOrEqual(195);
      expect(row.channel).toBeGreaterThanOrEqual(1);
      expect(row.channel).toBeLessThanOrEqual(16);
    }
    // Some doors must be within the accessible reach range (B5: 38–122 cm), some not.
    const accessible = compartments.filter((row) => row.doorBottomCm >= 38 && row.doorTopCm <= 122);
    expect(accessible.length).toBeGreaterThan(0);
    expect(accessible.length).toBeLessThan(24);
  });

  it('does nothing on a database that already has a bank', () => {
    seedDemoBank(database.db, 1);
    seedDemoBank(database.db, 2);
    const bank = findOnlyBank(database.db)!;
    expect(listCompartments(database.db, bank.id)).toHaveLength(24);
  });
});
