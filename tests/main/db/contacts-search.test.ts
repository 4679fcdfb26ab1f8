import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import {
  findContact,
  findContactByPersonnelId,
  findContactsByEmail,
  insertContact,
  searchContacts,
  updateContact,
  type ContactSearch,
} from '../../../src-main/db/queries/contacts.js';
import { insertDepartment } from '../../../src-main/db/queries/departments.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { contactDraft } from './directory-fixtures.js';

describe('contacts: the drop-off search (name, email, PersonnelID, department)', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let financeId: string;
  let logisticsId: string;

  function names(search: ContactSearch): string[] {
    return searchContacts(database.db, search).map((contact) => contact.name);
  }

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    database.db.transaction((tx) => {
      financeId = insertDepartment(tx, { name: 'Finance' }, 1).id;
      logisticsId = insertDepartment(tx, { name: 'Logistique générale' }, 1).id;
      const people = [
        contactDraft({
          name: 'Élodie Lefèvre',
          email: 'Elodie.Lefevre@Example.org',
          personnelId: 'P10001',
          departmentId: financeId,
          language: 'fr',
        }),
        contactDraft({
          name: 'Eloise Lefebvre',
          email: 'eloise.lefebvre@example.org',
          personnelId: 'P10002',
          departmentId: logisticsId,
        }),
        contactDraft({
          name: 'François Côté',
          email: 'fcote@example.org',
          personnelId: 'E-77',
          departmentId: financeId,
        }),
        contactDraft({ name: "Liam O'Brien", email: 'liam@example.org', personnelId: 'P100011' }),
        contactDraft({ name: 'Œdipe Sørensen', email: null, personnelId: null }),
        contactDraft({ name: 'Old Leaver', departmentId: financeId, active: false }),
        contactDraft({ name: 'Percent 100% Person', email: 'pct@example.org' }),
      ];
      for (const person of people) {
        insertContact(tx, person, 1);
      }
    });
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('finds people by part of their name, whatever the case or accents typed', () => {
    expect(names({ text: 'elodie' })).toEqual(['Élodie Lefèvre']);
    expect(names({ text: 'ÉLODIE' })).toEqual(['Élodie Lefèvre']);
    expect(names({ text: 'lefèvre' })).toEqual(['Élodie Lefèvre']);
    expect(names({ text: 'lef' })).toEqual(['Élodie Lefèvre', 'Eloise Lefebvre']);
    expect(names({ text: 'cote' })).toEqual(['François Côté']);
    expect(names({ text: 'Francois' })).toEqual(['François Côté']);
    expect(names({ text: "o'brien" })).toEqual(["Liam O'Brien"]);
    // Ligatures and letters that do not decompose.
    expect(names({ text: 'oedipe sorensen' })).toEqual(['Œdipe Sørensen']);
  });

  it('needs every typed word, in any order', () => {
    expect(names({ text: 'lefevre elodie' })).toEqual(['Élodie Lefèvre']);
    expect(names({ text: '  Elo   Lef ' })).toEqual(['Élodie Lefèvre', 'Eloise Lefebvre']);
    expect(names({ text: 'elodie lefebvre' })).toEqual([]);
  });

  it('finds people by email, whole or in part, in any case', () => {
    expect(names({ text: 'ELODIE.LEFEVRE@EXAMPLE.ORG' })).toEqual(['Élodie Lefèvre']);
    expect(names({ text: 'fcote@' })).toEqual(['François Côté']);
    expect(findContactsByEmail(database.db, ' Elodie.Lefevre@example.ORG ')).toHaveLength(1);
  });

  it('finds people by PersonnelID, the exact one first', () => {
    expect(names({ text: 'e-77' })).toEqual(['François Côté']);
    // P10001 is also the start of P100011: the exact match comes first.
    expect(names({ text: 'P10001' })).toEqual(['Élodie Lefèvre', "Liam O'Brien"]);
    expect(findContactByPersonnelId(database.db, 'P10002')?.name).toBe('Eloise Lefebvre');
    expect(findContactByPersonnelId(database.db, 'p10002')).toBeUndefined();
  });

  it('finds a department’s people by the department’s name or id', () => {
    expect(names({ text: 'finance' })).toEqual(['Élodie Lefèvre', 'François Côté']);
    expect(names({ text: 'logistique generale' })).toEqual(['Eloise Lefebvre']);
    expect(names({ text: '', departmentId: financeId })).toEqual([
      'Élodie Lefèvre',
      'François Côté',
    ]);
    expect(names({ text: 'cote', departmentId: logisticsId })).toEqual([]);
    expect(searchContacts(database.db, { text: 'eloise' })[0]?.departmentName).toBe(
      'Logistique générale',
    );
  });

  it('hides former staff unless asked, and lists everyone by name for an empty box', () => {
    expect(names({ text: 'leaver' })).toEqual([]);
    expect(names({ text: 'leaver', includeInactive: true })).toEqual(['Old Leaver']);
    expect(names({ text: '' })).toEqual([
      'Élodie Lefèvre',
      'Eloise Lefebvre',
      'François Côté',
      "Liam O'Brien",
      'Œdipe Sørensen',
      'Percent 100% Person',
    ]);
    expect(names({ text: '', limit: 2 })).toHaveLength(2);
  });

  it('treats % and _ as letters, not wildcards', () => {
    expect(names({ text: '100%' })).toEqual(['Percent 100% Person']);
    expect(names({ text: '%' })).toEqual(['Percent 100% Person']);
    expect(names({ text: '_' })).toEqual([]);
  });

  it('keeps the search in step with edits', () => {
    const elodie = findContactByPersonnelId(database.db, 'P10001')!;
    database.db.transaction((tx) =>
      updateContact(
        tx,
        elodie.id,
        contactDraft({ name: 'Élodie Martin-Lefèvre', personnelId: 'P10001' }),
        2,
      ),
    );
    expect(names({ text: 'martin' })).toEqual(['Élodie Martin-Lefèvre']);
    // She left Finance and her email was removed.
    expect(names({ text: 'elodie.lefevre' })).toEqual([]);
    expect(findContact(database.db, elodie.id)).toMatchObject({
      departmentId: null,
      email: null,
      updatedAt: 2,
    });
  });

  it('stores what the draft validated, and refuses a duplicate PersonnelID (B2)', () => {
    const stored = findContactByPersonnelId(database.db, 'P10001')!;
    expect(stored).toMatchObject({
      email: 'elodie.lefevre@example.org',
      language: 'fr',
      accessibilityNeed: false,
      customFields: {},
      active: true,
    });
    expect(() =>
      database.db.transaction((tx) =>
        insertContact(tx, contactDraft({ name: 'Someone Else', personnelId: 'P10001' }), 3),
      ),
    ).toThrow(/UNIQUE constraint failed: contact.personnel_id/);
    expect(() =>
      database.db.transaction((tx) =>
        insertContact(tx, contactDraft({ email: 'not an email' }), 3),
      ),
    ).toThrow(/email/);
  });

  it('keeps custom fields as a validated object of at most ten fields (A5)', () => {
    const customFields = { building: 'B', floor: 3, badge_printed: true, note: null };
    const created = database.db.transaction((tx) =>
      insertContact(tx, contactDraft({ name: 'Custom Person', customFields }), 3),
    );
    expect(findContact(database.db, created.id)?.customFields).toEqual(customFields);
    const eleven = Object.fromEntries(
      Array.from({ length: 11 }, (_, index) => [`field_${index}`, index]),
    );
    expect(() =>
      database.db.transaction((tx) => insertContact(tx, contactDraft({ customFields: eleven }), 3)),
    ).toThrow(/At most 10 custom fields/);
    expect(() =>
      database.db.transaction((tx) =>
        insertContact(tx, contactDraft({ customFields: { 'Bad Key': 1 } }), 3),
      ),
    ).toThrow();
    // A row edited by hand into something the schema refuses is not read as if it were fine.
    database.sqlite
      .prepare('UPDATE contact SET custom_fields = \'{"Bad Key": {}}\' WHERE id = ?')
      .run(created.id);
    expect(() => findContact(database.db, created.id)).toThrow(/custom fields/);
  });
});
