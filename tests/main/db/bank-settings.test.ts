import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import {
  loadBankSettings,
  readBankSettings,
  saveBankSettings,
} from '../../../src-main/db/queries/bank-settings.js';
import { findOnlyBank } from '../../../src-main/db/queries/compartments.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import {
  defaultBankSettings,
  type BankSettings,
} from '../../../src-shared/domain/bank-settings.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/** C2, C3, C5, C7, C8: the settings document in its own STRICT table. */
describe('bank settings queries', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;
  const now = Date.UTC(2026, 10, 25, 9, 0);

  const edited: BankSettings = {
    ...defaultBankSettings,
    dropOff: { labelScan: 'required', sizeChoice: 'operator', handChoice: false },
    pickup: {
      methods: { code: true, qr: false, badge: false },
      openMode: 'all_at_once',
      pickupWindowHours: 48,
    },
    oneParcelPerCompartment: true,
  };

  function storedRows(): { bank_id: string; document: string; updated_at: number }[] {
    return database.sqlite.prepare('SELECT * FROM bank_settings').all() as {
      bank_id: string;
      document: string;
      updated_at: number;
    }[];
  }

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    seedDemoBank(database.db, now);
    bankId = findOnlyBank(database.db)!.id;
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('gives the defaults to a bank that never saved any', () => {
    expect(storedRows()).toEqual([]);
    expect(loadBankSettings(database.db, bankId)).toEqual(defaultBankSettings);
    expect(readBankSettings(database.db, bankId).state).toBe('missing');
  });

  it('reads back what was saved, and a second save replaces the row', () => {
    database.db.transaction((tx) => saveBankSettings(tx, bankId, edited, now));
    expect(loadBankSettings(database.db, bankId)).toEqual(edited);

    const later: BankSettings = { ...edited, contactlessSignIn: false };
    database.db.transaction((tx) => saveBankSettings(tx, bankId, later, now + 1000));
    expect(readBankSettings(database.db, bankId)).toEqual({ state: 'stored', settings: later });
    expect(storedRows()).toEqual([
      { bank_id: bankId, document: JSON.stringify(later), updated_at: now + 1000 },
    ]);
  });

  it('refuses to store a document the schema refuses', () => {
    const invalid = {
      ...edited,
      pickup: { ...edited.pickup, methods: { code: false, qr: false, badge: false } },
    };
    expect(() =>
      database.db.transaction((tx) => saveBankSettings(tx, bankId, invalid, now)),
    ).toThrow();
    expect(storedRows()).toEqual([]);
  });

  it('falls back to the defaults, naming the wrong fields, when the stored row no longer parses', () => {
    database.sqlite
      .prepare('INSERT INTO bank_settings (bank_id, document, updated_at) VALUES (?, ?, ?)')
      .run(
        bankId,
        JSON.stringify({ ...edited, timers: { ...edited.timers, returnHomeSeconds: 'soon' } }),
        now,
      );
    expect(readBankSettings(database.db, bankId)).toEqual({
      state: 'invalid',
      settings: defaultBankSettings,
      invalidFields: ['timers.returnHomeSeconds'],
    });
  });

  it('loads a document saved before the storage policy existed, with the default policy', () => {
    const { storage: _storage, ...beforeStorage } = edited;
    database.sqlite
      .prepare('INSERT INTO bank_settings (bank_id, document, updated_at) VALUES (?, ?, ?)')
      .run(bankId, JSON.stringify(beforeStorage), now);
    const read = readBankSettings(database.db, bankId);
    expect(read).toEqual({
      state: 'stored',
      settings: { ...beforeStorage, storage: defaultBankSettings.storage },
    });
    expect(read.settings.storage).not.toBe(defaultBankSettings.storage);
  });

  it('keeps a storage policy it saved, and falls back when a stored one breaks its rules', () => {
    const storing: BankSettings = {
      ...edited,
      storage: {
        duration: { kind: 'flexible', maxHours: 48 },
        extension: { allowed: true, maxTotalHours: 96 },
        keptForDeliveries: { S: 3, M: 0, L: 2 },
      },
    };
    database.db.transaction((tx) => saveBankSettings(tx, bankId, storing, now));
    expect(loadBankSettings(database.db, bankId)).toEqual(storing);

    database.sqlite.prepare('UPDATE bank_settings SET document = ?').run(
      JSON.stringify({
        ...storing,
        storage: { ...storing.storage, extension: { allowed: true, maxTotalHours: 24 } },
      }),
    );
    expect(readBankSettings(database.db, bankId)).toEqual({
      state: 'invalid',
      settings: defaultBankSettings,
      invalidFields: ['storage.extension.maxTotalHours'],
    });
  });

  it('is a STRICT table that only holds a JSON object for an existing bank', () => {
    const insert = database.sqlite.prepare(
      'INSERT INTO bank_settings (bank_id, document, updated_at) VALUES (?, ?, ?)',
    );
    expect(() => insert.run(bankId, '[1, 2]', now)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(bankId, '{}', 'yesterday')).toThrow(/cannot store TEXT value/);
    expect(() => insert.run('no-such-bank', '{}', now)).toThrow(/FOREIGN KEY/);
    expect(storedRows()).toEqual([]);
  });
});
