/**
 * The ten invariants of sync.md, checked between a bank's SQLite file and the cloud's database
 * once the network has healed. Each check returns the rows that break it, so a failure names
 * the mutation, parcel or entity at fault. (10, crashes, is these same checks after SIGKILLs.)
 */
import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { CloudDb } from '../../src-cloud/db/open-cloud-database.js';
import {
  activities,
  alerts,
  bankParcels,
  deviceMutations,
  devices,
  emailOutbox,
  entities,
} from '../../src-cloud/db/schema.js';
import {
  notificationKinds,
  notificationMutationName,
} from '../../src-shared/sync/queued-notification.js';

export interface SyncCheckScope {
  kiosk: Database.Database;
  cloud: CloudDb;
  tenantId: string;
  bankId: string;
}

export interface SyncInvariantReport {
  violations: string[];
  counts: { mutations: number; activities: number; emails: number; parcelsInLocker: number };
}

type Row = Record<string, unknown>;

export async function checkSyncInvariants(scope: SyncCheckScope): Promise<SyncInvariantReport> {
  const { kiosk, cloud } = scope;
  const violations: string[] = [];
  const fail = (what: string, rows: unknown[]): void => {
    if (rows.length > 0) {
      violations.push(`${what}: ${JSON.stringify(rows.slice(0, 5))}`);
    }
  };
  const device = kiosk.prepare('SELECT * FROM sync_device').get() as Row;
  const deviceId = String(device.device_id);
  const outbox = kiosk
    .prepare('SELECT id, name, args_hash AS hash FROM sync_outbox ORDER BY id')
    .all() as { id: number; name: string; hash: string }[];

  // 1, 3, 4: every committed mutation applied once, with the same hash, as an unbroken prefix.
  const [cloudDevice] = await cloud.select().from(devices).where(eq(devices.id, deviceId));
  const applied = await cloud
    .select()
    .from(deviceMutations)
    .where(eq(deviceMutations.deviceId, deviceId))
    .orderBy(deviceMutations.id);
  const appliedById = new Map(applied.map((row) => [row.id, row]));
  fail(
    '1 mutation committed at the bank but not applied',
    outbox.filter((row) => !appliedById.has(row.id)).map((row) => row.id),
  );
  fail(
    '3 mutation applied with another hash',
    outbox.filter((row) => {
      const stored = appliedById.get(row.id);
      return stored !== undefined && stored.argsHash !== row.hash;
    }),
  );
  fail(
    '4 applied ids are not the prefix 1..n',
    applied.filter((row, index) => row.id !== index + 1).map((row) => row.id),
  );
  fail(
    '1 mutations rejected (a bank fact must never be refused)',
    applied.filter((row) => row.status !== 'applied'),
  );
  if (cloudDevice?.lastMutationId !== outbox.length) {
    violations.push(
      `1 cloud last_mutation_id ${cloudDevice?.lastMutationId} ≠ bank's ${outbox.length}`,
    );
  }
  // 5: the bank's acknowledgement never passes what the cloud holds.
  if (Number(device.acked_mutation_id) > (cloudDevice?.lastMutationId ?? 0)) {
    violations.push(`5 bank acked ${String(device.acked_mutation_id)} beyond the cloud`);
  }
  fail(
    '9 outbox rows still unacked after the network healed',
    (kiosk.prepare('SELECT id FROM sync_outbox WHERE acked_at IS NULL').all() as Row[]).map(
      (row) => row.id,
    ),
  );

  // 2: the activity log arrived exactly once: same ids, same count.
  const kioskActivity = kiosk.prepare('SELECT id, type FROM activity_log').all() as {
    id: string;
    type: string;
  }[];
  const cloudActivity = await cloud
    .select({ id: activities.id, type: activities.type })
    .from(activities)
    .where(eq(activities.bankId, scope.bankId));
  const cloudActivityIds = new Set(cloudActivity.map((row) => row.id));
  fail(
    '2 activity rows missing in the cloud',
    kioskActivity.filter((row) => !cloudActivityIds.has(row.id)),
  );
  if (cloudActivity.length !== kioskActivity.length) {
    violations.push(
      `2 cloud has ${cloudActivity.length} activity rows, the bank ${kioskActivity.length}`,
    );
  }
  // 2: one email per queued notification, never two.
  const notices = kiosk
    .prepare(
      `SELECT json_extract(args, '$.notificationId') AS id FROM sync_outbox
        WHERE name IN (${notificationKinds.map((kind) => `'${notificationMutationName(kind)}'`).join(', ')})`,
    )
    .all() as { id: string }[];
  const emails = await cloud
    .select({ notificationId: emailOutbox.notificationId })
    .from(emailOutbox)
    .where(eq(emailOutbox.bankId, scope.bankId));
  const emailCount = new Map<string, number>();
  for (const email of emails) {
    emailCount.set(email.notificationId, (emailCount.get(email.notificationId) ?? 0) + 1);
  }
  fail(
    '2 notification without exactly one email',
    notices.filter((notice) => emailCount.get(notice.id) !== 1),
  );
  // 2: a parcel is deposited at most once (in the cloud's log, as at the bank).
  const deposits = new Map<string, number>();
  const depositRows = await cloud
    .select({ details: activities.details })
    .from(activities)
    .where(and(eq(activities.bankId, scope.bankId), eq(activities.type, 'parcel.deposited')));
  for (const row of depositRows) {
    const parcelId = String((row.details as { parcelId?: unknown }).parcelId);
    deposits.set(parcelId, (deposits.get(parcelId) ?? 0) + 1);
  }
  fail(
    '2 parcel deposited more than once',
    [...deposits].filter(([, count]) => count > 1),
  );

  // 6: the cloud's physical view equals the bank's, for parcels that went through the flows.
  const kioskInLocker = kiosk
    .prepare(
      `SELECT p.id, p.compartment_id AS compartmentId FROM parcel p
        WHERE p.state = 'in_locker'
          AND EXISTS (SELECT 1 FROM activity_log a WHERE a.type IN ('parcel.deposited', 'handover.dropped')
                        AND json_extract(a.details, '$.parcelId') = p.id)`,
    )
    .all() as { id: string; compartmentId: string }[];
  const cloudParcels = await cloud
    .select()
    .from(bankParcels)
    .where(and(eq(bankParcels.bankId, scope.bankId), eq(bankParcels.state, 'in_locker')));
  const cloudInLocker = new Map(cloudParcels.map((row) => [row.parcelId, row.compartmentId]));
  fail(
    '6 parcel in a locker at the bank, elsewhere in the cloud',
    kioskInLocker.filter((row) => cloudInLocker.get(row.id) !== row.compartmentId),
  );
  const kioskInLockerIds = new Set(kioskInLocker.map((row) => row.id));
  fail(
    '6 parcel in a locker in the cloud, not at the bank',
    cloudParcels.filter((row) => !kioskInLockerIds.has(row.parcelId)).map((row) => row.parcelId),
  );

  // 6: server-owned data: every live cloud entity is at the bank with the same content.
  const live = await cloud
    .select()
    .from(entities)
    .where(and(eq(entities.tenantId, scope.tenantId), eq(entities.deleted, false)));
  const scoped = live.filter((row) => row.bankId === '' || row.bankId === scope.bankId);
  const differs = (row: (typeof live)[number]): boolean => {
    const value = row.value as Record<string, unknown>;
    switch (row.kind) {
      case 'contact': {
        const local = kiosk
          .prepare('SELECT name, email, active FROM contact WHERE id = ?')
          .get(row.id) as Row | undefined;
        return (
          local === undefined ||
          local.name !== value.name ||
          local.email !== value.email ||
          Boolean(local.active) !== value.active
        );
      }
      case 'operator': {
        const local = kiosk
          .prepare('SELECT user_name AS userName, active FROM operator WHERE id = ?')
          .get(row.id) as Row | undefined;
        return (
          local === undefined ||
          local.userName !== value.userName ||
          Boolean(local.active) !== value.active
        );
      }
      case 'compartment_intent': {
        const local = kiosk
          .prepare('SELECT out_of_service AS oos FROM compartment_intent WHERE compartment_id = ?')
          .get(row.id) as Row | undefined;
        return Boolean(local?.oos ?? 0) !== value.outOfService;
      }
      case 'delivery_reservation': {
        const local = kiosk
          .prepare('SELECT state FROM delivery_reservation WHERE id = ?')
          .get(row.id) as Row | undefined;
        // The bank owns what became of it (fulfilled, expired); a cancellation must arrive.
        return (
          local === undefined ||
          (value.state === 'cancelled' && local.state === 'active') ||
          (value.state === 'active' && local.state === 'cancelled')
        );
      }
      case 'remote_open': {
        const local = kiosk.prepare('SELECT state FROM remote_command WHERE id = ?').get(row.id);
        return local === undefined;
      }
      default:
        return false;
    }
  };
  fail(
    '6 cloud entity not at the bank as the cloud has it',
    scoped.filter(differs).map((row) => `${row.kind}:${row.id}`),
  );

  // 7: at most one recipient's parcels per compartment, and no compartment twice per parcel.
  fail(
    '7 compartment holding parcels of two recipients at the bank',
    kiosk
      .prepare(
        `SELECT compartment_id FROM parcel WHERE state = 'in_locker'
          GROUP BY compartment_id
         HAVING COUNT(DISTINCT COALESCE(contact_id, '') || '/' || COALESCE(department_id, '')) > 1`,
      )
      .all(),
  );
  const byCompartment = new Map<string, Set<string>>();
  for (const row of cloudParcels) {
    const set = byCompartment.get(row.compartmentId ?? '') ?? new Set<string>();
    set.add(row.recipientContactId ?? `?${row.parcelId}`);
    byCompartment.set(row.compartmentId ?? '', set);
  }
  fail(
    '7 compartment holding parcels of two recipients in the cloud',
    [...byCompartment].filter(([, recipients]) => recipients.size > 1).map(([id]) => id),
  );

  // 8: a remote open ran at most once, and never after it expired (server time).
  const opened = kiosk
    .prepare(
      `SELECT json_extract(a.details, '$.commandId') AS id, a.wall_time AS at, c.expires_at AS expiresAt,
              c.server_offset_ms AS offset
         FROM activity_log a LEFT JOIN remote_command c ON c.id = json_extract(a.details, '$.commandId')
        WHERE a.type = 'compartment.remote_opened'`,
    )
    .all() as { id: string; at: number; expiresAt: number | null; offset: number | null }[];
  const openedCount = new Map<string, number>();
  for (const row of opened) {
    openedCount.set(row.id, (openedCount.get(row.id) ?? 0) + 1);
  }
  fail(
    '8 remote open ran more than once',
    [...openedCount].filter(([, count]) => count > 1),
  );
  fail(
    '8 remote open ran after its expiry',
    opened.filter((row) => row.expiresAt === null || row.at + (row.offset ?? 0) > row.expiresAt),
  );

  // 3 (alarm side): no hash alarm was raised in a run without a restored database.
  const hashAlarms = await cloud
    .select()
    .from(alerts)
    .where(and(eq(alerts.bankId, scope.bankId), eq(alerts.kind, 'mutation_hash_mismatch')));
  return {
    violations:
      hashAlarms.length > 0 ? [...violations, `3 hash alarms: ${hashAlarms.length}`] : violations,
    counts: {
      mutations: outbox.length,
      activities: kioskActivity.length,
      emails: emails.length,
      parcelsInLocker: kioskInLocker.length,
    },
  };
}
