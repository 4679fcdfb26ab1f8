import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createHardwareProfileService } from '../../../src-main/core/hardware-profile-service.js';
import { InvalidHardwareProfileError } from '../../../src-main/core/invalid-hardware-profile-error.js';
import type { HardwareProfileService } from '../../../src-main/core/services.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { findOnlyBank } from '../../../src-main/db/queries/compartments.js';
import { loadHardwareProfile } from '../../../src-main/db/queries/hardware-profile.js';
import { setSerialPath } from '../../../src-main/db/queries/hardware-settings.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import type {
  BankHardwareSettings,
  HardwareProfileDocument,
} from '../../../src-shared/domain/hardware-profile.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/**
 * X7: a profile is written in one transaction (settings, wiring, fact, cleared checks), and the
 * bus restarts on it only after it is committed, one restart at a time.
 */
describe('hardware profile service: commit, then restart the bus', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;
  let stored: HardwareProfileDocument;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9));
  const actor = 'operator:test';

  /** Through a second connection: what a restarted kiosk would read. */
  function committedPollInterval(): number | undefined {
    const reader = new Database(join(folder.path, 'kiosk.sqlite'), { readonly: true });
    try {
      const row = reader.prepare('SELECT settings FROM bank_hardware').get() as
        { settings: string } | undefined;
      return row ? (JSON.parse(row.settings) as BankHardwareSettings).pollIntervalMs : undefined;
    } finally {
      reader.close();
    }
  }

  function dumpTables(): Record<string, unknown[]> {
    const tables = database.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        database.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all(),
      ]),
    );
  }

  function withPollInterval(pollIntervalMs: number): HardwareProfileDocument {
    return { ...stored, settings: { ...stored.settings, pollIntervalMs } };
  }

  function service(applySettings: (settings: BankHardwareSettings) => Promise<void>) {
    return createHardwareProfileService({
      db: database.db,
      clock,
      bankId,
      applySettings,
      logger: silentLogger(),
    });
  }

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    seedDemoBank(database.db, clock.now());
    bankId = findOnlyBank(database.db)!.id;
    setSerialPath(database.db, bankId, '/dev/ttyUSB0', clock.now());
    stored = loadHardwareProfile(database.db, bankId);
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('restarts on the new settings after they are committed', async () => {
    const seenAtRestart: (number | undefined)[] = [];
    const applied: BankHardwareSettings[] = [];
    const profiles = service((settings) => {
      seenAtRestart.push(committedPollInterval());
      applied.push(settings);
      return Promise.resolve();
    });

    await profiles.save(withPollInterval(700), actor);

    expect(applied).toEqual([withPollInterval(700).settings]);
    expect(seenAtRestart).toEqual([700]);
  });

  it('does not restart for a refused profile', async () => {
    let restarts = 0;
    const profiles = service(() => {
      restarts++;
      return Promise.resolve();
    });
    const refused = { ...stored, settings: { ...stored.settings, serialPath: '' } };

    await expect(profiles.save(refused, actor)).rejects.toBeInstanceOf(InvalidHardwareProfileError);
    expect(restarts).toBe(0);
  });

  it('refuses a document of the wrong shape when called directly, naming the field', async () => {
    const profiles = service(() => Promise.resolve());
    const wrong = { ...stored, settings: { ...stored.settings, baudRate: 12, colour: 'red' } };
    const error = await profiles
      .save(wrong as unknown as HardwareProfileDocument, actor)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidHardwareProfileError);
    expect((error as InvalidHardwareProfileError).problems.map((problem) => problem.field)).toEqual(
      ['settings.baudRate', 'settings.colour'],
    );
    // Field names only, never the values a person typed.
    expect((error as Error).message).not.toContain('red');
    expect(committedPollInterval()).toBe(stored.settings.pollIntervalMs);
  });

  it('writes nothing when the database refuses part of the save half way', async () => {
    const restarts: unknown[] = [];
    const profiles = service((settings) => {
      restarts.push(settings);
      return Promise.resolve();
    });
    // Settings are written first, then the wiring: make the wiring write fail.
    database.sqlite.exec(`
      CREATE TRIGGER refuse_label BEFORE UPDATE OF label ON compartment WHEN NEW.label = 'BOOM'
      BEGIN SELECT RAISE(ABORT, 'disk gave up'); END;
    `);
    const before = JSON.stringify(dumpTables());
    const document = withPollInterval(900);
    document.compartments = document.compartments.map((compartment, index) =>
      index === 0 ? { ...compartment, label: 'BOOM' } : compartment,
    );

    await expect(profiles.save(document, actor)).rejects.toThrow('disk gave up');

    expect(JSON.stringify(dumpTables())).toBe(before);
    expect(committedPollInterval()).toBe(stored.settings.pollIntervalMs);
    expect(restarts).toEqual([]);
  });

  it('runs restarts one after another in commit order, so the bus ends on the last save', async () => {
    const started: number[] = [];
    const finishers: (() => void)[] = [];
    const profiles = service(
      (settings) =>
        new Promise<void>((resolve) => {
          started.push(settings.pollIntervalMs);
          finishers.push(resolve);
        }),
    );

    const first = profiles.save(withPollInterval(300), actor);
    const second = profiles.save(withPollInterval(600), actor);
    await clock.advance(0);

    // Both are committed; the second restart waits for the first.
    expect(committedPollInterval()).toBe(600);
    expect(started).toEqual([300]);
    finishers[0]!();
    await first;
    await clock.advance(0);
    expect(started).toEqual([300, 600]);
    finishers[1]!();
    expect((await second).settings.pollIntervalMs).toBe(600);
  });

  it('keeps the saved profile and later restarts working when one restart fails', async () => {
    let failNext = true;
    const applied: number[] = [];
    const profiles: HardwareProfileService = service((settings) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('adapter busy'));
      }
      applied.push(settings.pollIntervalMs);
      return Promise.resolve();
    });

    // Saved is saved: the failed restart shows as the bank's degraded status, not as a refusal.
    await expect(profiles.save(withPollInterval(300), actor)).resolves.toMatchObject({
      settings: { pollIntervalMs: 300 },
    });
    expect(committedPollInterval()).toBe(300);
    await profiles.save(withPollInterval(600), actor);
    expect(applied).toEqual([600]);
  });
});
