import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { normalizeSearchText, searchWords } from '../../../src-shared/domain/search-text.js';
import { departmentDelegates, departments } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';
import { containsPattern, likeEscaped } from './like-pattern.js';

export type Department = Omit<typeof departments.$inferSelect, 'searchName'>;

const departmentColumns = {
  id: departments.id,
  name: departments.name,
  keyContactId: departments.keyContactId,
  active: departments.active,
  createdAt: departments.createdAt,
  updatedAt: departments.updatedAt,
};

export interface DepartmentDraft {
  name: string;
  keyContactId?: string | null;
  active?: boolean;
}

/** Names are unique whatever their case or accents ("Finance" and "FINANCE" are one). */
export function insertDepartment(
  tx: KioskTx,
  draft: DepartmentDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): Department {
  const name = validName(draft.name);
  return tx
    .insert(departments)
    .values({
      id,
      name,
      searchName: normalizeSearchText(name),
      keyContactId: draft.keyContactId ?? null,
      active: draft.active ?? true,
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .returning(departmentColumns)
    .get();
}

export function renameDepartment(
  tx: KioskTx,
  departmentId: string,
  name: string,
  nowMs: number,
): Department | undefined {
  const valid = validName(name);
  return tx
    .update(departments)
    .set({ name: valid, searchName: normalizeSearchText(valid), updatedAt: nowMs })
    .where(eq(departments.id, departmentId))
    .returning(departmentColumns)
    .get();
}

/** A2: who receives and picks up the department's parcels; null leaves it without one. */
export function setKeyContact(
  tx: KioskTx,
  departmentId: string,
  keyContactId: string | null,
  nowMs: number,
): Department | undefined {
  return tx
    .update(departments)
    .set({ keyContactId, updatedAt: nowMs })
    .where(eq(departments.id, departmentId))
    .returning(departmentColumns)
    .get();
}

/** A deleted department stays as a row: parcels and history still point at it. */
export function setDepartmentActive(
  tx: KioskTx,
  departmentId: string,
  active: boolean,
  nowMs: number,
): Department | undefined {
  return tx
    .update(departments)
    .set({ active, updatedAt: nowMs })
    .where(eq(departments.id, departmentId))
    .returning(departmentColumns)
    .get();
}

/**
 * The cloud's put: creates the department under the cloud's id or replaces its name, key contact
 * and active flag.
 */
export function upsertDepartment(
  tx: KioskTx,
  departmentId: string,
  draft: Required<DepartmentDraft>,
  nowMs: number,
): Department {
  const name = validName(draft.name);
  const columns = {
    name,
    searchName: normalizeSearchText(name),
    keyContactId: draft.keyContactId,
    active: draft.active,
  };
  return tx
    .insert(departments)
    .values({ id: departmentId, ...columns, createdAt: nowMs, updatedAt: nowMs })
    .onConflictDoUpdate({ target: departments.id, set: { ...columns, updatedAt: nowMs } })
    .returning(departmentColumns)
    .get();
}

/**
 * Names are unique whatever their case or accents: when the cloud gives a name to a department,
 * another local row still holding it (stale or seeded) is deactivated and its search name made
 * its own, so the cloud's department can take the name.
 */
export function releaseDepartmentName(
  tx: KioskTx,
  name: string,
  keptByDepartmentId: string,
  nowMs: number,
): void {
  tx.update(departments)
    .set({
      searchName: sql`${departments.searchName} || ' #' || ${departments.id}`,
      active: false,
      updatedAt: nowMs,
    })
    .where(
      and(
        eq(departments.searchName, normalizeSearchText(name)),
        ne(departments.id, keptByDepartmentId),
      ),
    )
    .run();
}

export function deleteDepartment(tx: KioskTx, departmentId: string): void {
  tx.delete(departments).where(eq(departments.id, departmentId)).run();
}

export function listDepartmentIds(reader: KioskReader): string[] {
  return reader
    .select({ id: departments.id })
    .from(departments)
    .all()
    .map((row) => row.id);
}

/** Every delegation as `<departmentId>:<contactId>`, the id the cloud gives it. */
export function listDepartmentDelegateKeys(reader: KioskReader): string[] {
  return reader
    .select({
      departmentId: departmentDelegates.departmentId,
      contactId: departmentDelegates.contactId,
    })
    .from(departmentDelegates)
    .all()
    .map((row) => departmentDelegateKey(row.departmentId, row.contactId));
}

export function departmentDelegateKey(departmentId: string, contactId: string): string {
  return `${departmentId}:${contactId}`;
}

/** Removes the delegation a `<departmentId>:<contactId>` key names, if there is one. */
export function removeDepartmentDelegateByKey(tx: KioskTx, key: string): void {
  tx.delete(departmentDelegates)
    .where(
      sql`${departmentDelegates.departmentId} || ':' || ${departmentDelegates.contactId} = ${key}`,
    )
    .run();
}

export function findDepartment(reader: KioskReader, departmentId: string): Department | undefined {
  return reader
    .select(departmentColumns)
    .from(departments)
    .where(eq(departments.id, departmentId))
    .get();
}

export function findDepartmentByName(reader: KioskReader, name: string): Department | undefined {
  return reader
    .select(departmentColumns)
    .from(departments)
    .where(eq(departments.searchName, normalizeSearchText(name)))
    .get();
}

/** Active departments by name, or those whose name contains every typed word. */
export function searchDepartments(reader: KioskReader, text = ''): Department[] {
  const words = searchWords(text);
  return reader
    .select(departmentColumns)
    .from(departments)
    .where(
      and(
        eq(departments.active, true),
        ...words.map((word) => likeEscaped(departments.searchName, containsPattern(word))),
      ),
    )
    .orderBy(asc(departments.searchName))
    .all();
}

/** E3: allows a contact to pick up the department's parcels. Adding twice changes nothing. */
export function addDepartmentDelegate(
  tx: KioskTx,
  departmentId: string,
  contactId: string,
  nowMs: number,
): void {
  tx.insert(departmentDelegates)
    .values({ departmentId, contactId, createdAt: nowMs })
    .onConflictDoNothing()
    .run();
}

export function removeDepartmentDelegate(
  tx: KioskTx,
  departmentId: string,
  contactId: string,
): void {
  tx.delete(departmentDelegates)
    .where(
      and(
        eq(departmentDelegates.departmentId, departmentId),
        eq(departmentDelegates.contactId, contactId),
      ),
    )
    .run();
}

export function listDepartmentDelegateIds(reader: KioskReader, departmentId: string): string[] {
  return reader
    .select({ contactId: departmentDelegates.contactId })
    .from(departmentDelegates)
    .where(eq(departmentDelegates.departmentId, departmentId))
    .orderBy(asc(departmentDelegates.createdAt), asc(departmentDelegates.contactId))
    .all()
    .map((row) => row.contactId);
}

/**
 * E3: the active departments whose parcels this contact may pick up, as their key contact or as
 * a delegate the admin named.
 */
export function listDepartmentsPickableBy(reader: KioskReader, contactId: string): Department[] {
  const isDelegate = sql`EXISTS (SELECT 1 FROM ${departmentDelegates}
    WHERE ${departmentDelegates.departmentId} = ${departments.id}
      AND ${departmentDelegates.contactId} = ${contactId})`;
  return reader
    .select(departmentColumns)
    .from(departments)
    .where(
      and(eq(departments.active, true), or(eq(departments.keyContactId, contactId), isDelegate)),
    )
    .orderBy(asc(departments.searchName))
    .all();
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new RangeError('A department name has 1 to 200 characters.');
  }
  return trimmed;
}
