import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
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
