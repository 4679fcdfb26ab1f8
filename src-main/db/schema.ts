import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The kiosk's SQLite schema. drizzle-kit turns changes here into numbered migrations in
 * drizzle/kiosk (`npm run db:generate`); released migrations are never edited (style.md).
 * Column types stay within what STRICT tables accept (integer, real, text, blob).
 */

/** The one locker bank this kiosk drives (a row, so the cloud can sync its settings later). */
export const lockerBanks = sqliteTable('locker_bank', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const compartments = sqliteTable(
  'compartment',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    /** What is printed on the door and what people type or say. */
    label: text('label').notNull(),
    size: text('size', { enum: ['S', 'M', 'L'] }).notNull(),
    /** Lower and upper edge of the door above the floor, in cm (B5 accessibility, X4 reach). */
    doorBottomCm: integer('door_bottom_cm').notNull(),
    doorTopCm: integer('door_top_cm').notNull(),
    board: integer('board').notNull(),
    /** Lock channel on the board, counted from 1 as on the board's silkscreen. */
    channel: integer('channel').notNull(),
    serviceState: text('service_state', { enum: ['in_service', 'out_of_service'] })
      .notNull()
      .default('in_service'),
    serviceReason: text('service_reason', {
      enum: ['operator_request', 'door_failed_to_open', 'door_forced_open'],
    }),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('compartment_bank_label').on(table.bankId, table.label),
    uniqueIndex('compartment_bank_lock').on(table.bankId, table.board, table.channel),
    check(
      'compartment_door_heights',
      sql`${table.doorBottomCm} >= 0 AND ${table.doorTopCm} > ${table.doorBottomCm}`,
    ),
    check('compartment_size', sql`${table.size} IN ('S', 'M', 'L')`),
    check(
      'compartment_service_state',
      sql`${table.serviceState} IN ('in_service', 'out_of_service')`,
    ),
    check('compartment_channel', sql`${table.channel} >= 1`),
  ],
);

/** Everything that happened at the kiosk, in order, for operators and audits (G6). */
export const activityLog = sqliteTable(
  'activity_log',
  {
    /** UUIDv7: unique across machines and roughly time-ordered. */
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    type: text('type').notNull(),
    compartmentId: text('compartment_id').references(() => compartments.id),
    /** Who or what caused it: an operator id, 'door-sensor', 'system'. */
    actor: text('actor').notNull(),
    /** JSON object with the details of this type of entry. */
    details: text('details').notNull(),
    /** Wall-clock time of the kiosk, for people; ordering uses `hlc`. */
    wallTime: integer('wall_time').notNull(),
    hlc: text('hlc').notNull(),
  },
  (table) => [index('activity_log_compartment').on(table.compartmentId, table.hlc)],
);

/**
 * Mutations waiting to be pushed to the cloud (sync.md "Push"). `id` is this device's mutation id:
 * it goes up by exactly 1 per business action, issued from sync_device in the same transaction.
 */
export const syncOutbox = sqliteTable('sync_outbox', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** Version of the mutation's argument shape; the server keeps handlers for every version. */
  v: integer('v').notNull(),
  /** JSON of the arguments. */
  args: text('args').notNull(),
  /** sha256 (hex) of the RFC 8785 canonical JSON of {name, v, args}. */
  argsHash: text('args_hash').notNull(),
  hlc: text('hlc').notNull(),
  wallTime: integer('wall_time').notNull(),
  /** Set when the server confirms it applied this id (pull's lastMutationId). */
  ackedAt: integer('acked_at'),
});

/** This kiosk's sync identity and counters: exactly one row. */
export const syncDevice = sqliteTable(
  'sync_device',
  {
    singleton: integer('singleton').primaryKey(),
    deviceId: text('device_id').notNull(),
    /** New for every freshly created database, so the cloud can tell a recreated bank (sync.md). */
    incarnationId: text('incarnation_id').notNull(),
    lastMutationId: integer('last_mutation_id').notNull().default(0),
    /** Last hybrid-logical-clock stamp issued, so the clock never goes backwards across restarts. */
    lastHlc: text('last_hlc'),
  },
  (table) => [check('sync_device_singleton', sql`${table.singleton} = 1`)],
);

/**
 * The bank's hardware settings (X7, hardware.md "The port"): one row per bank, the
 * BankHardwareSettings document as JSON text. JSON rather than columns because the settings are
 * one document validated as a whole (zod, on every write and every read) and grow with each
 * board protocol; the CHECK only guarantees SQLite holds a JSON object. The compartments'
 * wiring (board, channel, size, door heights) stays in `compartment`.
 */
export const bankHardware = sqliteTable(
  'bank_hardware',
  {
    bankId: text('bank_id')
      .primaryKey()
      .references(() => lockerBanks.id),
    settings: text('settings').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [check('bank_hardware_settings_object', sql`json_type(${table.settings}) = 'object'`)],
);

/**
 * The latest commissioning-walk result of each compartment (hardware issue 3): the row the
 * commissioning screen shows. The history is in `activity_log` ('commissioning.checked'); this
 * table keeps `results()` independent of the activity log's size. Cleared for a compartment
 * when its lock address changes, for all when the protocol or polarity changes.
 */
export const commissioningChecks = sqliteTable(
  'commissioning_check',
  {
    compartmentId: text('compartment_id')
      .primaryKey()
      .references(() => compartments.id),
    outcome: text('outcome', {
      enum: ['door_seen_open', 'door_already_open', 'jammed', 'outcome_unknown'],
    }).notNull(),
    actor: text('actor').notNull(),
    checkedAt: integer('checked_at').notNull(),
    /** The 'commissioning.checked' activity row that recorded it. */
    activityId: text('activity_id')
      .notNull()
      .references(() => activityLog.id),
  },
  (table) => [
    check(
      'commissioning_check_outcome',
      sql`${table.outcome} IN ('door_seen_open', 'door_already_open', 'jammed', 'outcome_unknown')`,
    ),
  ],
);
