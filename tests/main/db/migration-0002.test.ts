import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskMigrationsFolder } from '../../../src-main/app-root.js';
import { openKioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { findOnlyBank } from '../../../src-main/db/queries/compartments.js';
import { searchContacts } from '../../../src-main/db/queries/contacts.js';
import { listOperators } from '../../../src-main/db/queries/operators.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { demoDirectoryCounts } from '../../../src-main/db/seed-demo-directory.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

type Row = Record<string, unknown>;

/** Tables that existed at 0001, so whose rows 0002 must keep. */
const tablesAt0001 = [
  'locker_bank',
  'compartment',
  'activity_log',
  'sync_outbox',
  'sync_device',
  'bank_hardware',
  'commissioning_check',
];

const tablesOf0002 = [
  'department',
  'contact',
  'department_delegate',
  'operator',
  'carrier',
  'badge',
  'parcel',
  'delivery_reservation',
  'access_code',
  'access_code_parcel',
];

/**
 * style.md: "migrate to N-1, insert rows, migrate to N, compare." 0002 adds the directory and
 * parcel tables to a bank that was running on issue 3 (commissioned, with history).
 */
describe('migration 0002_directory_and_parcels', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  let migrationsAt0001: string;

  function contents(sqlite: Database.Database): Record<string, Row[]> {
    return Object.fromEntries(
      tablesAt0001.map((table) => [
        table,
        sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[],
      ]),
    );
  }

  function tableNames(sqlite: Database.Database): string[] {
    return (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((table) => table.name);
  }

  /** An issue-3 bank: compartments, settings, a commissioning result, facts and outbox rows. */
  function insertIssue3Rows(sqlite: Database.Database): void {
    sqlite.exec(`
      INSERT INTO locker_bank (id, name, created_at) VALUES ('bank-1', 'Lobby', 1000);
      INSERT INTO compartment (id, bank_id, label, size, door_bottom_cm, door_top_cm, board,
                               channel, service_state, service_reason, updated_at) VALUES
        ('c-1', 'bank-1', '1', 'S', 165, 195, 0, 1, 'in_service', NULL, 1000),
        ('c-2', 'bank-1', '2', 'L', 15, 55, 0, 2, 'out_of_service', 'door_failed_to_open', 2000);
      INSERT INTO bank_hardware (bank_id, settings, updated_at)
        VALUES ('bank-1', '{"protocol":"kerong-cu16","serialPath":"/dev/ttyUSB0"}', 1500);
      INSERT INTO sync_device (singleton, device_id, incarnation_id, last_mutation_id, last_hlc)
        VALUES (1, 'bank-device', 'incarnation-1', 2, '000000000003000-000000-bank-device');
      INSERT INTO activity_log (id, bank_id, type, compartment_id, actor, details, wall_time, hlc)
        VALUES
        ('a-1', 'bank-1', 'commissioning.checked', 'c-1', 'operator:x',
         '{"label":"1","outcome":"door_seen_open"}', 2000, '000000000002000-000000-bank-device'),
        ('a-2', 'bank-1', 'compartment.taken_out_of_service', 'c-2', 'system',
         '{"label":"2","reason":"door_failed_to_open"}', 3000, '000000000003000-000000-bank-device');
      INSERT INTO commissioning_check (compartment_id, outcome, actor, checked_at, activity_id)
        VALUES ('c-1', 'door_seen_open', 'operator:x', 2000, 'a-1');
      INSERT INTO sync_outbox (id, name, v, args, args_hash, hlc, wall_time, acked_at) VALUES
        (1, 'commissioning.checked', 1, '{"activityId":"a-1"}', 'hash-1',
         '000000000002000-000000-bank-device', 2000, 2500),
        (2, 'compartment.taken_out_of_service', 1, '{"activityId":"a-2"}', 'hash-2',
         '000000000003000-000000-bank-device', 3000, NULL);
    `);
  }

  beforeEach(() => {
    folder = makeTempFolder();
    file = join(folder.path, 'kiosk.sqlite');
    migrationsAt0001 = join(folder.path, 'migrations-0001');
    mkdirSync(join(migrationsAt0001, 'meta'), { recursive: true });
    const released = kioskMigrationsFolder();
    const journal = JSON.parse(readFileSync(join(released, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.map((entry) => entry.tag)).toContain('0002_directory_and_parcels');
    journal.entries = journal.entries.filter((entry) =>
      ['0000_initial', '0001_hardware_profile'].includes(entry.tag),
    );
    for (const entry of journal.entries) {
      cpSync(join(released, `${entry.tag}.sql`), join(migrationsAt0001, `${entry.tag}.sql`));
    }
    writeFileSync(join(migrationsAt0001, 'meta', '_journal.json'), JSON.stringify(journal));

    const old = openKioskDatabase({ file, migrationsFolder: migrationsAt0001 });
    insertIssue3Rows(old.sqlite);
    old.close();
  });
  afterEach(() => folder.remove());

  it('keeps every row of the tables it does not own, and adds its own tables empty and STRICT', () => {
    const old = openKioskDatabase({ file, migrationsFolder: migrationsAt0001 });
    const before = contents(old.sqlite);
    const namesBefore = tableNames(old.sqlite);
    old.close();
    expect(namesBefore).not.toContain('contact');
    expect(before['commissioning_check']).toHaveLength(1);

    const migrated = openKioskDatabase({ file, migrationsFolder: kioskMigrationsFolder() });
    try {
      // Later migrations may add columns (0006 adds the pull cookie to sync_device): every old value stays.
      expect(contents(migrated.sqlite)).toMatchObject(before);
      for (const table of tablesOf0002) {
        expect(migrated.sqlite.prepare(`SELECT * FROM "${table}"`).all(), table).toEqual([]);
      }
      const strict = migrated.sqlite
        .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'")
        .all() as { name: string; strict: number }[];
      for (const table of tablesOf0002) {
        expect(strict.find((row) => row.name === table)?.strict, table).toBe(1);
      }
      expect(
        migrated.sqlite.prepare('SELECT COUNT(*) AS count FROM __drizzle_migrations').get(),
      ).toEqual({
        count: readdirSync(kioskMigrationsFolder()).filter((name) => name.endsWith('.sql')).length,
      });
      expect(migrated.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(migrated.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      migrated.close();
    }
  });

  it('lets the demo fill the directory of an upgraded bank without touching the bank', () => {
    const migrated = openKioskDatabase({ file, migrationsFolder: kioskMigrationsFolder() });
    try {
      const before = contents(migrated.sqlite);
      seedDemoBank(migrated.db, 10_000);
      expect(contents(migrated.sqlite)).toEqual(before);
      expect(findOnlyBank(migrated.db)?.id).toBe('bank-1');
      expect(listOperators(migrated.db).map((operator) => operator.userName)).toEqual([
        'admin',
        'mailroom',
        'relief',
      ]);
      const everyone = searchContacts(migrated.db, {
        text: '',
        includeInactive: true,
        limit: 1000,
      });
      expect(everyone).toHaveLength(demoDirectoryCounts.contacts);
    } finally {
      migrated.close();
    }
  });
});
