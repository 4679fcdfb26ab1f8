import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import {
  deactivateBadge,
  findActiveBadgeByValue,
  insertBadge,
  listBadgesOf,
} from '../../../src-main/db/queries/badges.js';
import {
  findActiveCarrierByCode,
  insertCarrier,
  setCarrierActive,
} from '../../../src-main/db/queries/carriers.js';
import { insertContact } from '../../../src-main/db/queries/contacts.js';
import { credentialHash } from '../../../src-main/db/queries/credential-hash.js';
import {
  addDepartmentDelegate,
  findDepartmentByName,
  insertDepartment,
  listDepartmentDelegateIds,
  listDepartmentsPickableBy,
  removeDepartmentDelegate,
  renameDepartment,
  searchDepartments,
  setDepartmentActive,
  setKeyContact,
} from '../../../src-main/db/queries/departments.js';
import {
  clearSignInFailures,
  findOperatorByUserName,
  insertOperator,
  readSignInFailures,
  writeSignInFailures,
} from '../../../src-main/db/queries/operators.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { contactDraft, fakePasswordHash } from './directory-fixtures.js';

describe('directory queries', () => {
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

  describe('departments (A2) and who may pick up their parcels (E3)', () => {
    it('keeps names unique whatever their case or accents, and finds them the same way', () => {
      database.db.transaction((tx) =>
        insertDepartment(tx, { name: ' Recherche et Développement ' }, 1),
      );
      expect(findDepartmentByName(database.db, 'RECHERCHE ET DEVELOPPEMENT')?.name).toBe(
        'Recherche et Développement',
      );
      expect(() =>
        database.db.transaction((tx) =>
          insertDepartment(tx, { name: 'recherche et developpement' }, 2),
        ),
      ).toThrow(/UNIQUE constraint failed: department.search_name/);
      expect(() =>
        database.db.transaction((tx) => insertDepartment(tx, { name: '  ' }, 2)),
      ).toThrow(RangeError);
    });

    it('searches active departments by any typed words, renamed or not', () => {
      const ids = database.db.transaction((tx) => ({
        finance: insertDepartment(tx, { name: 'Finance' }, 1).id,
        legal: insertDepartment(tx, { name: 'Legal' }, 1).id,
        closed: insertDepartment(tx, { name: 'Closed Finance Office' }, 1).id,
      }));
      database.db.transaction((tx) => setDepartmentActive(tx, ids.closed, false, 2));
      expect(searchDepartments(database.db).map((department) => department.name)).toEqual([
        'Finance',
        'Legal',
      ]);
      expect(searchDepartments(database.db, 'fin').map((department) => department.name)).toEqual([
        'Finance',
      ]);
      database.db.transaction((tx) => renameDepartment(tx, ids.legal, 'Affaires juridiques', 3));
      expect(
        searchDepartments(database.db, 'juridique').map((department) => department.id),
      ).toEqual([ids.legal]);
    });

    it('lets the key contact and the delegates pick up, and nobody else', () => {
      const { finance, legal, key, delegate, stranger } = database.db.transaction((tx) => {
        const financeId = insertDepartment(tx, { name: 'Finance' }, 1).id;
        const legalId = insertDepartment(tx, { name: 'Legal' }, 1).id;
        return {
          finance: financeId,
          legal: legalId,
          key: insertContact(tx, contactDraft({ name: 'Key', departmentId: financeId }), 1).id,
          delegate: insertContact(tx, contactDraft({ name: 'Delegate' }), 1).id,
          stranger: insertContact(
            tx,
            contactDraft({ name: 'Stranger', departmentId: financeId }),
            1,
          ).id,
        };
      });
      database.db.transaction((tx) => {
        setKeyContact(tx, finance, key, 2);
        addDepartmentDelegate(tx, finance, delegate, 2);
        addDepartmentDelegate(tx, finance, delegate, 3);
        addDepartmentDelegate(tx, legal, delegate, 2);
      });
      const pickable = (contactId: string): string[] =>
        listDepartmentsPickableBy(database.db, contactId).map((department) => department.id);
      expect(pickable(key)).toEqual([finance]);
      expect(pickable(delegate)).toEqual([finance, legal]);
      expect(pickable(stranger)).toEqual([]);
      expect(listDepartmentDelegateIds(database.db, finance)).toEqual([delegate]);

      database.db.transaction((tx) => {
        removeDepartmentDelegate(tx, finance, delegate);
        setDepartmentActive(tx, legal, false, 4);
      });
      expect(pickable(delegate)).toEqual([]);
    });
  });

  describe('operators (D1, A8)', () => {
    it('matches the typed user name without case or spaces, and stores only a scrypt hash', () => {
      const created = database.db.transaction((tx) =>
        insertOperator(
          tx,
          {
            userName: ' Mailroom ',
            displayName: 'Camille Roy',
            passwordHash: fakePasswordHash,
            role: 'mailroom_operator',
          },
          1,
        ),
      );
      expect(created).toMatchObject({ userName: 'mailroom', active: true, failedSignInCount: 0 });
      expect(findOperatorByUserName(database.db, 'MAILROOM ')?.id).toBe(created.id);
      expect(findOperatorByUserName(database.db, '')).toBeUndefined();
      expect(() =>
        database.db.transaction((tx) =>
          insertOperator(
            tx,
            { userName: 'x', displayName: 'X', passwordHash: 'hunter2', role: 'admin' },
            1,
          ),
        ),
      ).toThrow(/not a \$scrypt\$ hash/);
      expect(() =>
        database.db.transaction((tx) =>
          insertOperator(
            tx,
            {
              userName: 'MAILROOM',
              displayName: 'Twin',
              passwordHash: fakePasswordHash,
              role: 'admin',
            },
            1,
          ),
        ),
      ).toThrow(/UNIQUE constraint failed: operator.user_name/);
      expect(() =>
        database.db.transaction((tx) =>
          insertOperator(
            tx,
            {
              userName: 'courier',
              displayName: 'Courier',
              passwordHash: fakePasswordHash,
              role: 'carrier' as 'admin',
            },
            1,
          ),
        ),
      ).toThrow();
    });

    it('keeps failed sign-ins and the lock in the row, so a restart unlocks nobody', () => {
      const { id } = database.db.transaction((tx) =>
        insertOperator(
          tx,
          {
            userName: 'admin',
            displayName: 'Admin',
            passwordHash: fakePasswordHash,
            role: 'admin',
          },
          1,
        ),
      );
      expect(readSignInFailures(database.db, id)).toBeUndefined();
      database.db.transaction((tx) =>
        writeSignInFailures(tx, id, { failures: 5, lastFailureAtMs: 50, lockedUntilMs: 950 }, 50),
      );
      database.close();
      database = openTestKioskDatabase(folder.path);
      expect(readSignInFailures(database.db, id)).toEqual({
        failures: 5,
        lastFailureAtMs: 50,
        lockedUntilMs: 950,
      });
      database.db.transaction((tx) => clearSignInFailures(tx, id, 60));
      expect(readSignInFailures(database.db, id)).toBeUndefined();
      expect(findOperatorByUserName(database.db, 'admin')).toMatchObject({
        failedSignInCount: 0,
        lockedUntil: null,
        lastFailedSignInAt: null,
      });
    });
  });

  describe('carriers (C4, D10) and badges (C5, E4)', () => {
    it('finds an active carrier by the payload of its QR code, never by a stored clear code', () => {
      const carrier = database.db.transaction((tx) =>
        insertCarrier(tx, { name: 'Courier', codeHash: credentialHash('qr-token-1') }, 1),
      );
      expect(carrier.codeHash).not.toContain('qr-token-1');
      expect(findActiveCarrierByCode(database.db, 'qr-token-1')?.id).toBe(carrier.id);
      expect(findActiveCarrierByCode(database.db, 'qr-token-2')).toBeUndefined();
      database.db.transaction((tx) => setCarrierActive(tx, carrier.id, false, 2));
      expect(findActiveCarrierByCode(database.db, 'qr-token-1')).toBeUndefined();
    });

    it('finds a badge by its value, and lets a returned card be issued to someone else', () => {
      const { operatorId, contactId } = database.db.transaction((tx) => ({
        operatorId: insertOperator(
          tx,
          {
            userName: 'admin',
            displayName: 'Admin',
            passwordHash: fakePasswordHash,
            role: 'admin',
          },
          1,
        ).id,
        contactId: insertContact(tx, contactDraft({ name: 'Recipient' }), 1).id,
      }));
      const first = database.db.transaction((tx) =>
        insertBadge(
          tx,
          { valueHash: credentialHash('CARD-1'), owner: { kind: 'operator', operatorId } },
          1,
        ),
      );
      expect(findActiveBadgeByValue(database.db, 'CARD-1')).toMatchObject({
        id: first.id,
        ownerKind: 'operator',
        operatorId,
        contactId: null,
      });
      // The same card cannot be active twice.
      expect(() =>
        database.db.transaction((tx) =>
          insertBadge(
            tx,
            { valueHash: credentialHash('CARD-1'), owner: { kind: 'contact', contactId } },
            2,
          ),
        ),
      ).toThrow(/UNIQUE constraint failed: badge.value_hash/);
      database.db.transaction((tx) => deactivateBadge(tx, first.id, 3));
      expect(findActiveBadgeByValue(database.db, 'CARD-1')).toBeUndefined();
      const second = database.db.transaction((tx) =>
        insertBadge(
          tx,
          { valueHash: credentialHash('CARD-1'), owner: { kind: 'contact', contactId } },
          4,
        ),
      );
      expect(findActiveBadgeByValue(database.db, 'CARD-1')?.id).toBe(second.id);
      expect(listBadgesOf(database.db, { kind: 'operator', operatorId })).toHaveLength(1);
      expect(listBadgesOf(database.db, { kind: 'contact', contactId })).toHaveLength(1);
    });
  });
});
