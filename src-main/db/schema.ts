import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

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
    /**
     * The pull cookie (sync.md "Pull"): the server versions whose data this database holds.
     * Saved only in the transaction that applies a complete pull, never apart from the data.
     * Null until the first complete pull.
     */
    cookieBank: integer('cookie_bank'),
    cookieTenant: integer('cookie_tenant'),
    /** Highest mutation id the cloud confirmed applying (outbox rows up to it are acked). */
    ackedMutationId: integer('acked_mutation_id').notNull().default(0),
    /** When the last complete push-and-pull round finished (shown on the kiosk's sync status). */
    lastSyncAt: integer('last_sync_at'),
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

/*
 * The directory and parcels (issue 4, "Domain"). Contacts, departments, operators, carriers and
 * badges are server-owned (sync.md "Who owns what": the cloud will put them here); parcels,
 * reservations and access codes are the bank's. Secrets are stored only as hashes, and the
 * CHECKs below refuse anything that does not look like one, so a clear password or code cannot
 * be written by mistake.
 */

/** A 64-character lower-case hex digest (sha256 or HMAC-SHA-256): never a clear code. */
function isHexDigest(column: AnySQLiteColumn): SQL {
  return sql`length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`;
}

function isBoolean(column: AnySQLiteColumn): SQL {
  return sql`${column} IN (0, 1)`;
}

/** A2: a group of recipients parcels can be addressed to, with a key contact (E3). */
export const departments = sqliteTable(
  'department',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** normalizeSearchText(name): what the kiosk's search matches. */
    searchName: text('search_name').notNull(),
    /** Receives and picks up the department's parcels (A2, E3). */
    keyContactId: text('key_contact_id').references((): AnySQLiteColumn => contacts.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('department_search_name').on(table.searchName),
    check('department_active', isBoolean(table.active)),
  ],
);

/** B1: a recipient of parcels (employee, student, resident). */
export const contacts = sqliteTable(
  'contact',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower case (ContactDraft), so an exact lookup uses the index. */
    email: text('email'),
    phone: text('phone'),
    /** Language of this recipient's notifications (A6). */
    language: text('language', { enum: ['en', 'fr'] })
      .notNull()
      .default('en'),
    personnelId: text('personnel_id'),
    departmentId: text('department_id').references((): AnySQLiteColumn => departments.id),
    /** B5: only doors between 38 and 122 cm above the floor. */
    accessibilityNeed: integer('accessibility_need', { mode: 'boolean' }).notNull().default(false),
    /** A5: the admin-defined fields, one JSON object validated by CustomFields. */
    customFields: text('custom_fields').notNull().default('{}'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /**
     * normalizeSearchText of name, email and PersonnelID: SQLite cannot fold accents, so the
     * query layer writes this with every change and the search is a LIKE on it.
     */
    searchText: text('search_text').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    // B2: "Duplicate Personnel ID"; several contacts may have none.
    uniqueIndex('contact_personnel_id')
      .on(table.personnelId)
      .where(sql`${table.personnelId} IS NOT NULL`),
    index('contact_email').on(table.email),
    index('contact_department').on(table.departmentId, table.name),
    index('contact_name').on(table.name),
    check('contact_language', sql`${table.language} IN ('en', 'fr')`),
    check('contact_accessibility_need', isBoolean(table.accessibilityNeed)),
    check('contact_active', isBoolean(table.active)),
    check('contact_custom_fields_object', sql`json_type(${table.customFields}) = 'object'`),
    check('contact_email_lower_case', sql`${table.email} = lower(${table.email})`),
  ],
);

/** E3: people the admin allows to pick up a department's parcels, besides its key contact. */
export const departmentDelegates = sqliteTable(
  'department_delegate',
  {
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.departmentId, table.contactId] }),
    index('department_delegate_contact').on(table.contactId),
  ],
);

/** D1, G1–G5: mailroom staff who sign in at the kiosk by user name and password or badge. */
export const operators = sqliteTable(
  'operator',
  {
    id: text('id').primaryKey(),
    /** Lower case; what is typed at sign-in. */
    userName: text('user_name').notNull(),
    displayName: text('display_name').notNull(),
    /** scrypt in the PHC format of src-shared/domain/password-hash.ts. */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'mailroom_operator'] }).notNull(),
    /**
     * A8: failures since the last successful sign-in (src-main/auth/account-lockout.ts): N of
     * them lock the account; failures far apart are forgotten, hence the time of the last one.
     * Kept in the row so a restart unlocks nobody.
     */
    failedSignInCount: integer('failed_sign_in_count').notNull().default(0),
    lastFailedSignInAt: integer('last_failed_sign_in_at'),
    /** Epoch ms until which sign-in is refused; null when not locked. */
    lockedUntil: integer('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('operator_user_name').on(table.userName),
    check('operator_role', sql`${table.role} IN ('admin', 'mailroom_operator')`),
    check('operator_user_name_lower_case', sql`${table.userName} = lower(${table.userName})`),
    check('operator_password_hash_scrypt', sql`${table.passwordHash} GLOB '$scrypt$ln=*'`),
    check('operator_failed_sign_in_count', sql`${table.failedSignInCount} >= 0`),
    check('operator_active', isBoolean(table.active)),
  ],
);

/** C4, D10: a courier company delivering straight into the lockers after a QR sign-in. */
export const carriers = sqliteTable(
  'carrier',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** sha256 (hex) of the payload of the carrier's sign-in QR code (`CSR1-CR-<payload>`). */
    codeHash: text('code_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('carrier_code_hash').on(table.codeHash),
    check('carrier_code_hash_digest', isHexDigest(table.codeHash)),
    check('carrier_active', isBoolean(table.active)),
  ],
);

/**
 * C5, E4: a barcode (badge card, phone) that signs its owner in. One owner column per kind, so
 * each is a real foreign key; the CHECK keeps exactly the one `owner_kind` names.
 */
export const badges = sqliteTable(
  'badge',
  {
    id: text('id').primaryKey(),
    /** sha256 (hex) of the value the badge carries (credential-hash.ts). */
    valueHash: text('value_hash').notNull(),
    ownerKind: text('owner_kind', { enum: ['operator', 'contact'] }).notNull(),
    operatorId: text('operator_id').references(() => operators.id),
    contactId: text('contact_id').references(() => contacts.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    // A badge card handed to someone else once its owner left gets a new row; only one may
    // be active for a value.
    uniqueIndex('badge_active_value_hash')
      .on(table.valueHash)
      .where(sql`${table.active} = 1`),
    index('badge_operator').on(table.operatorId),
    index('badge_contact').on(table.contactId),
    check('badge_value_hash_digest', isHexDigest(table.valueHash)),
    check('badge_owner_kind', sql`${table.ownerKind} IN ('operator', 'contact')`),
    check(
      'badge_owner',
      sql`(${table.ownerKind} = 'operator' AND ${table.operatorId} IS NOT NULL AND ${table.contactId} IS NULL)
        OR (${table.ownerKind} = 'contact' AND ${table.contactId} IS NOT NULL AND ${table.operatorId} IS NULL)`,
    ),
    check('badge_active', isBoolean(table.active)),
  ],
);

/**
 * A parcel at this bank, addressed to a contact or to a department (exactly one). Its
 * compartment stays recorded after it leaves, for the history; `state` says whether it is there.
 */
export const parcels = sqliteTable(
  'parcel',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    /** Scanned or typed (D7); null when the label is missing altogether. */
    trackingNumber: text('tracking_number'),
    /**
     * The tracking number's carrier as the scanner classified it (src-shared/domain/scan.ts
     * `Carrier`). No CHECK: that list grows with the scan library, and SQLite cannot alter a
     * CHECK without rebuilding the table; the query layer validates it.
     */
    trackingCarrier: text('tracking_carrier'),
    /** The carrier account that delivered it directly (D10); null for mailroom drop-offs. */
    carrierId: text('carrier_id').references(() => carriers.id),
    contactId: text('contact_id').references(() => contacts.id),
    departmentId: text('department_id').references(() => departments.id),
    /** Null until someone measures or chooses it. */
    size: text('size', { enum: ['S', 'M', 'L'] }),
    state: text('state', {
      enum: ['expected', 'in_locker', 'picked_up', 'removed', 'returned'],
    }).notNull(),
    compartmentId: text('compartment_id').references(() => compartments.id),
    /**
     * What the parcel is (issue 5): a delivery for its recipient; a return (D3) brought by its
     * contact for the mailroom to collect, never offered to that contact's pickups; an exchange
     * (D4) left by one person for its contact, the pick-up party. No CHECK: adding one to an
     * existing table means rebuilding it; src-shared/domain/parcel.ts validates the value.
     */
    kind: text('kind', { enum: ['delivery', 'return', 'exchange'] })
      .notNull()
      .default('delivery'),
    receivedAt: integer('received_at').notNull(),
    depositedAt: integer('deposited_at'),
    pickedUpAt: integer('picked_up_at'),
    removedAt: integer('removed_at'),
    returnedAt: integer('returned_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('parcel_contact').on(table.contactId, table.state),
    index('parcel_department').on(table.departmentId, table.state),
    index('parcel_compartment').on(table.compartmentId, table.state),
    index('parcel_tracking_number').on(table.trackingNumber),
    index('parcel_bank_state').on(table.bankId, table.state, table.depositedAt),
    check(
      'parcel_state',
      sql`${table.state} IN ('expected', 'in_locker', 'picked_up', 'removed', 'returned')`,
    ),
    check('parcel_size', sql`${table.size} IS NULL OR ${table.size} IN ('S', 'M', 'L')`),
    check('parcel_recipient', sql`(${table.contactId} IS NULL) <> (${table.departmentId} IS NULL)`),
    check(
      'parcel_in_locker',
      sql`${table.state} <> 'in_locker' OR (${table.compartmentId} IS NOT NULL AND ${table.depositedAt} IS NOT NULL)`,
    ),
    check(
      'parcel_picked_up',
      sql`${table.state} <> 'picked_up' OR ${table.pickedUpAt} IS NOT NULL`,
    ),
    check('parcel_removed', sql`${table.state} <> 'removed' OR ${table.removedAt} IS NOT NULL`),
    check('parcel_returned', sql`${table.state} <> 'returned' OR ${table.returnedAt} IS NOT NULL`),
  ],
);

/**
 * D2, D5: a compartment held in advance for a parcel, a recipient or a department. The
 * compartment is bound late, by the bank, when the delivery arrives (sync.md).
 */
export const deliveryReservations = sqliteTable(
  'delivery_reservation',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    parcelId: text('parcel_id').references(() => parcels.id),
    contactId: text('contact_id').references(() => contacts.id),
    departmentId: text('department_id').references(() => departments.id),
    size: text('size', { enum: ['S', 'M', 'L'] }).notNull(),
    /** The console may name one; the bank still decides (sync.md "Who owns what"). */
    preferredCompartmentId: text('preferred_compartment_id').references(() => compartments.id),
    /** Null until the bank binds one. */
    compartmentId: text('compartment_id').references(() => compartments.id),
    /** D2: "ready when the operator or a designated person signs in". */
    designatedOperatorId: text('designated_operator_id').references(() => operators.id),
    designatedCarrierId: text('designated_carrier_id').references(() => carriers.id),
    state: text('state', { enum: ['active', 'fulfilled', 'cancelled', 'expired'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** When it left `active`. */
    closedAt: integer('closed_at'),
  },
  (table) => [
    index('delivery_reservation_compartment').on(table.compartmentId, table.state),
    index('delivery_reservation_parcel').on(table.parcelId),
    index('delivery_reservation_contact').on(table.contactId, table.state),
    index('delivery_reservation_bank_state').on(table.bankId, table.state, table.expiresAt),
    check('delivery_reservation_size', sql`${table.size} IN ('S', 'M', 'L')`),
    check(
      'delivery_reservation_state',
      sql`${table.state} IN ('active', 'fulfilled', 'cancelled', 'expired')`,
    ),
    check(
      'delivery_reservation_target',
      sql`${table.parcelId} IS NOT NULL OR ${table.contactId} IS NOT NULL OR ${table.departmentId} IS NOT NULL`,
    ),
    check(
      'delivery_reservation_designated',
      sql`${table.designatedOperatorId} IS NULL OR ${table.designatedCarrierId} IS NULL`,
    ),
    check(
      'delivery_reservation_closed',
      sql`(${table.state} = 'active') = (${table.closedAt} IS NULL)`,
    ),
    check('delivery_reservation_expiry', sql`${table.expiresAt} > ${table.createdAt}`),
  ],
);

/**
 * X3: the codes people type or show at the kiosk, stored only as a digest: the clear code exists
 * only in the notification. One table for every purpose the codes module issues
 * (src-main/codes/code-purpose.ts: pickup, return, exchange, storage, carrier delivery) because a
 * code typed at the keypad must match one row whatever its purpose, and "unique among the bank's
 * active codes" is then one index. Columns follow the module's StoredCode.
 */
export const accessCodes = sqliteTable(
  'access_code',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    /** HMAC-SHA-256 of the digits under the bank's pepper (src-main/codes/code-hasher.ts). */
    codeHash: text('code_hash').notNull(),
    purpose: text('purpose', {
      enum: [
        'pickup',
        'return',
        'exchange_drop_off',
        'exchange_pickup',
        'storage',
        'carrier_delivery',
      ],
    }).notNull(),
    /**
     * What a re-issue replaces (X6): a parcel id for a per-parcel pickup code, the contact or
     * department id for a recipient's batch code (E2), a reservation id for returns and
     * exchanges. Several kinds of row, so no foreign key here; the parcels a pickup code opens
     * are in access_code_parcel, with real ones.
     */
    targetId: text('target_id').notNull(),
    issuedAt: integer('issued_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Set when the door was opened and closed again with it (E1): single use. */
    consumedAt: integer('consumed_at'),
    /** Set when a new code replaced it (X3 "re-issue voids the old code") or its parcels left. */
    voidedAt: integer('voided_at'),
  },
  (table) => [
    // The lookup when a code is typed. Not UNIQUE: expiry is a comparison with the clock, not a
    // written state, so an expired code still in this index may share its digest with a new
    // one; the codes module draws again until no *active* code matches (X3).
    index('access_code_active_hash')
      .on(table.bankId, table.codeHash)
      .where(sql`${table.consumedAt} IS NULL AND ${table.voidedAt} IS NULL`),
    index('access_code_target').on(table.targetId, table.purpose),
    check('access_code_hash_digest', isHexDigest(table.codeHash)),
    check(
      'access_code_purpose',
      sql`${table.purpose} IN ('pickup', 'return', 'exchange_drop_off', 'exchange_pickup', 'storage', 'carrier_delivery')`,
    ),
    // Never both used and voided: the crash test's "no code both active and used" starts here.
    check('access_code_single_end', sql`${table.consumedAt} IS NULL OR ${table.voidedAt} IS NULL`),
    check('access_code_expiry', sql`${table.expiresAt} > ${table.issuedAt}`),
  ],
);

/** The parcels a pickup code opens: one for a per-parcel code, several for a batch (E2). */
export const accessCodeParcels = sqliteTable(
  'access_code_parcel',
  {
    accessCodeId: text('access_code_id')
      .notNull()
      .references(() => accessCodes.id),
    parcelId: text('parcel_id')
      .notNull()
      .references(() => parcels.id),
  },
  (table) => [
    primaryKey({ columns: [table.accessCodeId, table.parcelId] }),
    index('access_code_parcel_parcel').on(table.parcelId),
  ],
);

/**
 * The bank's drop-off and pickup settings (C2, C3, C5, C7, C8): one row per bank, the
 * BankSettings document as JSON text, for the same reason as `bank_hardware`: the document is
 * validated as a whole (zod, on every write and every read), and a new setting is then a schema
 * change in src-shared rather than a migration. No row means the defaults.
 */
export const bankSettings = sqliteTable(
  'bank_settings',
  {
    bankId: text('bank_id')
      .primaryKey()
      .references(() => lockerBanks.id),
    document: text('document').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [check('bank_settings_document_object', sql`json_type(${table.document}) = 'object'`)],
);

/**
 * D5: a compartment kept for one recipient or one department (a department's own shelf, a
 * resident's dedicated door). Configuration from the console (issue 6); the allocation engine
 * gives a dedicated compartment to its party first and never to anyone else.
 */
export const compartmentDedications = sqliteTable(
  'compartment_dedication',
  {
    compartmentId: text('compartment_id')
      .primaryKey()
      .references(() => compartments.id),
    contactId: text('contact_id').references(() => contacts.id),
    departmentId: text('department_id').references(() => departments.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    check(
      'compartment_dedication_party',
      sql`(${table.contactId} IS NULL) <> (${table.departmentId} IS NULL)`,
    ),
  ],
);

/**
 * F1–F5, C6: personal storage. A person keeps their own things in a compartment for a while:
 * walk-up at the kiosk (F1), or booked in advance from outside the kiosk (F2) and bound to a
 * compartment of the booked size only when they arrive (late binding, sync.md "Who owns what").
 *
 * - `booked`: F2, not yet claimed; no compartment (or only a preference). Lapses, unclaimed,
 *   at `claim_until`.
 * - `active`: things inside; `ends_at` null for a bank whose stays have no end. Past `ends_at`
 *   it is *expired* (overstay, G3): a comparison with the clock, not a written state, as for
 *   parcels, so the kiosk needs no timer to get it right after days offline.
 * - `ended` (F4, the owner took everything), `emptied` (an operator opened and emptied it, with
 *   the reason in `close_reason`), `cancelled` (never filled, or a booking withdrawn or lapsed).
 *
 * The owner's code is an access_code of purpose 'storage' whose target is this row; it opens the
 * door as often as needed while the storage lasts (F3) and is used up when the storage ends.
 */
export const storageReservations = sqliteTable(
  'storage_reservation',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    /** The owner when known (a badge at the kiosk, a booking); null for a walk-up with a code. */
    contactId: text('contact_id').references(() => contacts.id),
    size: text('size', { enum: ['S', 'M', 'L'] }).notNull(),
    /** A booking may name one; the bank still decides when the person arrives. */
    preferredCompartmentId: text('preferred_compartment_id').references(() => compartments.id),
    /** Null while booked; bound at the walk-up or at arrival. */
    compartmentId: text('compartment_id').references(() => compartments.id),
    state: text('state', {
      enum: ['booked', 'active', 'ended', 'emptied', 'cancelled'],
    }).notNull(),
    source: text('source', { enum: ['kiosk', 'booking'] }).notNull(),
    /** The booking's id where it was made (the web page, the cloud): a repeated booking is one. */
    externalId: text('external_id'),
    /** Length of the stay in hours, chosen or fixed by the policy (C6); null: no end time. */
    stayHours: integer('stay_hours'),
    /** Booked: the earliest arrival. Walk-up: when the door first opened. */
    startsAt: integer('starts_at').notNull(),
    /** Booked only: arrival after this lapses the booking. */
    claimUntil: integer('claim_until'),
    /** When the things went in (the door closed on them). */
    startedAt: integer('started_at'),
    /** When the stay ends; null for no end time. Moved later by an extension (F5). */
    endsAt: integer('ends_at'),
    /** F5: the latest `ends_at` an extension may reach; null when extension is not allowed. */
    latestEndAt: integer('latest_end_at'),
    closedAt: integer('closed_at'),
    /** Who closed it: the owner, an operator id, 'system'. */
    closedBy: text('closed_by'),
    /** G3: the operator's reason for emptying it, or why it was cancelled. */
    closeReason: text('close_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('storage_reservation_bank_state').on(table.bankId, table.state, table.endsAt),
    index('storage_reservation_compartment').on(table.compartmentId, table.state),
    index('storage_reservation_contact').on(table.contactId, table.state),
    uniqueIndex('storage_reservation_external')
      .on(table.bankId, table.externalId)
      .where(sql`${table.externalId} IS NOT NULL`),
    check('storage_reservation_size', sql`${table.size} IN ('S', 'M', 'L')`),
    check(
      'storage_reservation_state',
      sql`${table.state} IN ('booked', 'active', 'ended', 'emptied', 'cancelled')`,
    ),
    check('storage_reservation_source', sql`${table.source} IN ('kiosk', 'booking')`),
    check(
      'storage_reservation_active_has_compartment',
      sql`${table.state} <> 'active' OR (${table.compartmentId} IS NOT NULL AND ${table.startedAt} IS NOT NULL)`,
    ),
    check(
      'storage_reservation_closed',
      sql`(${table.state} IN ('booked', 'active')) = (${table.closedAt} IS NULL)`,
    ),
    check(
      'storage_reservation_end',
      sql`${table.endsAt} IS NULL OR ${table.startedAt} IS NULL OR ${table.endsAt} > ${table.startedAt}`,
    ),
    check(
      'storage_reservation_latest_end',
      sql`${table.latestEndAt} IS NULL OR (${table.endsAt} IS NOT NULL AND ${table.latestEndAt} >= ${table.endsAt})`,
    ),
    check(
      'storage_reservation_stay_hours',
      sql`${table.stayHours} IS NULL OR ${table.stayHours} >= 1`,
    ),
  ],
);

/**
 * D3, D4: a compartment reserved for a hand-over that does not come from a carrier. A return: an
 * operator reserves it, the person bringing the item (`sender`) gets a one-time code, drops the
 * item, and the mailroom collects it. An exchange: one person drops (`sender`, with their code),
 * another picks up (`receiver`, whose code is issued and sent when the item is in). The size is
 * reserved; the compartment is bound when the item arrives (sync.md late binding). The item in
 * the locker is a `parcel` row of kind 'return' or 'exchange', so occupancy, the status grid and
 * the pickup of an exchange all work on parcels as before.
 */
export const handovers = sqliteTable(
  'handover',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => lockerBanks.id),
    kind: text('kind', { enum: ['return', 'exchange'] }).notNull(),
    size: text('size', { enum: ['S', 'M', 'L'] }).notNull(),
    senderContactId: text('sender_contact_id')
      .notNull()
      .references(() => contacts.id),
    /** Exchange only: the pick-up party. */
    receiverContactId: text('receiver_contact_id').references(() => contacts.id),
    /** Given by the operator, or generated by the bank for an exchange (D4). */
    trackingNumber: text('tracking_number'),
    /** The item once dropped. */
    parcelId: text('parcel_id').references(() => parcels.id),
    /** Bound at the drop. */
    compartmentId: text('compartment_id').references(() => compartments.id),
    state: text('state', {
      enum: ['awaiting_drop', 'in_locker', 'collected', 'picked_up', 'cancelled'],
    }).notNull(),
    /** The operator who reserved it. */
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The sender's code stops working then; the reservation lapses unused. */
    dropBy: integer('drop_by').notNull(),
    droppedAt: integer('dropped_at'),
    /** Collected by the mailroom (return) or picked up by the receiver (exchange), or cancelled. */
    closedAt: integer('closed_at'),
    closedBy: text('closed_by'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('handover_bank_state').on(table.bankId, table.state, table.createdAt),
    index('handover_parcel').on(table.parcelId),
    check('handover_kind', sql`${table.kind} IN ('return', 'exchange')`),
    check('handover_size', sql`${table.size} IN ('S', 'M', 'L')`),
    check(
      'handover_state',
      sql`${table.state} IN ('awaiting_drop', 'in_locker', 'collected', 'picked_up', 'cancelled')`,
    ),
    check(
      'handover_receiver',
      sql`(${table.kind} = 'exchange') = (${table.receiverContactId} IS NOT NULL)`,
    ),
    check(
      'handover_in_locker',
      sql`${table.state} = 'awaiting_drop' OR ${table.state} = 'cancelled' OR (${table.parcelId} IS NOT NULL AND ${table.compartmentId} IS NOT NULL AND ${table.droppedAt} IS NOT NULL)`,
    ),
    check(
      'handover_closed',
      sql`(${table.state} IN ('awaiting_drop', 'in_locker')) = (${table.closedAt} IS NULL)`,
    ),
    check('handover_drop_by', sql`${table.dropBy} > ${table.createdAt}`),
  ],
);

/**
 * Out of service from the cloud (sync.md "Commands and clocks"): no new deposits into the
 * compartment; a valid pickup still opens it. Kept apart from `compartment.service_state`, which
 * the bank owns (G4 by an operator, X2 automatically), so neither side overwrites the other.
 */
export const compartmentIntents = sqliteTable(
  'compartment_intent',
  {
    compartmentId: text('compartment_id')
      .primaryKey()
      .references(() => compartments.id),
    outOfService: integer('out_of_service', { mode: 'boolean' }).notNull(),
    note: text('note'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [check('compartment_intent_out_of_service', isBoolean(table.outOfService))],
);

/**
 * G5 from the cloud: a remote open command as pulled, and what became of it. The id is recorded
 * with its outcome in one transaction, so a command runs at most once, and never after
 * `expires_at` in server time (local time + `server_offset_ms` measured at the pull).
 */
export const remoteCommands = sqliteTable(
  'remote_command',
  {
    id: text('id').primaryKey(),
    compartmentId: text('compartment_id').notNull(),
    expiresAt: integer('expires_at').notNull(),
    serverOffsetMs: integer('server_offset_ms').notNull(),
    requestedBy: text('requested_by').notNull(),
    reason: text('reason').notNull(),
    state: text('state', { enum: ['pending', 'opened', 'expired', 'refused'] }).notNull(),
    receivedAt: integer('received_at').notNull(),
    doneAt: integer('done_at'),
  },
  (table) => [
    index('remote_command_state').on(table.state),
    check(
      'remote_command_state',
      sql`${table.state} IN ('pending', 'opened', 'expired', 'refused')`,
    ),
  ],
);
