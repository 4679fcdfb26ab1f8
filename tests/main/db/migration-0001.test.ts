import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskMigrationsFolder } from '../../../src-main/app-root.js';
import { createHardwareProfileService } from '../../../src-main/core/hardware-profile-service.js';
import { startKioskCore } from '../../../src-main/core/start-kiosk-core.js';
import { openKioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { loadHardwareProfile } from '../../../src-main/db/queries/hardware-profile.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

type Row = Record<string, unknown>;

/** Tables that existed at 0000, so whose rows 0001 must keep. */
const tablesAt0000 = ['locker_bank', 'compartment', 'activity_log', 'sync_outbox', 'sync_device'];

/**
 * style.md: "A migration that transforms data has its own test: migrate to N-1, insert rows,
 * migrate to N, compare." 0001 adds the hardware profile and commissioning tables to a bank
 * that was running on issue 2 (its profile then came from the launcher).
 */
describe('migration 0001_hardware_profile', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  let migrationsAt0000: string;

  function contents(sqlite: Database.Database): Record<string, Row[]> {
    return Object.fromEntries(
      tablesAt0000.map((table) => [
        table,
        sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[],
      ]),
    );
  }

  /** An issue-2 bank: compartments (one out of service), facts and their outbox rows. */
  function insertIssue2Rows(sqlite: Database.Database): void {
    sqlite.exec(`
      INSERT INTO locker_bank (id, name, created_at) VALUES ('bank-1', 'Lobby', 1000);
      INSERT INTO compartment (id, bank_id, label, size, door_bottom_cm, door_top_cm, board,
                               channel, service_state, service_reason, updated_at) VALUES
        ('c-1', 'bank-1', '1', 'S', 165, 195, 0, 1, 'in_service', NULL, 1000),
        ('c-2', 'bank-1', '2', 'L', 15, 55, 0, 2, 'out_of_service', 'operator_request', 2000),
        ('c-3', 'bank-1', '3', 'M', 55, 85, 1, 1, 'in_service', NULL, 1000);
      INSERT INTO sync_device (singleton, device_id, incarnation_id, last_mutation_id, last_hlc)
        VALUES (1, 'bank-device', 'incarnation-1', 2, '000000000003000-000000-bank-device');
      INSERT INTO activity_log (id, bank_id, type, compartment_id, actor, details, wall_time, hlc)
        VALUES
        ('a-1', 'bank-1', 'compartment.unlock_requested', 'c-1', 'operator:x', '{"label":"1"}',
         2000, '000000000002000-000000-bank-device'),
        ('a-2', 'bank-1', 'compartment.unlock_observed', 'c-1', 'operator:x',
         '{"label":"1","outcome":"jammed"}', 3000, '000000000003000-000000-bank-device');
      INSERT INTO sync_outbox (id, name, v, args, args_hash, hlc, wall_time, acked_at) VALUES
        (1, 'compartment.unlock_requested', 1, '{"activityId":"a-1"}', 'hash-1',
         '000000000002000-000000-bank-device', 2000, 2500),
        (2, 'compartment.unlock_observed', 1, '{"activityId":"a-2"}', 'hash-2',
         '000000000003000-000000-bank-device', 3000, NULL);
    `);
  }

  beforeEach(() => {
    folder = makeTempFolder();
    file = join(folder.path, 'kiosk.sqlite');
    migrationsAt0000 = join(folder.path, 'migrations-0000');
    mkdirSync(join(migrationsAt0000, 'meta'), { recursive: true });
    const released = kioskMigrationsFolder();
    cpSync(join(released, '0000_initial.sql'), join(migrationsAt0000, '0000_initial.sql'));
    const journal = JSON.parse(readFileSync(join(released, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.map((entry) => entry.tag)).toContain('0001_hardware_profile');
    journal.entries = journal.entries.filter((entry) => entry.tag === '0000_initial');
    writeFileSync(join(migrationsAt0000, 'meta', '_journal.json'), JSON.stringify(journal));

    const old = openKioskDatabase({ file, migrationsFolder: migrationsAt0000 });
    insertIssue2Rows(old.sqlite);
    old.close();
  });
  afterEach(() => folder.remove());

  it('keeps every row of the tables it does not own, and adds its own tables empty', () => {
    const old = openKioskDatabase({ file, migrationsFolder: migrationsAt0000 });
    const before = contents(old.sqlite);
    const tablesBefore = old.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all() as { name: string }[];
    old.close();
    expect(tablesBefore.map((table) => table.name)).not.toContain('bank_hardware');
    expect(before['compartment']).toHaveLength(3);

    const migrated = openKioskDatabase({ file, migrationsFolder: kioskMigrationsFolder() });
    try {
      // Later migrations may add columns (0006 adds the pull cookie to sync_device): every old value stays.
      expect(contents(migrated.sqlite)).toMatchObject(before);
      expect(migrated.sqlite.prepare('SELECT * FROM bank_hardware').all()).toEqual([]);
      expect(migrated.sqlite.prepare('SELECT * FROM commissioning_check').all()).toEqual([]);
      expect(
        migrated.sqlite.prepare('SELECT COUNT(*) AS count FROM __drizzle_migrations').get(),
      ).toEqual({
        count: readdirSync(kioskMigrationsFolder()).filter((name) => name.endsWith('.sql')).length,
      });
      expect(migrated.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      migrated.close();
    }
  });

  it('gives the upgraded bank no lock hardware until it is commissioned, with its wiring', () => {
    const migrated = openKioskDatabase({ file, migrationsFolder: kioskMigrationsFolder() });
    try {
      const profile = loadHardwareProfile(migrated.db, 'bank-1');
      expect(profile.settings.protocol).toBe('none');
      expect(profile.compartments.map((c) => [c.id, c.label, c.board, c.channel])).toEqual([
        ['c-1', '1', 0, 1],
        ['c-2', '2', 0, 2],
        ['c-3', '3', 1, 1],
      ]);
    } finally {
      migrated.close();
    }
  });

  it('lets the upgraded bank be commissioned: the first saved profile creates its settings row', async () => {
    const migrated = openKioskDatabase({ file, migrationsFolder: kioskMigrationsFolder() });
    try {
      const profiles = createHardwareProfileService({
        db: migrated.db,
        clock: new ManualClock(10_000),
        bankId: 'bank-1',
        applySettings: () => Promise.resolve(),
        logger: silentLogger(),
      });
      const current = profiles.get();
      const saved = await profiles.save(
        {
          ...current,
          settings: {
            ...current.settings,
            protocol: 'kerong-cu16',
            serialPath: '/dev/ttyUSB0',
            boards: [0, 1],
          },
        },
        'operator:test',
      );
      expect(saved.settings.protocol).toBe('kerong-cu16');
      // The fact continues the bank's own numbering.
      expect(
        migrated.sqlite.prepare('SELECT id, name FROM sync_outbox WHERE id > 2').all(),
      ).toEqual([{ id: 3, name: 'hardware.profile_saved' }]);
    } finally {
      migrated.close();
    }
  });

  it('starts the kiosk on an upgraded data folder even when the launcher names a serial device', async () => {
    const core = await startKioskCore({
      dataDir: folder.path,
      serialPath: '/dev/serial/by-id/usb-lobby-adapter',
      hardware: new FakeHardware(),
      clock: new ManualClock(10_000),
      logger: silentLogger(),
    });
    try {
      const overview = await core.transport.invoke('bank.overview', {}, 'en');
      expect(
        overview.ok && (overview.value as { compartments: unknown[] }).compartments,
      ).toHaveLength(3);
      // Not commissioned: no protocol is guessed, but the device is remembered for the screen.
      const reader = openKioskDatabase({
        file: join(folder.path, 'kiosk.sqlite'),
        migrationsFolder: kioskMigrationsFolder(),
      });
      try {
        const bankId = (reader.sqlite.prepare('SELECT id FROM locker_bank').get() as { id: string })
          .id;
        expect(loadHardwareProfile(reader.db, bankId)).toMatchObject({
          settings: { protocol: 'none', serialPath: '/dev/serial/by-id/usb-lobby-adapter' },
        });
      } finally {
        reader.close();
      }
    } finally {
      await core.stop();
    }
  });
});
