import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskMigrationsFolder } from '../../../src-main/app-root.js';
import { DatabaseOpenError } from '../../../src-main/db/database-open-error.js';
import { openKioskDatabase, readDurablePragmas } from '../../../src-main/db/open-kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

const ourTables = ['activity_log', 'compartment', 'locker_bank', 'sync_device', 'sync_outbox'];

describe('openKioskDatabase', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  const migrationsFolder = kioskMigrationsFolder();

  beforeEach(() => {
    folder = makeTempFolder();
    file = join(folder.path, 'kiosk.sqlite');
  });
  afterEach(() => folder.remove());

  it('creates the schema with WAL, synchronous=FULL and foreign keys, read back at every open', () => {
    for (let open = 0; open < 2; open++) {
      const database = openKioskDatabase({ file, migrationsFolder });
      expect(readDurablePragmas(database.sqlite)).toEqual({
        journalMode: 'wal',
        synchronous: 2,
        foreignKeys: 1,
      });
      database.close();
    }
  });

  it('makes every table STRICT, so SQLite refuses text in an integer column', () => {
    const database = openKioskDatabase({ file, migrationsFolder });
    const tables = database.sqlite.prepare('PRAGMA table_list').all() as {
      name: string;
      strict: number;
    }[];
    for (const table of ourTables) {
      expect(tables.find((row) => row.name === table)?.strict, table).toBe(1);
    }
    expect(() =>
      database.sqlite
        .prepare("INSERT INTO locker_bank (id, name, created_at) VALUES ('b', 'x', 'yesterday')")
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    database.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    openKioskDatabase({ file, migrationsFolder }).close();
    const newer = new Database(file);
    newer
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', 9_999_999_999_999);
    newer.exec('CREATE TABLE from_the_future (id INTEGER)');
    newer.close();
    const before = readFileSync(file);

    expect(() => openKioskDatabase({ file, migrationsFolder })).toThrow(DatabaseOpenError);
    try {
      openKioskDatabase({ file, migrationsFolder });
    } catch (error) {
      expect((error as DatabaseOpenError).failure).toBe('newer_than_app');
      expect((error as Error).message).toMatch(/written by a newer version of Casier/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('applies pending migrations all-or-nothing: a failing one rolls back the ones before it', () => {
    const brokenFolder = join(folder.path, 'migrations');
    mkdirSync(join(brokenFolder, 'meta'), { recursive: true });
    cpSync(migrationsFolder, brokenFolder, { recursive: true });
    const journalPath = join(brokenFolder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(brokenFolder, '9999_broken.sql'),
      'CREATE TABLE half_done (id INTEGER);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );

    expect(() => openKioskDatabase({ file, migrationsFolder: brokenFolder })).toThrow(
      /rolled back/,
    );
    const check = new Database(file);
    const names = (
      check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    check.close();
    expect(names).not.toContain('half_done');
    expect(names).not.toContain('compartment');
  });

  it('reports a damaged file as corrupt instead of guessing', () => {
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(() => openKioskDatabase({ file, migrationsFolder })).toThrow(
      expect.objectContaining({ failure: 'corrupt' }) as Error,
    );
  });

  it('opens a copy of a released database and keeps its rows (migrations are additive)', () => {
    const database = openKioskDatabase({ file, migrationsFolder });
    database.sqlite
      .prepare("INSERT INTO locker_bank (id, name, created_at) VALUES ('bank-1', 'Lobby', 1)")
      .run();
    database.close();
    const copy = join(folder.path, 'copy.sqlite');
    copyFileSync(file, copy);
    const reopened = openKioskDatabase({ file: copy, migrationsFolder });
    expect(reopened.sqlite.prepare('SELECT name FROM locker_bank').get()).toEqual({
      name: 'Lobby',
    });
    reopened.close();
  });
});
