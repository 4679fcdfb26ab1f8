import type { ContactDraftInput } from '../../../src-shared/domain/contact.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { compartments, lockerBanks } from '../../../src-main/db/schema.js';

/** A contact draft with every field at a plain value, for tests to override what they test. */
export function contactDraft(overrides: Partial<ContactDraftInput> = {}): ContactDraftInput {
  return {
    name: 'Test Person',
    email: null,
    phone: null,
    language: 'en',
    personnelId: null,
    departmentId: null,
    accessibilityNeed: false,
    customFields: {},
    active: true,
    ...overrides,
  };
}

/** One bank with two compartments, without the demo directory. */
export function insertBankWithCompartments(database: KioskDatabase): {
  bankId: string;
  compartmentIds: [string, string];
} {
  database.db.insert(lockerBanks).values({ id: 'bank-1', name: 'Lobby', createdAt: 1 }).run();
  const compartmentIds: [string, string] = ['c-1', 'c-2'];
  compartmentIds.forEach((id, index) => {
    database.db
      .insert(compartments)
      .values({
        id,
        bankId: 'bank-1',
        label: String(index + 1),
        size: 'M',
        doorBottomCm: 55 + index * 30,
        doorTopCm: 85 + index * 30,
        board: 0,
        channel: index + 1,
        updatedAt: 1,
      })
      .run();
  });
  return { bankId: 'bank-1', compartmentIds };
}

/** A digest-shaped value (64 lower-case hex characters), as the tables demand. */
export function fakeDigest(seed: string): string {
  return seed
    .padEnd(64, '0')
    .replace(/[^0-9a-f]/g, 'a')
    .slice(0, 64);
}

/** A syntactically valid scrypt hash nobody's password matches. */
export const fakePasswordHash =
  '$scrypt$ln=17,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
