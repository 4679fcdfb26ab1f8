import {
  deleteContact,
  findContact,
  listContactIds,
  releasePersonnelId,
  setContactActive,
  upsertContact,
  upsertContacts,
} from '../../db/queries/contacts.js';
import {
  addDepartmentDelegate,
  deleteDepartment,
  departmentDelegateKey,
  findDepartment,
  listDepartmentDelegateKeys,
  listDepartmentIds,
  releaseDepartmentName,
  removeDepartmentDelegateByKey,
  setDepartmentActive,
  setKeyContact,
  upsertDepartment,
} from '../../db/queries/departments.js';
import type { EntityAppliers } from './entity-applier.js';
import { deleteOrDeactivate } from './retire-row.js';
import { requireReference } from './server-op-error.js';

/** Contacts, departments and delegations (A2, B1, E3): tenant-wide, owned by the cloud. */
export const directoryAppliers: Pick<
  EntityAppliers,
  'contact' | 'department' | 'department_delegate'
> = {
  contact: {
    put(tx, id, value, { nowMs }) {
      if (value.departmentId !== null) {
        requireReference(findDepartment(tx, value.departmentId), 'department', value.departmentId);
      }
      if (value.personnelId !== null) {
        releasePersonnelId(tx, value.personnelId, id, nowMs);
      }
      upsertContact(tx, id, value, nowMs);
    },
    putMany(tx, puts, { nowMs }) {
      const departmentIds = new Set(puts.map(({ value }) => value.departmentId));
      for (const departmentId of departmentIds) {
        if (departmentId !== null) {
          requireReference(findDepartment(tx, departmentId), 'department', departmentId);
        }
      }
      upsertContacts(
        tx,
        puts.map(({ id, value }) => ({ id, draft: value })),
        nowMs,
      );
    },
    del(tx, id, { nowMs }) {
      deleteOrDeactivate(
        tx,
        (savepoint) => deleteContact(savepoint, id),
        () => setContactActive(tx, id, false, nowMs),
      );
    },
    keys: (tx) => listContactIds(tx),
  },

  department: {
    put(tx, id, value, context) {
      const { nowMs } = context;
      releaseDepartmentName(tx, value.name, id, nowMs);
      const keyContactId = value.keyContactId;
      // The key contact may arrive later in this page: the department is written without it,
      // and the key contact is set once every put is in.
      const keyContactKnown = keyContactId === null || findContact(tx, keyContactId) !== undefined;
      upsertDepartment(
        tx,
        id,
        {
          name: value.name,
          keyContactId: keyContactKnown ? keyContactId : null,
          active: value.active,
        },
        nowMs,
      );
      if (!keyContactKnown) {
        context.afterPuts.push(() => {
          requireReference(findContact(tx, keyContactId), 'key contact', keyContactId);
          setKeyContact(tx, id, keyContactId, nowMs);
        });
      }
    },
    del(tx, id, { nowMs }) {
      deleteOrDeactivate(
        tx,
        (savepoint) => deleteDepartment(savepoint, id),
        () => setDepartmentActive(tx, id, false, nowMs),
      );
    },
    keys: (tx) => listDepartmentIds(tx),
  },

  department_delegate: {
    // The delegation is the pair itself; the cloud names it `<departmentId>:<contactId>`.
    keyOf: (_id, value) => departmentDelegateKey(value.departmentId, value.contactId),
    put(tx, _id, value, { nowMs }) {
      requireReference(findDepartment(tx, value.departmentId), 'department', value.departmentId);
      requireReference(findContact(tx, value.contactId), 'contact', value.contactId);
      addDepartmentDelegate(tx, value.departmentId, value.contactId, nowMs);
    },
    del(tx, key) {
      removeDepartmentDelegateByKey(tx, key);
    },
    keys: (tx) => listDepartmentDelegateKeys(tx),
  },
};
