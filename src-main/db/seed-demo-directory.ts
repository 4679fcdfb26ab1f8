import type { ContactDraftInput, CustomFields } from '../../src-shared/domain/contact.js';
import { normalizeSearchText } from '../../src-shared/domain/search-text.js';
import { insertContacts } from './queries/contacts.js';
import { addDepartmentDelegate, insertDepartment, setKeyContact } from './queries/departments.js';
import { carriers, contacts, departments, operators } from './schema.js';
import { seedDemoCredentials } from './seed-demo-credentials.js';
import {
  demoBuildings,
  demoDepartmentNames,
  englishFamilyNames,
  englishGivenNames,
  frenchFamilyNames,
  frenchGivenNames,
} from './seed-demo-names.js';
import { seededRandom, type SeededRandom } from './seed-demo-random.js';
import type { KioskTx } from './transaction.js';

/**
 * What the demo directory holds, for the README and the tests: the generator below produces
 * exactly this (a test checks it), the same every time.
 */
export const demoDirectoryCounts = {
  contacts: 300,
  /** Former staff, hidden by the kiosk's search. */
  inactiveContacts: 5,
  /** B5: doors between 38 and 122 cm only. */
  accessibleContacts: 17,
  /** Residents and visitors: no department, no PersonnelID. */
  contactsWithoutDepartment: 12,
  departments: 12,
  /** E3: two in each of Finance, Recherche et développement, Facilities and Logistique. */
  departmentDelegates: 8,
} as const;

const emailDomain = 'demo.casier.example';

type DemoPerson = Omit<ContactDraftInput, 'departmentId'> & { department: string | null };

/**
 * People the demo and the end-to-end tests can name: they come first, so each is also the key
 * contact of their department. Two need accessible doors.
 */
const showcasePeople: DemoPerson[] = [
  showcase('Élodie Lefèvre', 'fr', 'Finance', '+33 6 39 98 00 01', true),
  showcase("James O'Connor", 'en', 'Facilities', '+1 613 555-0100', false),
  showcase('François Côté', 'fr', 'Informatique', '+1 514 555-0101', false),
  showcase('Grace Whitfield', 'en', 'Legal', '+1 416 555-0102', true),
];

/** Departments where the admin named delegates (E3), by their place in demoDepartmentNames. */
const departmentsWithDelegates = [0, 3, 6, 9];

/**
 * Loads the demo address book (issue 4, "Domain": until the cloud syncs the real one), and the
 * demo operators, carrier and badges, into an empty directory; a directory with anyone in it is
 * left alone, so starting the demo again changes nothing. Runs inside the caller's transaction.
 */
export function seedDemoDirectory(tx: KioskTx, nowMs: number): void {
  if (!directoryIsEmpty(tx)) {
    return;
  }
  const departmentIds = new Map<string, string>();
  for (const name of demoDepartmentNames) {
    departmentIds.set(name, insertDepartment(tx, { name }, nowMs).id);
  }
  const drafts = demoPeople().map(({ department, ...person }) => ({
    ...person,
    departmentId: department === null ? null : (departmentIds.get(department) ?? null),
  }));
  const membersByDepartment = new Map<string, string[]>();
  for (const contact of insertContacts(tx, drafts, nowMs)) {
    if (contact.departmentId !== null && contact.active) {
      membersByDepartment.set(contact.departmentId, [
        ...(membersByDepartment.get(contact.departmentId) ?? []),
        contact.id,
      ]);
    }
  }
  demoDepartmentNames.forEach((name, index) => {
    const departmentId = departmentIds.get(name) ?? '';
    const [keyContactId, ...others] = membersByDepartment.get(departmentId) ?? [];
    if (keyContactId !== undefined) {
      setKeyContact(tx, departmentId, keyContactId, nowMs);
    }
    if (departmentsWithDelegates.includes(index)) {
      for (const delegateId of others.slice(0, 2)) {
        addDepartmentDelegate(tx, departmentId, delegateId, nowMs);
      }
    }
  });
  seedDemoCredentials(tx, nowMs);
}

function directoryIsEmpty(tx: KioskTx): boolean {
  return [contacts, departments, operators, carriers].every(
    (table) => tx.select({ id: table.id }).from(table).limit(1).get() === undefined,
  );
}

/** The showcase people, then generated ones up to demoDirectoryCounts.contacts. */
function demoPeople(): DemoPerson[] {
  const random = seededRandom(0x6361_7369);
  const usedEmails = new Set<string>();
  const people: DemoPerson[] = showcasePeople.map((person, index) => {
    usedEmails.add(person.email ?? '');
    return { ...person, personnelId: personnelId(index) };
  });
  for (let index = people.length; index < demoDirectoryCounts.contacts; index++) {
    people.push(generatedPerson(index, random, usedEmails));
  }
  return people;
}

/**
 * One generated person. Which ones are residents, accessible or former staff follows from the
 * index, so the counts above hold whatever the random names are.
 */
function generatedPerson(index: number, random: SeededRandom, usedEmails: Set<string>): DemoPerson {
  const french = random.next() < 0.5;
  const given = random.pick(french ? frenchGivenNames : englishGivenNames);
  const family = random.pick(french ? frenchFamilyNames : englishFamilyNames);
  const resident = index % 25 === 24;
  const building = random.pick(demoBuildings);
  const floor = 1 + random.below(6);
  const customFields: CustomFields = resident
    ? { building, unit: `${floor}${String.fromCharCode(65 + random.below(4))}` }
    : { building, floor, mail_stop: `${building}-${floor}${pad2(random.below(40))}` };
  return {
    name: `${given} ${family}`,
    email: uniqueEmail(given, family, usedEmails),
    phone: french ? frenchPhone(random) : northAmericanPhone(random),
    language: random.next() < 0.88 ? (french ? 'fr' : 'en') : french ? 'en' : 'fr',
    personnelId: resident ? null : personnelId(index),
    department: resident ? null : random.pick(demoDepartmentNames),
    accessibilityNeed: index % 20 === 7,
    customFields,
    active: index % 60 !== 59,
  };
}

function showcase(
  name: string,
  language: 'en' | 'fr',
  department: (typeof demoDepartmentNames)[number],
  phone: string,
  accessibilityNeed: boolean,
): DemoPerson {
  const [given = '', family = ''] = name.split(' ');
  return {
    name,
    email: `${emailPart(given)}.${emailPart(family)}@${emailDomain}`,
    phone,
    language,
    personnelId: null,
    department,
    accessibilityNeed,
    customFields: { building: 'A', floor: 1 },
    active: true,
  };
}

function personnelId(index: number): string {
  return `P${10001 + index}`;
}

/** given.family@…, with a number when two people share a name, as real mail systems do. */
function uniqueEmail(given: string, family: string, used: Set<string>): string {
  const local = `${emailPart(given)}.${emailPart(family)}`;
  let email = `${local}@${emailDomain}`;
  for (let suffix = 2; used.has(email); suffix++) {
    email = `${local}${suffix}@${emailDomain}`;
  }
  used.add(email);
  return email;
}

function emailPart(name: string): string {
  return normalizeSearchText(name).replace(/[^a-z-]/g, '');
}

/** 06 39 98 xx xx is set aside by ARCEP for fiction: these ring nobody. */
function frenchPhone(random: SeededRandom): string {
  return `+33 6 39 98 ${pad2(random.below(100))} ${pad2(random.below(100))}`;
}

/** 555-0100 to 555-0199 is reserved for fiction in North America. */
function northAmericanPhone(random: SeededRandom): string {
  return `+1 ${random.pick(['613', '514', '416', '819'])} 555-01${pad2(random.below(100))}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
