import { z } from 'zod';
import { BankSettings } from '../domain/bank-settings.js';
import { CompartmentSize } from '../domain/compartment.js';
import { ContactDraft } from '../domain/contact.js';
import { OperatorRole } from '../domain/roles.js';

/**
 * Server-owned data a bank replicates (sync.md "Who owns what"), one schema per kind of entity.
 * The cloud writes them; pull carries them down as put/del ops; the bank applies them to its own
 * tables. Ids are the kiosk's primary keys, so a put is an upsert on the bank.
 *
 * Tenant-wide kinds (the directory, staff, carriers, badges) move with the tenant version; the
 * others belong to one bank and move with its bank version.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const BankProfileValue = z.object({ name: z.string().trim().min(1).max(200) }).strict();

/** A compartment's configuration; its wiring (board, channel) stays the bank's (commissioning). */
export const CompartmentConfigValue = z
  .object({
    label: z.string().trim().min(1).max(20),
    size: CompartmentSize,
    doorBottomCm: z.number().int().nonnegative(),
    doorTopCm: z.number().int().positive(),
  })
  .strict();

/** Out of service from the cloud: no new deposits; a valid pickup still opens (sync.md). */
export const CompartmentIntentValue = z
  .object({ outOfService: z.boolean(), note: z.string().max(500).nullable() })
  .strict();

export const DepartmentValue = z
  .object({
    name: z.string().trim().min(1).max(200),
    keyContactId: z.string().min(1).nullable(),
    active: z.boolean(),
  })
  .strict();

export const DepartmentDelegateValue = z
  .object({ departmentId: z.string().min(1), contactId: z.string().min(1) })
  .strict();

export const OperatorValue = z
  .object({
    userName: z.string().trim().toLowerCase().min(1).max(64),
    displayName: z.string().trim().min(1).max(200),
    /** scrypt PHC string (src-shared/domain/password-hash.ts); the clear password never travels. */
    passwordHash: z.string().startsWith('$scrypt$ln='),
    role: OperatorRole,
    active: z.boolean(),
  })
  .strict();

export const CarrierValue = z
  .object({ name: z.string().trim().min(1).max(200), codeHash: sha256Hex, active: z.boolean() })
  .strict();

export const BadgeValue = z
  .object({
    valueHash: sha256Hex,
    ownerKind: z.enum(['operator', 'contact']),
    operatorId: z.string().min(1).nullable(),
    contactId: z.string().min(1).nullable(),
    active: z.boolean(),
  })
  .strict();

/**
 * A reservation made in the cloud (D2): a size, optionally a preferred compartment; the bank
 * binds the actual compartment when the delivery arrives (late binding).
 */
export const DeliveryReservationValue = z
  .object({
    contactId: z.string().min(1).nullable(),
    departmentId: z.string().min(1).nullable(),
    size: CompartmentSize,
    preferredCompartmentId: z.string().min(1).nullable(),
    designatedOperatorId: z.string().min(1).nullable(),
    designatedCarrierId: z.string().min(1).nullable(),
    state: z.enum(['active', 'cancelled']),
    createdAt: z.number().int(),
    expiresAt: z.number().int(),
  })
  .strict();

/** G5 from the cloud: runs at most once and never after `expiresAt` (server time). */
export const RemoteOpenValue = z
  .object({
    compartmentId: z.string().min(1),
    expiresAt: z.number().int(),
    requestedBy: z.string().min(1).max(200),
    reason: z.string().max(500),
  })
  .strict();

export const entityValues = {
  bank_profile: BankProfileValue,
  bank_settings: BankSettings,
  compartment_config: CompartmentConfigValue,
  compartment_intent: CompartmentIntentValue,
  delivery_reservation: DeliveryReservationValue,
  remote_open: RemoteOpenValue,
  contact: ContactDraft,
  department: DepartmentValue,
  department_delegate: DepartmentDelegateValue,
  operator: OperatorValue,
  carrier: CarrierValue,
  badge: BadgeValue,
} as const;

export type EntityKind = keyof typeof entityValues;
export const entityKinds = Object.keys(entityValues) as EntityKind[];
export type EntityValue<K extends EntityKind> = z.infer<(typeof entityValues)[K]>;

/** Kinds shared by every bank of a tenant (moved by the tenant version). */
export const tenantEntityKinds = [
  'contact',
  'department',
  'department_delegate',
  'operator',
  'carrier',
  'badge',
] as const satisfies readonly EntityKind[];

export function isTenantEntityKind(kind: EntityKind): boolean {
  return (tenantEntityKinds as readonly string[]).includes(kind);
}

/**
 * The order a bank applies one page's puts in, so foreign keys hold (departments before their
 * key contacts' badges, reservations after contacts...). Deletes run in the reverse order.
 */
export const entityApplyOrder: readonly EntityKind[] = [
  'bank_profile',
  'bank_settings',
  'compartment_config',
  'compartment_intent',
  'department',
  'contact',
  'department_delegate',
  'operator',
  'carrier',
  'badge',
  'delivery_reservation',
  'remote_open',
];

export const EntityKindSchema = z.enum(entityKinds as [EntityKind, ...EntityKind[]]);
