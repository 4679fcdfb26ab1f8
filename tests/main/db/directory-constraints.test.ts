import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { badgeOwnerKinds } from '../../../src-shared/domain/badge.js';
import { locales } from '../../../src-shared/i18n/locales.js';
import { parcelStates } from '../../../src-shared/domain/parcel.js';
import { reservationStates } from '../../../src-shared/domain/delivery-reservation.js';
import { operatorRoles } from '../../../src-shared/domain/roles.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { fakeDigest, fakePasswordHash, insertBankWithCompartments } from './directory-fixtures.js';

/**
 * The tables guard themselves (raw SQL here, past every check of the query layer): enums,
 * foreign keys, STRICT types, and the shape of the hashes that stand in for secrets.
 */
describe('directory and parcel tables refuse what the domain does not allow', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let sqlite: Database.Database;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    sqlite = database.sqlite;
    insertBankWithCompartments(database);
    sqlite.exec(`
      INSERT INTO department (id, name, search_name, created_at, updated_at)
        VALUES ('d-1', 'Finance', 'finance', 1, 1);
      INSERT INTO contact (id, name, search_text, department_id, created_at, updated_at)
        VALUES ('p-1', 'Élodie', 'elodie', 'd-1', 1, 1);
    `);
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  function insertContact(columns: Record<string, unknown>): void {
    const all = {
      id: 'p-x',
      name: 'X',
      search_text: 'x',
      created_at: 1,
      updated_at: 1,
      ...columns,
    };
    sqlite
      .prepare(
        `INSERT INTO contact (${Object.keys(all).join(', ')})
         VALUES (${Object.keys(all)
           .map((name) => `@${name}`)
           .join(', ')})`,
      )
      .run(all);
  }

  function insertRow(table: string, columns: Record<string, unknown>): void {
    const names = Object.keys(columns);
    sqlite
      .prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`,
      )
      .run(columns);
  }

  function operator(columns: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: 'o-1',
      user_name: 'admin',
      display_name: 'Admin',
      password_hash: fakePasswordHash,
      role: 'admin',
      created_at: 1,
      updated_at: 1,
      ...columns,
    };
  }

  function parcel(columns: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: 'parcel-1',
      bank_id: 'bank-1',
      contact_id: 'p-1',
      state: 'expected',
      received_at: 1,
      updated_at: 1,
      ...columns,
    };
  }

  function reservation(columns: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: 'r-1',
      bank_id: 'bank-1',
      contact_id: 'p-1',
      size: 'M',
      state: 'active',
      created_at: 1,
      expires_at: 2,
      ...columns,
    };
  }

  function accessCode(columns: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: 'code-1',
      bank_id: 'bank-1',
      code_hash: fakeDigest('c0de'),
      purpose: 'pickup',
      target_id: 'parcel-1',
      issued_at: 1,
      expires_at: 2,
      ...columns,
    };
  }

  it('accepts every value of the shared vocabularies and refuses others', () => {
    for (const language of locales) {
      insertContact({ id: `p-${language}`, language });
    }
    expect(() => insertContact({ language: 'de' })).toThrow(/contact_language/);

    operatorRoles.forEach((role, index) => {
      insertRow('operator', operator({ id: `o-${role}`, user_name: `user${index}`, role }));
    });
    for (const role of ['carrier', 'recipient', 'root']) {
      expect(() => insertRow('operator', operator({ role }))).toThrow(/operator_role/);
    }

    for (const state of parcelStates) {
      insertRow(
        'parcel',
        parcel({
          id: `parcel-${state}`,
          state,
          compartment_id: 'c-1',
          deposited_at: 2,
          picked_up_at: 3,
          removed_at: 3,
          returned_at: 3,
        }),
      );
    }
    expect(() => insertRow('parcel', parcel({ state: 'lost' }))).toThrow(/parcel_state/);
    expect(() => insertRow('parcel', parcel({ size: 'XL' }))).toThrow(/parcel_size/);

    for (const state of reservationStates) {
      insertRow(
        'delivery_reservation',
        reservation({ id: `r-${state}`, state, closed_at: state === 'active' ? null : 2 }),
      );
    }
    expect(() => insertRow('delivery_reservation', reservation({ state: 'done' }))).toThrow(
      /delivery_reservation_state/,
    );
    expect(() => insertRow('delivery_reservation', reservation({ size: 'XS' }))).toThrow(
      /delivery_reservation_size/,
    );

    insertRow('operator', operator());
    badgeOwnerKinds.forEach((kind, index) => {
      insertRow('badge', {
        id: `b-${kind}`,
        value_hash: fakeDigest(String(index)),
        owner_kind: kind,
        operator_id: kind === 'operator' ? 'o-1' : null,
        contact_id: kind === 'contact' ? 'p-1' : null,
        created_at: 1,
        updated_at: 1,
      });
    });
    expect(() =>
      insertRow('badge', {
        id: 'b-x',
        value_hash: fakeDigest('9'),
        owner_kind: 'carrier',
        created_at: 1,
        updated_at: 1,
      }),
    ).toThrow(/badge_owner/);

    expect(() => insertRow('access_code', accessCode({ purpose: 'anything' }))).toThrow(
      /access_code_purpose/,
    );
  });

  it('keeps the rules between columns', () => {
    // A parcel goes to a contact or a department, never both, never neither.
    expect(() => insertRow('parcel', parcel({ department_id: 'd-1' }))).toThrow(/parcel_recipient/);
    expect(() => insertRow('parcel', parcel({ contact_id: null }))).toThrow(/parcel_recipient/);
    // In a locker means in a compartment, since a known time.
    expect(() => insertRow('parcel', parcel({ state: 'in_locker', deposited_at: 2 }))).toThrow(
      /parcel_in_locker/,
    );
    expect(() => insertRow('parcel', parcel({ state: 'picked_up' }))).toThrow(/parcel_picked_up/);
    // A badge has the one owner its kind names.
    insertRow('operator', operator());
    expect(() =>
      insertRow('badge', {
        id: 'b-1',
        value_hash: fakeDigest('1'),
        owner_kind: 'operator',
        operator_id: 'o-1',
        contact_id: 'p-1',
        created_at: 1,
        updated_at: 1,
      }),
    ).toThrow(/badge_owner/);
    // A code is consumed or voided, not both; and expires after it is issued.
    expect(() => insertRow('access_code', accessCode({ consumed_at: 2, voided_at: 2 }))).toThrow(
      /access_code_single_end/,
    );
    expect(() => insertRow('access_code', accessCode({ expires_at: 1 }))).toThrow(
      /access_code_expiry/,
    );
    // A closed reservation says when; an active one does not.
    expect(() =>
      insertRow('delivery_reservation', reservation({ state: 'fulfilled', closed_at: null })),
    ).toThrow(/delivery_reservation_closed/);
    expect(() => insertRow('delivery_reservation', reservation({ contact_id: null }))).toThrow(
      /delivery_reservation_target/,
    );
    // Custom fields are one JSON object.
    expect(() => insertContact({ custom_fields: '[1, 2]' })).toThrow(
      /contact_custom_fields_object/,
    );
    expect(() => insertContact({ custom_fields: 'not json' })).toThrow();
  });

  it('stores no clear secret: passwords must be scrypt hashes and codes 64-hex digests', () => {
    expect(() => insertRow('operator', operator({ password_hash: 'casier-admin' }))).toThrow(
      /operator_password_hash_scrypt/,
    );
    expect(() => insertRow('access_code', accessCode({ code_hash: '123456' }))).toThrow(
      /access_code_hash_digest/,
    );
    // Upper-case hex is refused too: one spelling per digest, or an index lookup would miss.
    expect(() => insertRow('access_code', accessCode({ code_hash: 'AB'.repeat(32) }))).toThrow(
      /access_code_hash_digest/,
    );
    insertRow('access_code', accessCode({ code_hash: 'ab'.repeat(32) }));
    expect(() =>
      insertRow('carrier', {
        id: 'k-1',
        name: 'Courier',
        code_hash: 'CSR1-CR-token',
        created_at: 1,
        updated_at: 1,
      }),
    ).toThrow(/carrier_code_hash_digest/);
    insertRow('operator', operator());
    expect(() =>
      insertRow('badge', {
        id: 'b-1',
        value_hash: 'EMP-P10001',
        owner_kind: 'operator',
        operator_id: 'o-1',
        created_at: 1,
        updated_at: 1,
      }),
    ).toThrow(/badge_value_hash_digest/);
  });

  it('enforces foreign keys', () => {
    expect(() => insertContact({ department_id: 'no-such-department' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => insertRow('parcel', parcel({ contact_id: 'nobody' }))).toThrow(/FOREIGN KEY/);
    expect(() =>
      insertRow('parcel', parcel({ state: 'in_locker', compartment_id: 'c-9', deposited_at: 2 })),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      insertRow('department_delegate', {
        department_id: 'd-1',
        contact_id: 'nobody',
        created_at: 1,
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      sqlite.prepare("UPDATE department SET key_contact_id = 'nobody' WHERE id = 'd-1'").run(),
    ).toThrow(/FOREIGN KEY/);
    insertRow('parcel', parcel());
    insertRow('access_code', accessCode());
    expect(() =>
      insertRow('access_code_parcel', { access_code_id: 'code-1', parcel_id: 'parcel-9' }),
    ).toThrow(/FOREIGN KEY/);
    // A contact with parcels cannot vanish from under them.
    expect(() => sqlite.prepare("DELETE FROM contact WHERE id = 'p-1'").run()).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('is STRICT: a text where a number belongs is refused, not stored', () => {
    expect(() => insertRow('operator', operator({ failed_sign_in_count: 'many' }))).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => insertRow('parcel', parcel({ received_at: 'yesterday' }))).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  });
});
