import { and, asc, eq, or, sql } from 'drizzle-orm';
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
