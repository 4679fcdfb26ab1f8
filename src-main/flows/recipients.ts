import type { RecipientMatch, RecipientRef } from '../../src-shared/api/drop-off-methods.js';
import type { AllocationParty } from '../../src-shared/allocation/index.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { KioskError } from '../core/kiosk-error.js';
import { findContact, searchContacts, type Contact } from '../db/queries/contacts.js';
import { findDepartment, searchDepartments, type Department } from '../db/queries/departments.js';
import type { KioskReader } from '../db/transaction.js';

/**
 * A parcel's recipient as the flows need it: who gets the notice (a department's key contact,
 * E3), in which language (A6), and whether only accessible doors will do (B5).
 */
export interface Recipient {
  ref: RecipientRef;
  party: AllocationParty;
  name: string;
  departmentName: string | null;
  accessibilityNeed: boolean;
  /** Who the ready-for-pickup message goes to; null for a department without a key contact. */
  notify: { name: string; email: string | null; language: Locale } | null;
  contactId: string | null;
  departmentId: string | null;
}

export function resolveRecipient(reader: KioskReader, ref: RecipientRef): Recipient {
  if (ref.kind === 'contact') {
    const contact = findContact(reader, ref.id);
    if (!contact?.active) {
      throw new KioskError('not_found', { what: 'noun.recipient' });
    }
    const department = contact.departmentId
      ? findDepartment(reader, contact.departmentId)
      : undefined;
    return {
      ref,
      party: { kind: 'recipient', id: contact.id },
      name: contact.name,
      departmentName: department?.name ?? null,
      accessibilityNeed: contact.accessibilityNeed,
      notify: { name: contact.name, email: contact.email, language: contact.language },
      contactId: contact.id,
      departmentId: null,
    };
  }
  const department = findDepartment(reader, ref.id);
  if (!department?.active) {
    throw new KioskError('not_found', { what: 'noun.recipient' });
  }
  const keyContact = department.keyContactId
    ? findContact(reader, department.keyContactId)
    : undefined;
  return {
    ref,
    party: { kind: 'department', id: department.id },
    name: department.name,
    departmentName: department.name,
    // The key contact collects the department's parcels: their reach is what matters (B5).
    accessibilityNeed: keyContact?.accessibilityNeed ?? false,
    notify: keyContact?.active
      ? { name: keyContact.name, email: keyContact.email, language: keyContact.language }
      : null,
    contactId: null,
    departmentId: department.id,
  };
}

export function contactMatch(contact: Contact, departmentName: string | null): RecipientMatch {
  return {
    kind: 'contact',
    id: contact.id,
    name: contact.name,
    detail: contact.email,
    personnelId: contact.personnelId,
    departmentName,
    accessibilityNeed: contact.accessibilityNeed,
  };
}

export function departmentMatch(reader: KioskReader, department: Department): RecipientMatch {
  const keyContact = department.keyContactId
    ? findContact(reader, department.keyContactId)
    : undefined;
  return {
    kind: 'department',
    id: department.id,
    name: department.name,
    detail: keyContact?.name ?? null,
    personnelId: null,
    departmentName: department.name,
    accessibilityNeed: keyContact?.accessibilityNeed ?? false,
  };
}

export function recipientMatch(reader: KioskReader, recipient: Recipient): RecipientMatch {
  if (recipient.ref.kind === 'contact') {
    const contact = findContact(reader, recipient.ref.id);
    if (contact) {
      return contactMatch(contact, recipient.departmentName);
    }
  }
  const department = recipient.departmentId
    ? findDepartment(reader, recipient.departmentId)
    : undefined;
  if (department) {
    return departmentMatch(reader, department);
  }
  throw new KioskError('not_found', { what: 'noun.recipient' });
}

const maxMatches = 20;

/** D1: people by name, email or PersonnelID, and departments by name (E3), best first. */
export function searchRecipients(reader: KioskReader, query: string): RecipientMatch[] {
  if (query.trim() === '') {
    return [];
  }
  const departments = searchDepartments(reader, query)
    .slice(0, 5)
    .map((department) => departmentMatch(reader, department));
  const people = searchContacts(reader, { text: query, limit: maxMatches }).map((contact) =>
    contactMatch(contact, contact.departmentName),
  );
  return [...people.slice(0, maxMatches - departments.length), ...departments];
}
