import { and, asc, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  ContactDraft,
  CustomFields,
  type ContactDraftInput,
} from '../../../src-shared/domain/contact.js';
import { normalizeSearchText, searchWords } from '../../../src-shared/domain/search-text.js';
import { contacts, departments } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';
import { containsPattern, likeEscaped, startsWithPattern } from './like-pattern.js';

type ContactRow = typeof contacts.$inferSelect;

/** A contact as the core uses it: custom fields parsed, the search column left to this file. */
export type Contact = Omit<ContactRow, 'customFields' | 'searchText'> & {
  customFields: CustomFields;
};

export interface ContactMatch extends Contact {
  departmentName: string | null;
}

export function insertContact(
  tx: KioskTx,
  draft: ContactDraftInput,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): Contact {
  const row = tx
    .insert(contacts)
    .values({ id, ...contactColumns(draft), createdAt: nowMs, updatedAt: nowMs })
    .returning()
    .get();
  return toContact(row);
}

/**
 * Many contacts in one statement per few hundred rows: the demo seed and the CSV import (B2),
 * where a statement built and prepared per row would dominate. Answers in the drafts' order
 * (SQLite does not promise RETURNING's order).
 */
export function insertContacts(
  tx: KioskTx,
  drafts: readonly ContactDraftInput[],
  nowMs: number,
): Contact[] {
  const rows = drafts.map((draft) => ({
    id: uuidv7({ msecs: nowMs }),
    ...contactColumns(draft),
    createdAt: nowMs,
    updatedAt: nowMs,
  }));
  const inserted = new Map<string, Contact>();
  // 13 columns × 500 rows stays far below SQLite's 32,766 bound parameters per statement.
  for (let start = 0; start < rows.length; start += 500) {
    for (const row of tx
      .insert(contacts)
      .values(rows.slice(start, start + 500))
      .returning()
      .all()) {
      inserted.set(row.id, toContact(row));
    }
  }
  return rows.map(({ id }) => {
    const contact = inserted.get(id);
    if (!contact) {
      throw new Error(`Contact ${id} was not inserted.`);
    }
    return contact;
  });
}

/** Replaces every field of the contact; undefined when there is no such contact. */
export function updateContact(
  tx: KioskTx,
  contactId: string,
  draft: ContactDraftInput,
  nowMs: number,
): Contact | undefined {
  const row = tx
    .update(contacts)
    .set({ ...contactColumns(draft), updatedAt: nowMs })
    .where(eq(contacts.id, contactId))
    .returning()
    .get();
  return row && toContact(row);
}

/**
 * The cloud's put (sync.md "Who owns what"): creates the contact under the cloud's id or replaces
 * every field of it, search column included, exactly as insertContact and updateContact write it.
 */
export function upsertContact(
  tx: KioskTx,
  contactId: string,
  draft: ContactDraftInput,
  nowMs: number,
): Contact {
  const columns = contactColumns(draft);
  const row = tx
    .insert(contacts)
    .values({ id: contactId, ...columns, createdAt: nowMs, updatedAt: nowMs })
    .onConflictDoUpdate({ target: contacts.id, set: { ...columns, updatedAt: nowMs } })
    .returning()
    .get();
  return toContact(row);
}

/**
 * Many cloud puts at once (a snapshot of a whole directory): one statement per few hundred rows,
 * where a statement per row would hold the kiosk's only connection for seconds. PersonnelIDs the
 * rows take are let go first by contacts outside the chunk (see releasePersonnelId); a swap
 * inside a chunk fails on the unique index, and the caller then puts those rows one by one.
 */
export function upsertContacts(
  tx: KioskTx,
  rows: readonly { id: string; draft: ContactDraftInput }[],
  nowMs: number,
): void {
  const replaced = Object.fromEntries(
    upsertedContactColumns.map((key) => [key, sql.raw(`excluded."${contacts[key].name}"`)]),
  );
  // 14 columns × 500 rows stays far below SQLite's 32,766 bound parameters per statement.
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500).map(({ id, draft }) => ({
      id,
      ...contactColumns(draft),
      createdAt: nowMs,
      updatedAt: nowMs,
    }));
    const personnelIds = chunk.flatMap((row) =>
      row.personnelId === null ? [] : [row.personnelId],
    );
    if (personnelIds.length > 0) {
      tx.update(contacts)
        .set({ personnelId: null, updatedAt: nowMs })
        .where(
          and(
            inArray(contacts.personnelId, personnelIds),
            notInArray(
              contacts.id,
              chunk.map((row) => row.id),
            ),
          ),
        )
        .run();
    }
    tx.insert(contacts)
      .values(chunk)
      .onConflictDoUpdate({ target: contacts.id, set: replaced })
      .run();
  }
}

/** What a put replaces: everything but the id and the creation time. */
const upsertedContactColumns = [
  'name',
  'email',
  'phone',
  'language',
  'personnelId',
  'departmentId',
  'accessibilityNeed',
  'customFields',
  'active',
  'searchText',
  'updatedAt',
] as const satisfies readonly (keyof typeof contacts.$inferInsert)[];

/**
 * B2: PersonnelIDs are unique. When the cloud gives one to a contact, another local row still
 * holding it (a stale or seeded contact) lets go of it; that row's own put, if any, follows.
 */
export function releasePersonnelId(
  tx: KioskTx,
  personnelId: string,
  keptByContactId: string,
  nowMs: number,
): void {
  tx.update(contacts)
    .set({ personnelId: null, updatedAt: nowMs })
    .where(and(eq(contacts.personnelId, personnelId), ne(contacts.id, keptByContactId)))
    .run();
}

/** A contact who left stays as a row while parcels or history point at it. */
export function setContactActive(
  tx: KioskTx,
  contactId: string,
  active: boolean,
  nowMs: number,
): void {
  tx.update(contacts).set({ active, updatedAt: nowMs }).where(eq(contacts.id, contactId)).run();
}

export function deleteContact(tx: KioskTx, contactId: string): void {
  tx.delete(contacts).where(eq(contacts.id, contactId)).run();
}

export function listContactIds(reader: KioskReader): string[] {
  return reader
    .select({ id: contacts.id })
    .from(contacts)
    .all()
    .map((row) => row.id);
}

export function findContact(reader: KioskReader, contactId: string): Contact | undefined {
  const row = reader.select().from(contacts).where(eq(contacts.id, contactId)).get();
  return row && toContact(row);
}

/** B2: PersonnelIDs are unique, so this is at most one contact. */
export function findContactByPersonnelId(
  reader: KioskReader,
  personnelId: string,
): Contact | undefined {
  const row = reader
    .select()
    .from(contacts)
    .where(eq(contacts.personnelId, personnelId.trim()))
    .get();
  return row && toContact(row);
}

/** Emails are stored in lower case; several contacts may share one (a team mailbox). */
export function findContactsByEmail(reader: KioskReader, email: string): Contact[] {
  return reader
    .select()
    .from(contacts)
    .where(eq(contacts.email, email.trim().toLowerCase()))
    .orderBy(asc(contacts.searchText))
    .all()
    .map(toContact);
}

export interface ContactSearch {
  /** What was typed: words of a name, an email, a PersonnelID or a department name. */
  text: string;
  /** Only this department's members. */
  departmentId?: string;
  /** Former staff are hidden unless asked for (nobody delivers to them at the kiosk). */
  includeInactive?: boolean;
  limit?: number;
}

/**
 * The drop-off search (issue 4: "find the recipient by name, email, PersonnelID or
 * department"), case- and accent-insensitive: every typed word must appear in the contact's
 * normalised name, email or PersonnelID, or in its department's name. Exact PersonnelID or
 * email matches come first, then names starting with what was typed, then the rest by name.
 * A LIKE scan over the search column: a few milliseconds for tens of thousands of contacts.
 */
export function searchContacts(reader: KioskReader, search: ContactSearch): ContactMatch[] {
  const words = searchWords(search.text);
  const whole = normalizeSearchText(search.text);
  const conditions: (SQL | undefined)[] = words.map(
    (word) =>
      sql`(${likeEscaped(contacts.searchText, containsPattern(word))} OR ${likeEscaped(
        departments.searchName,
        containsPattern(word),
      )})`,
  );
  if (search.departmentId !== undefined) {
    conditions.push(eq(contacts.departmentId, search.departmentId));
  }
  if (!search.includeInactive) {
    conditions.push(eq(contacts.active, true));
  }
  const rank = sql`CASE
    WHEN lower(${contacts.personnelId}) = ${whole} OR ${contacts.email} = ${whole} THEN 0
    WHEN ${likeEscaped(contacts.searchText, startsWithPattern(whole))} THEN 1
    ELSE 2 END`;
  return reader
    .select({ contact: contacts, departmentName: departments.name })
    .from(contacts)
    .leftJoin(departments, eq(departments.id, contacts.departmentId))
    .where(and(...conditions))
    .orderBy(...(whole === '' ? [] : [rank]), asc(contacts.searchText))
    .limit(search.limit ?? 50)
    .all()
    .map(({ contact, departmentName }) => ({ ...toContact(contact), departmentName }));
}

/** The columns of a validated draft, search column included. */
function contactColumns(draft: ContactDraftInput) {
  const valid = ContactDraft.parse(draft);
  return {
    ...valid,
    customFields: JSON.stringify(valid.customFields),
    searchText: normalizeSearchText(
      [valid.name, valid.email, valid.personnelId].filter((part) => part !== null).join(' '),
    ),
  };
}

/** A stored row that no longer parses is a bug or a hand-edited file: refuse it loudly. */
function toContact(row: ContactRow): Contact {
  const { customFields, searchText: _searchText, ...rest } = row;
  const parsed = CustomFields.safeParse(JSON.parse(customFields));
  if (!parsed.success) {
    throw new Error(`The stored custom fields of contact ${row.id} are not valid.`);
  }
  return { ...rest, customFields: parsed.data };
}
