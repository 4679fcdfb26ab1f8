import { scrypt, type ScryptOptions } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { findActiveBadgeByValue } from '../../../src-main/db/queries/badges.js';
import { findActiveCarrierByCode } from '../../../src-main/db/queries/carriers.js';
import {
  findContact,
  findContactByPersonnelId,
  insertContact,
  searchContacts,
} from '../../../src-main/db/queries/contacts.js';
import {
  listDepartmentDelegateIds,
  searchDepartments,
} from '../../../src-main/db/queries/departments.js';
import { findOperator, listOperators } from '../../../src-main/db/queries/operators.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import {
  demoCarrier,
  demoContactBadges,
  demoOperators,
} from '../../../src-main/db/seed-demo-credentials.js';
import { demoDirectoryCounts } from '../../../src-main/db/seed-demo-directory.js';
import { parsePasswordHash } from '../../../src-shared/domain/password-hash.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { contactDraft } from './directory-fixtures.js';

const now = Date.UTC(2026, 10, 28, 9, 0);

function count(database: KioskDatabase, sql: string): number {
  return (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${sql}`).get() as { n: number }).n;
}

/** Everything a person could see of the directory, without the random ids. */
function directorySnapshot(database: KioskDatabase): unknown {
  return {
    contacts: database.sqlite
      .prepare(
        `SELECT c.name, c.email, c.phone, c.language, c.personnel_id, c.accessibility_need,
                c.custom_fields, c.active, d.name AS department
         FROM contact c LEFT JOIN department d ON d.id = c.department_id ORDER BY c.personnel_id, c.name`,
      )
      .all(),
    keyContacts: database.sqlite
      .prepare(
        `SELECT d.name, k.name AS key_contact FROM department d
         LEFT JOIN contact k ON k.id = d.key_contact_id ORDER BY d.name`,
      )
      .all(),
    operators: database.sqlite
      .prepare('SELECT user_name, display_name, role FROM operator ORDER BY user_name')
      .all(),
  };
}

function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) {
    return Promise.resolve(false);
  }
  const expected = Buffer.from(parsed.hashBase64, 'base64');
  const cost = 2 ** parsed.logCost;
  const options: ScryptOptions = {
    N: cost,
    r: parsed.blockSize,
    p: parsed.parallelism,
    maxmem: 256 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(parsed.saltBase64, 'base64'),
      expected.length,
      options,
      (error, key) => (error ? reject(error) : resolve(key.equals(expected))),
    );
  });
}

describe('the demo directory (seedDemoBank)', () => {
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

  it('holds the documented people, departments and accounts', () => {
    seedDemoBank(database.db, now);
    expect(count(database, 'contact')).toBe(demoDirectoryCounts.contacts);
    expect(count(database, 'contact WHERE active = 0')).toBe(demoDirectoryCounts.inactiveContacts);
    expect(count(database, 'contact WHERE accessibility_need = 1')).toBe(
      demoDirectoryCounts.accessibleContacts,
    );
    expect(count(database, 'contact WHERE department_id IS NULL')).toBe(
      demoDirectoryCounts.contactsWithoutDepartment,
    );
    expect(count(database, 'contact WHERE personnel_id IS NULL')).toBe(
      demoDirectoryCounts.contactsWithoutDepartment,
    );
    expect(count(database, 'department')).toBe(demoDirectoryCounts.departments);
    expect(count(database, 'department_delegate')).toBe(demoDirectoryCounts.departmentDelegates);
    // A mixed English and French address book, everyone reachable by email.
    expect(count(database, "contact WHERE language = 'fr'")).toBeGreaterThan(100);
    expect(count(database, "contact WHERE language = 'en'")).toBeGreaterThan(100);
    expect(count(database, 'contact WHERE email IS NULL OR phone IS NULL')).toBe(0);
    expect(count(database, '(SELECT DISTINCT email FROM contact)')).toBe(
      demoDirectoryCounts.contacts,
    );

    expect(listOperators(database.db).map(({ userName, role }) => [userName, role])).toEqual(
      demoOperators.map(({ userName, role }) => [userName, role]),
    );
    expect(count(database, 'carrier')).toBe(1);
    expect(count(database, 'badge')).toBe(
      demoOperators.filter((operator) => operator.badge !== null).length + demoContactBadges.length,
    );
  });

  it('gives every department an active key contact from among its people', () => {
    seedDemoBank(database.db, now);
    const departments = searchDepartments(database.db);
    expect(departments).toHaveLength(demoDirectoryCounts.departments);
    for (const department of departments) {
      const key = findContact(database.db, department.keyContactId ?? '');
      expect(key, department.name).toMatchObject({ active: true, departmentId: department.id });
      for (const delegateId of listDepartmentDelegateIds(database.db, department.id)) {
        expect(findContact(database.db, delegateId)?.departmentId).toBe(department.id);
      }
    }
    // The showcase people the demo and the end-to-end tests name, first in their departments.
    const finance = departments.find((department) => department.name === 'Finance');
    expect(findContact(database.db, finance?.keyContactId ?? '')?.name).toBe('Élodie Lefèvre');
    expect(findContactByPersonnelId(database.db, 'P10001')).toMatchObject({
      name: 'Élodie Lefèvre',
      language: 'fr',
      accessibilityNeed: true,
    });
    expect(searchContacts(database.db, { text: 'elodie lefevre' })[0]?.departmentName).toBe(
      'Finance',
    );
  });

  it('is the same directory every time, and seeding again changes nothing', () => {
    seedDemoBank(database.db, now);
    const first = directorySnapshot(database);
    const ids = database.sqlite.prepare('SELECT id FROM contact ORDER BY id').all();
    seedDemoBank(database.db, now + 1000);
    expect(directorySnapshot(database)).toEqual(first);
    expect(database.sqlite.prepare('SELECT id FROM contact ORDER BY id').all()).toEqual(ids);

    const other = openTestKioskDatabase(folder.path, 'other.sqlite');
    try {
      seedDemoBank(other.db, now + 5000);
      expect(directorySnapshot(other)).toEqual(first);
    } finally {
      other.close();
    }
  });

  it('leaves a directory that already has people alone', () => {
    database.db.transaction((tx) => insertContact(tx, contactDraft({ name: 'Real Person' }), now));
    seedDemoBank(database.db, now);
    expect(count(database, 'contact')).toBe(1);
    expect(count(database, 'operator')).toBe(0);
    // The bank itself is still seeded.
    expect(count(database, 'compartment')).toBe(24);
  });

  it('signs the documented credentials in: badges, the carrier QR code', () => {
    seedDemoBank(database.db, now);
    for (const operator of demoOperators) {
      if (operator.badge !== null) {
        const badge = findActiveBadgeByValue(database.db, operator.badge);
        expect(findOperator(database.db, badge?.operatorId ?? '')?.userName).toBe(
          operator.userName,
        );
      }
    }
    for (const { personnelId, value } of demoContactBadges) {
      const badge = findActiveBadgeByValue(database.db, value);
      expect(findContact(database.db, badge?.contactId ?? '')?.personnelId).toBe(personnelId);
    }
    expect(findActiveCarrierByCode(database.db, demoCarrier.code)?.name).toBe(demoCarrier.name);
  });

  it('stores each documented password as a scrypt hash that matches it, and nothing else', async () => {
    seedDemoBank(database.db, now);
    const verdicts = await Promise.all(
      demoOperators.map(async (operator) => ({
        userName: operator.userName,
        matches: await verifyScrypt(operator.password, operator.passwordHash),
      })),
    );
    expect(verdicts).toEqual(demoOperators.map(({ userName }) => ({ userName, matches: true })));
    for (const operator of listOperators(database.db)) {
      expect(parsePasswordHash(operator.passwordHash)).toMatchObject({
        logCost: 17,
        blockSize: 8,
        parallelism: 1,
      });
    }
  }, 30_000);

  it('writes no clear password, badge value or carrier code anywhere in the database files', () => {
    seedDemoBank(database.db, now);
    const secrets = [
      ...demoOperators.map((operator) => operator.password),
      ...demoOperators.flatMap((operator) => (operator.badge === null ? [] : [operator.badge])),
      ...demoContactBadges.map((badge) => badge.value),
      demoCarrier.code,
    ];
    const scanFolder = (): void => {
      const files = readdirSync(folder.path).map((name) => readFileSync(join(folder.path, name)));
      const everything = Buffer.concat(files);
      // The scan does see the data: a contact's name is there in clear.
      expect(everything.includes(Buffer.from('Élodie Lefèvre'))).toBe(true);
      for (const secret of secrets) {
        expect(everything.includes(Buffer.from(secret)), secret).toBe(false);
      }
    };
    // Open (the transaction is in the WAL file), then closed (checkpointed into the database).
    scanFolder();
    database.close();
    scanFolder();
    database = openTestKioskDatabase(folder.path);
  });
});
