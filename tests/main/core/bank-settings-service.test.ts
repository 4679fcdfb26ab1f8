import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  createBankSettingsService,
  type BankSettingsService,
} from '../../../src-main/core/bank-settings-service.js';
import { KioskError } from '../../../src-main/core/kiosk-error.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { findOnlyBank } from '../../../src-main/db/queries/compartments.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import {
  defaultBankSettings,
  type BankSettings,
} from '../../../src-shared/domain/bank-settings.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

type Row = Record<string, unknown>;

/** C2, C3, C5, C7, C8: settings in memory, saved with their fact in one transaction. */
describe('bank settings service', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;
  let clock: ManualClock;
  const actor = 'operator:admin-1';

  const qrOff: BankSettings = {
    ...defaultBankSettings,
    pickup: {
      ...defaultBankSettings.pickup,
      methods: { code: true, qr: false, badge: true },
      pickupWindowHours: 48,
    },
    oneParcelPerCompartment: true,
  };

  function createService(forBank = bankId): BankSettingsService {
    return createBankSettingsService({
      db: database.db,
      clock,
      bankId: forBank,
      logger: silentLogger(),
    });
  }

  /** Through a second connection: only what has been committed. */
  function committed(sql: string): Row[] {
    const reader = new Database(join(folder.path, 'kiosk.sqlite'), { readonly: true });
    try {
      return reader.prepare(sql).all() as Row[];
    } finally {
      reader.close();
    }
  }

  function dumpTables(): Record<string, Row[]> {
    const tables = database.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        database.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Row[],
      ]),
    );
  }

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    clock = new ManualClock(Date.UTC(2026, 10, 25, 9));
    seedDemoBank(database.db, clock.now());
    bankId = findOnlyBank(database.db)!.id;
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('starts on the defaults when the bank has saved none', () => {
    expect(createService().current()).toEqual(defaultBankSettings);
  });

  it('keeps a save in memory and in the database, where a restarted kiosk finds it', () => {
    const service = createService();
    expect(service.save(qrOff, actor)).toEqual(qrOff);
    expect(service.current()).toEqual(qrOff);
    expect(createService().current()).toEqual(qrOff);
  });

  it('reads the database once: later reads come from memory', () => {
    const service = createService();
    database.sqlite.exec('DROP TABLE bank_settings');
    expect(service.current()).toEqual(defaultBankSettings);
  });

  it('hands out settings no caller can change for the others', () => {
    const service = createService();
    const current = service.current();
    expect(() => {
      (current.pickup.methods as { qr: boolean }).qr = false;
    }).toThrow(TypeError);
    expect(service.current().pickup.methods.qr).toBe(true);
    expect(defaultBankSettings.pickup.methods.qr).toBe(true);
  });

  it('records who changed what, as an activity row and an outbox row', () => {
    createService().save(qrOff, actor);
    const activity = committed('SELECT * FROM activity_log');
    const outbox = committed('SELECT * FROM sync_outbox');
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      bank_id: bankId,
      type: 'bank.settings_saved',
      compartment_id: null,
      actor,
      wall_time: clock.now(),
    });
    expect(JSON.parse(activity[0]!['details'] as string)).toEqual({
      changed: ['pickup.methods.qr', 'pickup.pickupWindowHours', 'oneParcelPerCompartment'],
    });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      id: 1,
      name: 'bank.settings_saved',
      hlc: activity[0]!['hlc'],
    });
    expect(committed('SELECT updated_at FROM bank_settings')).toEqual([
      { updated_at: clock.now() },
    ]);
  });

  it('writes nothing when the document is the one already in force', () => {
    const service = createService();
    service.save(qrOff, actor);
    const before = dumpTables();
    let calls = 0;
    service.onChange(() => calls++);
    expect(service.save(structuredClone(qrOff), actor)).toEqual(qrOff);
    expect(dumpTables()).toEqual(before);
    expect(calls).toBe(0);
  });

  it('rolls the settings row back with the fact when recording the fact fails', () => {
    const service = createService();
    database.sqlite.exec('DELETE FROM sync_device');
    let calls = 0;
    service.onChange(() => calls++);
    expect(() => service.save(qrOff, actor)).toThrow(/sync identity/);
    expect(committed('SELECT * FROM bank_settings')).toEqual([]);
    expect(committed('SELECT * FROM activity_log')).toEqual([]);
    expect(service.current()).toEqual(defaultBankSettings);
    expect(calls).toBe(0);
  });

  it('refuses a document the schema refuses, naming the fields, and changes nothing', () => {
    const service = createService();
    service.save(qrOff, actor);
    const before = dumpTables();
    let calls = 0;
    service.onChange(() => calls++);
    const invalid = {
      ...qrOff,
      pickup: { ...qrOff.pickup, methods: { code: false, qr: false, badge: false } },
      timers: { ...qrOff.timers, returnHomeSeconds: 1 },
    };
    let refusal: unknown;
    try {
      service.save(invalid, actor);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(KioskError);
    expect(refusal).toMatchObject({
      code: 'invalid_argument',
      params: { detail: 'pickup.methods, timers.returnHomeSeconds' },
    });
    expect(dumpTables()).toEqual(before);
    expect(service.current()).toEqual(qrOff);
    expect(calls).toBe(0);
  });

  it('refuses a storage policy whose extension is shorter than a stay, or that has no end', () => {
    const service = createService();
    const shortExtension: BankSettings = {
      ...defaultBankSettings,
      storage: {
        ...defaultBankSettings.storage,
        duration: { kind: 'fixed', hours: 96 },
        extension: { allowed: true, maxTotalHours: 72 },
      },
    };
    expect(() => service.save(shortExtension, actor)).toThrow(
      expect.objectContaining({
        code: 'invalid_argument',
        params: { detail: 'storage.extension.maxTotalHours' },
      }),
    );
    const endless: BankSettings = {
      ...defaultBankSettings,
      storage: { ...defaultBankSettings.storage, duration: { kind: 'open_ended' } },
    };
    expect(() => service.save(endless, actor)).toThrow(
      expect.objectContaining({ params: { detail: 'storage.extension.allowed' } }),
    );
    expect(committed('SELECT * FROM activity_log')).toEqual([]);
    expect(service.current()).toEqual(defaultBankSettings);
  });

  it('starts a bank saved before storage existed on the default policy, and records its changes', () => {
    const { storage: _storage, ...beforeStorage } = qrOff;
    database.sqlite
      .prepare('INSERT INTO bank_settings (bank_id, document, updated_at) VALUES (?, ?, ?)')
      .run(bankId, JSON.stringify(beforeStorage), 1);
    const service = createService();
    expect(service.current()).toEqual({ ...qrOff, storage: defaultBankSettings.storage });

    service.save(
      {
        ...service.current(),
        storage: {
          duration: { kind: 'open_ended' },
          extension: { allowed: false, maxTotalHours: 72 },
          keptForDeliveries: { S: 2, M: 1, L: 0 },
        },
      },
      actor,
    );
    const [activity] = committed('SELECT details FROM activity_log');
    expect(JSON.parse(activity!['details'] as string)).toEqual({
      changed: [
        'storage.duration.kind',
        'storage.duration.hours',
        'storage.extension.allowed',
        'storage.keptForDeliveries.L',
      ],
    });
    expect(createService().current().storage.duration).toEqual({ kind: 'open_ended' });
  });

  it('refuses unknown fields too (the schema is strict)', () => {
    const service = createService();
    const withExtra = { ...qrOff, surprise: true } as unknown as BankSettings;
    expect(() => service.save(withExtra, actor)).toThrow(KioskError);
    expect(service.current()).toEqual(defaultBankSettings);
  });

  it('tells listeners after the commit, with the saved settings, until they stop listening', () => {
    const service = createService();
    const seen: { settings: BankSettings; rowsCommitted: number; current: BankSettings }[] = [];
    const stop = service.onChange((settings) => {
      seen.push({
        settings,
        rowsCommitted: committed('SELECT * FROM bank_settings').length,
        current: service.current(),
      });
    });
    service.save(qrOff, actor);
    expect(seen).toEqual([{ settings: qrOff, rowsCommitted: 1, current: qrOff }]);

    stop();
    service.save(defaultBankSettings, actor);
    expect(seen).toHaveLength(1);
  });

  it('keeps the save and tells the other listeners when one listener throws', () => {
    const service = createService();
    service.onChange(() => {
      throw new Error('listener bug');
    });
    const seen: BankSettings[] = [];
    service.onChange((settings) => seen.push(settings));
    expect(service.save(qrOff, actor)).toEqual(qrOff);
    expect(seen).toEqual([qrOff]);
    expect(committed('SELECT * FROM bank_settings')).toHaveLength(1);
  });

  it('does not tell listeners of a save that failed to commit', () => {
    const service = createService('no-such-bank');
    let calls = 0;
    service.onChange(() => calls++);
    expect(() => service.save(qrOff, actor)).toThrow(/FOREIGN KEY/);
    expect(calls).toBe(0);
    expect(service.current()).toEqual(defaultBankSettings);
  });

  it('runs on the defaults when the stored row no longer parses, and the next save repairs it', () => {
    database.sqlite
      .prepare('INSERT INTO bank_settings (bank_id, document, updated_at) VALUES (?, ?, ?)')
      .run(bankId, JSON.stringify({ dropOff: 'old shape' }), 1);
    const service = createService();
    expect(service.current()).toEqual(defaultBankSettings);
    service.save(defaultBankSettings, actor);
    expect(committed('SELECT document FROM bank_settings')).toEqual([
      { document: JSON.stringify(defaultBankSettings) },
    ]);
    expect(committed('SELECT type FROM activity_log')).toEqual([{ type: 'bank.settings_saved' }]);
  });
});
