/**
 * Turns what a stand-alone kiosk database holds of the data the cloud owns (sync.md "Who owns
 * what": bank profile and settings, compartment configuration, directory, staff, carriers,
 * badges) into cloud entity writes. `npm start` uses it to give the demo cloud the demo bank's
 * seed before the kiosk enrols, so the kiosk's first pull (`clear` + snapshot) hands back the
 * same people instead of emptying the directory. It is also how an existing bank that ran
 * without a cloud is adopted by one.
 */
import type { KioskDb } from '../../src-main/db/open-kiosk-database.js';
import {
  badges,
  bankSettings,
  carriers,
  compartments,
  contacts,
  departmentDelegates,
  departments,
  lockerBanks,
  operators,
} from '../../src-main/db/schema.js';
import type { EntityWrite } from '../../src-cloud/sync/entity-writes.js';

export interface KioskDirectoryWrites {
  /** Tenant-wide kinds: the directory, staff, carriers, badges. */
  tenant: EntityWrite[];
  /** This bank's kinds: profile, settings, compartment configuration. */
  bank: EntityWrite[];
}

export function kioskDirectoryWrites(db: KioskDb): KioskDirectoryWrites {
  const bank = db.select().from(lockerBanks).get();
  if (bank === undefined) {
    throw new Error('The kiosk database has no bank.');
  }
  const settings = db.select().from(bankSettings).get();
  const bankWrites: EntityWrite[] = [
    { kind: 'bank_profile', id: bank.id, value: { name: bank.name } },
    ...(settings === undefined
      ? []
      : [
          {
            kind: 'bank_settings' as const,
            id: bank.id,
            value: JSON.parse(settings.document) as unknown,
          },
        ]),
    ...db
      .select()
      .from(compartments)
      .all()
      .map((row) => ({
        kind: 'compartment_config' as const,
        id: row.id,
        value: {
          label: row.label,
          size: row.size,
          doorBottomCm: row.doorBottomCm,
          doorTopCm: row.doorTopCm,
        },
      })),
  ];
  const tenantWrites: EntityWrite[] = [
    ...db
      .select()
      .from(departments)
      .all()
      .map((row) => ({
        kind: 'department' as const,
        id: row.id,
        value: { name: row.name, keyContactId: row.keyContactId, active: row.active },
      })),
    ...db
      .select()
      .from(contacts)
      .all()
      .map((row) => ({
        kind: 'contact' as const,
        id: row.id,
        value: {
          name: row.name,
          email: row.email,
          phone: row.phone,
          language: row.language,
          personnelId: row.personnelId,
          departmentId: row.departmentId,
          accessibilityNeed: row.accessibilityNeed,
          customFields: JSON.parse(row.customFields) as unknown,
          active: row.active,
        },
      })),
    ...db
      .select()
      .from(departmentDelegates)
      .all()
      .map((row) => ({
        kind: 'department_delegate' as const,
        id: `${row.departmentId}:${row.contactId}`,
        value: { departmentId: row.departmentId, contactId: row.contactId },
      })),
    ...db
      .select()
      .from(operators)
      .all()
      .map((row) => ({
        kind: 'operator' as const,
        id: row.id,
        value: {
          userName: row.userName,
          displayName: row.displayName,
          passwordHash: row.passwordHash,
          role: row.role,
          active: row.active,
        },
      })),
    ...db
      .select()
      .from(carriers)
      .all()
      .map((row) => ({
        kind: 'carrier' as const,
        id: row.id,
        value: { name: row.name, codeHash: row.codeHash, active: row.active },
      })),
    ...db
      .select()
      .from(badges)
      .all()
      .map((row) => ({
        kind: 'badge' as const,
        id: row.id,
        value: {
          valueHash: row.valueHash,
          ownerKind: row.ownerKind,
          operatorId: row.operatorId,
          contactId: row.contactId,
          active: row.active,
        },
      })),
  ];
  return { tenant: tenantWrites, bank: bankWrites };
}
