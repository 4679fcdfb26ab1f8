import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The cloud's PostgreSQL schema (PGlite embedded by default). drizzle-kit turns changes here into
 * numbered migrations in drizzle/cloud (`npm run db:generate:cloud`). Multi-tenant from the first
 * table: company (tenant) → divisions → locations → banks, and every row below names its tenant.
 * Times are epoch milliseconds (bigint, read as numbers), like the kiosk's.
 */

const ms = (name: string) => bigint(name, { mode: 'number' });

/** A company. `version` is the tenant counter of the pull cookie (sync.md), bumped under a row lock. */
export const tenants = pgTable('tenant', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: ms('version').notNull().default(0),
  /** Tombstones at or below this tenant version were pruned: older cookies get `clear`. */
  prunedThroughVersion: ms('pruned_through_version').notNull().default(0),
  createdAt: ms('created_at').notNull(),
});

export const divisions = pgTable(
  'division',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (table) => [index('division_tenant').on(table.tenantId)],
);

export const locations = pgTable(
  'location',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    divisionId: text('division_id')
      .notNull()
      .references(() => divisions.id),
    name: text('name').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (table) => [index('location_tenant').on(table.tenantId)],
);

/** A locker bank. `version` is the bank counter of the pull cookie. */
export const banks = pgTable(
  'bank',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id),
    name: text('name').notNull(),
    version: ms('version').notNull().default(0),
    prunedThroughVersion: ms('pruned_through_version').notNull().default(0),
    /** sha256 (hex) of the one-time enrolment code; null once used. */
    enrolmentCodeHash: text('enrolment_code_hash'),
    enrolmentExpiresAt: ms('enrolment_expires_at'),
    createdAt: ms('created_at').notNull(),
  },
  (table) => [
    index('bank_tenant').on(table.tenantId),
    uniqueIndex('bank_enrolment_code').on(table.enrolmentCodeHash),
  ],
);

/** An enrolled kiosk: its credential (hash only), incarnation and mutation counter. */
export const devices = pgTable(
  'device',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    incarnationId: text('incarnation_id').notNull(),
    /** sha256 (hex) of the secret half of the credential. */
    credentialHash: text('credential_hash').notNull(),
    lastMutationId: ms('last_mutation_id').notNull().default(0),
    revokedAt: ms('revoked_at'),
    enrolledAt: ms('enrolled_at').notNull(),
    lastSeenAt: ms('last_seen_at'),
    /** The bank's wall clock minus the server's at its last push; drift is flagged, never stopped. */
    clockSkewMs: ms('clock_skew_ms'),
  },
  (table) => [index('device_bank').on(table.bankId)],
);

/** Every mutation id a device pushed, with its hash (duplicates are compared) and result. */
export const deviceMutations = pgTable(
  'device_mutation',
  {
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    id: ms('id').notNull(),
    name: text('name').notNull(),
    v: integer('v').notNull(),
    argsHash: text('args_hash').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    error: text('error'),
    appliedAt: ms('applied_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.deviceId, table.id] }),
    // Pull reports a device's rejected mutations; they are rare, so a partial index finds them.
    index('device_mutation_rejected')
      .on(table.deviceId, table.id)
      .where(sql`status = 'rejected'`),
  ],
);

/**
 * Server-owned data replicated to banks (src-shared/sync/entities.ts): one row per entity, its
 * value as JSON, the version of the write that last touched it, and a tombstone flag. `bankId`
 * is '' for tenant-wide kinds. Pull reads rows whose version is past the bank's cookie.
 */
export const entities = pgTable(
  'entity',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    bankId: text('bank_id').notNull(),
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    value: jsonb('value'),
    version: ms('version').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    updatedAt: ms('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.bankId, table.kind, table.id] }),
    index('entity_scope_version').on(table.tenantId, table.bankId, table.version),
  ],
);

/** Every fact a bank pushed: its activity log, exactly once (keyed by the bank's activity id). */
export const activities = pgTable(
  'activity',
  {
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    id: text('id').notNull(),
    tenantId: text('tenant_id').notNull(),
    deviceId: text('device_id').notNull(),
    mutationId: ms('mutation_id').notNull(),
    type: text('type').notNull(),
    compartmentId: text('compartment_id'),
    actor: text('actor').notNull(),
    details: jsonb('details').notNull(),
    hlc: text('hlc').notNull(),
    wallTime: ms('wall_time').notNull(),
    receivedAt: ms('received_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.bankId, table.id] }),
    index('activity_bank_hlc').on(table.bankId, table.hlc),
  ],
);

/** The server's view of physical state (invariant 6): which parcel is in which compartment. */
export const bankParcels = pgTable(
  'bank_parcel',
  {
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    parcelId: text('parcel_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    compartmentId: text('compartment_id'),
    state: text('state').notNull(),
    recipientContactId: text('recipient_contact_id'),
    expiresAt: ms('expires_at'),
    updatedAt: ms('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.bankId, table.parcelId] }),
    // Invariant 7 on the server side: at most one parcel in the locker per compartment... is NOT
    // a constraint: consolidation (D6) puts several parcels of one recipient in one compartment.
    index('bank_parcel_compartment').on(table.bankId, table.compartmentId, table.state),
  ],
);

/**
 * A personal storage (F1–F5) as the banks report it: it occupies a compartment like a parcel
 * does, so the server's view of physical state includes it (invariant 6).
 */
export const bankStorages = pgTable(
  'bank_storage',
  {
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    storageId: text('storage_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    compartmentId: text('compartment_id'),
    state: text('state', { enum: ['active', 'ended', 'emptied'] }).notNull(),
    contactId: text('contact_id'),
    endsAt: ms('ends_at'),
    updatedAt: ms('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.bankId, table.storageId] }),
    index('bank_storage_compartment').on(table.bankId, table.compartmentId, table.state),
  ],
);

/** Something an admin must look at: hash mismatch, unknown incarnation, a fact against an intent. */
export const alerts = pgTable(
  'alert',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    bankId: text('bank_id'),
    deviceId: text('device_id'),
    kind: text('kind').notNull(),
    /**
     * Set for alerts a retrying bank would otherwise raise on every attempt (an unknown
     * incarnation, a drifting clock): at most one unresolved alert per key.
     */
    dedupeKey: text('dedupe_key'),
    message: text('message').notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: ms('created_at').notNull(),
    resolvedAt: ms('resolved_at'),
  },
  (table) => [
    index('alert_tenant').on(table.tenantId, table.createdAt),
    uniqueIndex('alert_open_dedupe')
      .on(table.dedupeKey)
      .where(sql`resolved_at IS NULL`),
  ],
);

/**
 * Server-side email outbox (sync.md "Notifications"): written in the same transaction as the
 * mutation or job that causes the email, sent by a worker with retries. `notificationId` makes
 * a message unique, so a replayed notification never queues a second email.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    bankId: text('bank_id').notNull(),
    /** The kiosk's notification id, or `reminder:<parcelId>:<n>` for a reminder. */
    notificationId: text('notification_id').notNull(),
    kind: text('kind').notNull(),
    toName: text('to_name').notNull(),
    toEmail: text('to_email'),
    language: text('language', { enum: ['en', 'fr'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** InlineImage[] of src-shared/sync/composed-message.ts. */
    inlineImages: jsonb('inline_images')
      .notNull()
      .default(sql`'[]'::jsonb`),
    parcelIds: jsonb('parcel_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The code's expiry: a message not sent by then is skipped, not sent late. */
    expiresAt: ms('expires_at'),
    state: text('state', { enum: ['pending', 'sent', 'failed', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: ms('created_at').notNull(),
    sentAt: ms('sent_at'),
  },
  (table) => [
    uniqueIndex('email_outbox_notification').on(table.bankId, table.notificationId),
    index('email_outbox_due').on(table.state, table.nextAttemptAt),
  ],
);

/** Admin API tokens: a platform token (tenantId null) creates tenants; a tenant token its data. */
export const adminTokens = pgTable(
  'admin_token',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').references(() => tenants.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: ms('created_at').notNull(),
    revokedAt: ms('revoked_at'),
  },
  (table) => [uniqueIndex('admin_token_hash').on(table.tokenHash)],
);
