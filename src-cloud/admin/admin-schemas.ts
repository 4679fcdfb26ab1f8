import { z } from 'zod';
import { CompartmentSize } from '../../src-shared/domain/compartment.js';
import { CompartmentConfigValue, EntityKindSchema } from '../../src-shared/sync/entities.js';

/**
 * Request and response bodies of the admin API (/v1/admin/…), validated by Fastify through
 * fastify-type-provider-zod and published in the OpenAPI document. Ids are the server's (UUIDv7)
 * except compartment ids, which are the bank's own.
 */

// 160: a department delegate is named `<departmentId>:<contactId>`, two UUIDs and a colon.
const id = z.string().min(1).max(160);
const name = z.string().trim().min(1).max(200);

export const ErrorBodySchema = z
  .object({ error: z.string(), message: z.string() })
  .loose()
  .describe('A refusal: a stable code and a message.');

export const CreateTenantBody = z.object({ name }).strict();
export const CreatedTenant = z.object({
  tenantId: z.string(),
  adminToken: z.string().describe('A tenant admin token, shown once.'),
});

export const CreatedToken = z.object({
  tokenId: z.string(),
  adminToken: z.string().describe('Shown once; the server keeps only its hash.'),
});

export const CreateDivisionBody = z.object({ name }).strict();
export const CreateLocationBody = z.object({ divisionId: id, name }).strict();
export const CreatedId = z.object({ id: z.string() });

export const CompartmentInput = CompartmentConfigValue.extend({ id }).strict();
export type CompartmentInput = z.infer<typeof CompartmentInput>;

export const CreateBankBody = z
  .object({ locationId: id, name, compartments: z.array(CompartmentInput).max(500).optional() })
  .strict();
export type CreateBankBody = z.infer<typeof CreateBankBody>;

export const EnrolmentCodeIssued = z.object({
  enrolmentCode: z.string().describe('One use; shown once.'),
  enrolmentExpiresAt: z.number().int(),
});
export const CreatedBank = EnrolmentCodeIssued.extend({ bankId: z.string() });

export const BankListItem = z.object({
  id: z.string(),
  name: z.string(),
  locationId: z.string(),
  version: z.number().int(),
  createdAt: z.number().int(),
});
export const HierarchyResponse = z.object({
  divisions: z.array(z.object({ id: z.string(), name: z.string() })),
  locations: z.array(z.object({ id: z.string(), divisionId: z.string(), name: z.string() })),
  banks: z.array(BankListItem),
});

export const EntityWriteInput = z.union([
  z.object({ kind: EntityKindSchema, id, deleted: z.literal(true) }).strict(),
  z.object({ kind: EntityKindSchema, id, value: z.unknown() }).strict(),
]);
export const PutEntitiesBody = z
  .object({ bankId: id.optional(), writes: z.array(EntityWriteInput).min(1).max(10_000) })
  .strict();
export type PutEntitiesBody = z.infer<typeof PutEntitiesBody>;
export const EntityVersions = z.object({
  tenantVersion: z.number().int().nullable(),
  bankVersion: z.number().int().nullable(),
});

export const CreateReservationBody = z
  .object({
    size: CompartmentSize,
    preferredCompartmentId: id.nullable().default(null),
    contactId: id.nullable().default(null),
    departmentId: id.nullable().default(null),
    designatedOperatorId: id.nullable().default(null),
    designatedCarrierId: id.nullable().default(null),
    expiresAt: z.number().int().describe('Epoch milliseconds, server time.'),
  })
  .strict()
  .refine((body) => body.contactId !== null || body.departmentId !== null, {
    message: 'A reservation is for a contact or a department.',
    path: ['contactId'],
  });
export type CreateReservationBody = z.infer<typeof CreateReservationBody>;
export const CreatedReservation = z.object({
  reservationId: z.string(),
  bankVersion: z.number().int(),
});

export const BankVersion = z.object({ bankVersion: z.number().int() });

export const OutOfServiceBody = z
  .object({ note: z.string().max(500).nullable().default(null) })
  .strict();

/** Five minutes: long enough for a person at the bank, short enough not to fire after an outage. */
export const defaultRemoteOpenSeconds = 300;
export const RemoteOpenBody = z
  .object({
    reason: z.string().max(500).default(''),
    expiresInSeconds: z.number().int().min(10).max(3600).default(defaultRemoteOpenSeconds),
  })
  .strict();
export const RemoteOpenIssued = z.object({
  commandId: z.string(),
  expiresAt: z.number().int(),
  bankVersion: z.number().int(),
});

export const BankParams = z.object({ bankId: id });
export const CompartmentParams = BankParams.extend({ compartmentId: id });
export const ReservationParams = BankParams.extend({ reservationId: id });
export const DeviceParams = z.object({ deviceId: id });
export const TokenParams = z.object({ tokenId: id });
export const AlertParams = z.object({ alertId: id });

export const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().max(200).optional().describe('The `next` cursor of the previous page.'),
});
export const ActivityItem = z.object({
  id: z.string(),
  deviceId: z.string(),
  mutationId: z.number().int(),
  type: z.string(),
  compartmentId: z.string().nullable(),
  actor: z.string(),
  details: z.unknown(),
  hlc: z.string(),
  wallTime: z.number().int(),
  receivedAt: z.number().int(),
});
export const ActivityPage = z.object({
  items: z.array(ActivityItem),
  next: z.string().nullable().describe('Pass as `after` for the next page; null at the end.'),
});

export const ParcelItem = z.object({
  parcelId: z.string(),
  compartmentId: z.string().nullable(),
  state: z.string(),
  recipientContactId: z.string().nullable(),
  expiresAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
});
export const ParcelList = z.object({ items: z.array(ParcelItem) });

export const DeviceStatus = z.object({
  deviceId: z.string(),
  incarnationId: z.string(),
  enrolledAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  lastMutationId: z.number().int(),
  clockSkewMs: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export const BankStatus = z.object({
  bankId: z.string(),
  name: z.string(),
  version: z.number().int(),
  enrolmentPending: z.boolean(),
  devices: z.array(DeviceStatus),
  pendingEmails: z.number().int(),
  failedEmails: z.number().int(),
  openAlerts: z.number().int(),
});

export const AlertQuery = z.object({
  bankId: id.optional(),
  open: z
    .enum(['true', 'false'])
    .default('true')
    .transform((text) => text === 'true'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const AlertItem = z.object({
  id: z.string(),
  bankId: z.string().nullable(),
  kind: z.string(),
  message: z.string(),
  details: z.unknown(),
  createdAt: z.number().int(),
  resolvedAt: z.number().int().nullable(),
});
export const AlertList = z.object({ items: z.array(AlertItem) });

export const EmailQuery = z.object({
  bankId: id.optional(),
  state: z.enum(['pending', 'sent', 'failed', 'skipped']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
/** Never the text or html: they carry pickup codes. */
export const EmailItem = z.object({
  id: z.string(),
  bankId: z.string(),
  kind: z.string(),
  state: z.string(),
  toName: z.string(),
  toEmail: z.string().nullable(),
  subject: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  sentAt: z.number().int().nullable(),
});
export const EmailList = z.object({ items: z.array(EmailItem) });

export const Done = z.object({ done: z.literal(true) });
