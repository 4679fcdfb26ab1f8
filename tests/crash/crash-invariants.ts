import Database from 'better-sqlite3';
import {
  notificationKinds,
  notificationMutationName,
} from '../../src-shared/sync/queued-notification.js';

/**
 * What must hold in the kiosk database after any crash (issue 4, "Tests"). Each check answers
 * the rows that break it, so a failure names the parcel, code or outbox id at fault.
 */
export interface InvariantReport {
  violations: string[];
  /** How much the database holds: the test also checks the children did real work. */
  counts: {
    parcelsInLocker: number;
    parcelsPickedUp: number;
    outboxRows: number;
    /** Issue 5: storages that went in, and hand-overs whose item was dropped. */
    storagesStarted: number;
    handoversDropped: number;
  };
}

type Row = Record<string, unknown>;

/**
 * Opens the database read-only (as it was left by the killed child) and runs every check.
 * `seededParcelIds`: parcels the demo seed wrote straight into the tables (an expired one in a
 * compartment, with no notice ever queued); every other parcel went through the kiosk's flows.
 */
export function checkCrashInvariants(
  file: string,
  seededParcelIds: ReadonlySet<string>,
): InvariantReport {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string): Row[] => sqlite.prepare(sql).all() as Row[];
    const count = (sql: string): number => Number(Object.values(all(sql)[0] ?? {})[0] ?? 0);
    const violations: string[] = [];
    const expectNone = (what: string, rows: Row[]): void => {
      if (rows.length > 0) {
        violations.push(`${what}: ${JSON.stringify(rows.slice(0, 5))}`);
      }
    };

    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      violations.push(`integrity_check: ${String(integrity)}`);
    }
    expectNone('foreign_key_check', sqlite.pragma('foreign_key_check') as Row[]);

    // Parcels and compartments.
    expectNone(
      'in_locker parcel without exactly one compartment and a deposit time',
      all(`SELECT id FROM parcel WHERE state = 'in_locker'
             AND (compartment_id IS NULL OR deposited_at IS NULL
                  OR compartment_id NOT IN (SELECT id FROM compartment))`),
    );
    expectNone(
      'compartment holding parcels of two parties',
      all(`SELECT compartment_id,
                  count(DISTINCT coalesce('c:' || contact_id, 'd:' || department_id)) AS parties
             FROM parcel WHERE state = 'in_locker'
            GROUP BY compartment_id HAVING parties > 1`),
    );
    expectNone(
      'parcel deposited twice (a second parcel.deposited fact for one parcel)',
      all(`SELECT json_extract(details, '$.parcelId') AS parcel_id, count(*) AS n
             FROM activity_log WHERE type = 'parcel.deposited'
            GROUP BY parcel_id HAVING n > 1`),
    );

    // Codes (X3): single use, never both ended ways, never alive once its parcel is gone.
    expectNone(
      'code both consumed and voided',
      all(`SELECT id FROM access_code WHERE consumed_at IS NOT NULL AND voided_at IS NOT NULL`),
    );
    expectNone(
      'consumed code whose parcel is still there',
      all(`SELECT c.id, p.state FROM access_code c
             JOIN access_code_parcel l ON l.access_code_id = c.id
             JOIN parcel p ON p.id = l.parcel_id
            WHERE c.consumed_at IS NOT NULL AND p.state NOT IN ('picked_up', 'removed')`),
    );
    expectNone(
      'code still active for a parcel already taken',
      all(`SELECT c.id, p.state FROM access_code c
             JOIN access_code_parcel l ON l.access_code_id = c.id
             JOIN parcel p ON p.id = l.parcel_id
            WHERE p.state IN ('picked_up', 'removed')
              AND c.consumed_at IS NULL AND c.voided_at IS NULL
              AND c.expires_at > coalesce(p.picked_up_at, p.removed_at)`),
    );
    expectNone(
      'in_locker parcel (not a return) without an unused pickup code',
      all(`SELECT p.id FROM parcel p WHERE p.state = 'in_locker' AND p.kind <> 'return' AND NOT EXISTS (
             SELECT 1 FROM access_code_parcel l JOIN access_code c ON c.id = l.access_code_id
              WHERE l.parcel_id = p.id AND c.purpose = 'pickup'
                AND c.consumed_at IS NULL AND c.voided_at IS NULL)`),
    );
    const depositedAtKiosk = (rows: Row[]): Row[] =>
      rows.filter((row) => !seededParcelIds.has(String(row['id'])));
    expectNone(
      'in_locker parcel without its notice (ready for pickup, or the exchange is in)',
      depositedAtKiosk(
        all(`SELECT p.id FROM parcel p WHERE p.state = 'in_locker' AND p.kind <> 'return'
               AND NOT EXISTS (
               SELECT 1 FROM sync_outbox o, json_each(o.args, '$.parcelIds') j
                WHERE o.name = CASE p.kind WHEN 'exchange' THEN 'notification.exchange_ready'
                                           ELSE 'notification.ready_for_pickup' END
                  AND j.value = p.id)`),
      ),
    );
    expectNone(
      'in_locker parcel without the fact that put it there (parcel.deposited, handover.dropped)',
      depositedAtKiosk(
        all(`SELECT p.id FROM parcel p WHERE p.state = 'in_locker' AND NOT EXISTS (
               SELECT 1 FROM activity_log a
                WHERE a.type = CASE p.kind WHEN 'delivery' THEN 'parcel.deposited'
                                           ELSE 'handover.dropped' END
                  AND json_extract(a.details, '$.parcelId') = p.id)`),
      ),
    );

    // Storage (F1–F5): one thing per compartment, one live code per running storage.
    expectNone(
      'compartment with a running storage and a parcel, or two running storages',
      all(`SELECT s.compartment_id FROM storage_reservation s
            WHERE s.state = 'active' AND (
              EXISTS (SELECT 1 FROM parcel p WHERE p.state = 'in_locker'
                         AND p.compartment_id = s.compartment_id)
              OR (SELECT count(*) FROM storage_reservation o WHERE o.state = 'active'
                     AND o.compartment_id = s.compartment_id) > 1)`),
    );
    expectNone(
      'running or booked storage without exactly one usable code',
      all(`SELECT s.id FROM storage_reservation s WHERE s.state IN ('active', 'booked')
             AND (SELECT count(*) FROM access_code c WHERE c.target_id = s.id
                     AND c.purpose = 'storage' AND c.consumed_at IS NULL AND c.voided_at IS NULL) <> 1`),
    );
    expectNone(
      'finished storage whose code still works',
      all(`SELECT s.id FROM storage_reservation s
             JOIN access_code c ON c.target_id = s.id AND c.purpose = 'storage'
            WHERE s.state IN ('ended', 'emptied', 'cancelled')
              AND c.consumed_at IS NULL AND c.voided_at IS NULL`),
    );

    // Returns and exchanges (D3, D4): the hand-over and its parcel move together.
    expectNone(
      'hand-over in a locker whose parcel is not in that compartment (or the reverse)',
      all(`SELECT h.id FROM handover h LEFT JOIN parcel p ON p.id = h.parcel_id
            WHERE (h.state = 'in_locker'
                    AND (p.state IS NOT 'in_locker' OR p.compartment_id IS NOT h.compartment_id)
                    AND NOT (h.kind = 'exchange' AND p.state = 'picked_up'))
               OR (h.state = 'collected' AND p.state IS NOT 'returned')
          UNION ALL
           SELECT p.id FROM parcel p WHERE p.kind <> 'delivery' AND NOT EXISTS (
             SELECT 1 FROM handover h WHERE h.parcel_id = p.id)`),
    );
    expectNone(
      'dropped hand-over whose sender code still works',
      all(`SELECT h.id FROM handover h JOIN access_code c ON c.target_id = h.id
            WHERE h.state <> 'awaiting_drop' AND c.purpose IN ('return', 'exchange_drop_off')
              AND c.consumed_at IS NULL AND c.voided_at IS NULL`),
    );

    // Every door opening logged before what it let happen (G5, X2).
    for (const fact of [
      'parcel.deposited',
      'parcel.picked_up',
      'storage.started',
      'storage.ended',
      'handover.dropped',
      'handover.collected',
    ]) {
      expectNone(
        `${fact} without an earlier compartment.unlock_requested for its compartment`,
        all(`SELECT a.id, a.compartment_id FROM activity_log a
              WHERE a.type = '${fact}' AND NOT EXISTS (
                SELECT 1 FROM activity_log u
                 WHERE u.type = 'compartment.unlock_requested'
                   AND u.compartment_id = a.compartment_id AND u.hlc < a.hlc)`),
      );
    }
    // Each deposit had a door opening of its own: on every compartment, the n-th deposit
    // comes after at least n unlock requests.
    expectNone(
      'more deposits into a compartment than door openings before them',
      all(`SELECT a.id, a.compartment_id FROM activity_log a
            WHERE a.type = 'parcel.deposited'
              AND (SELECT count(*) FROM activity_log d WHERE d.type = 'parcel.deposited'
                      AND d.compartment_id = a.compartment_id AND d.hlc <= a.hlc)
                > (SELECT count(*) FROM activity_log u WHERE u.type = 'compartment.unlock_requested'
                      AND u.compartment_id = a.compartment_id AND u.hlc < a.hlc)`),
    );

    // The sync outbox: ids 1..n without a gap, n the last mutation id, a row per activity row.
    const outbox = all(
      'SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM sync_outbox',
    )[0]!;
    const lastMutationId = count('SELECT last_mutation_id FROM sync_device');
    const rows = Number(outbox['n']);
    if (rows > 0 && (outbox['first'] !== 1 || outbox['last'] !== rows)) {
      violations.push(
        `outbox ids not contiguous from 1: ${rows} rows, ids ${String(outbox['first'])}..${String(outbox['last'])}`,
      );
    }
    if (lastMutationId !== rows) {
      violations.push(`sync_device.last_mutation_id ${lastMutationId} but ${rows} outbox rows`);
    }
    expectNone(
      'activity row without its outbox row',
      all(`SELECT a.id, a.type FROM activity_log a
             LEFT JOIN (SELECT name, json_extract(args, '$.activityId') AS activity_id
                          FROM sync_outbox) o ON o.activity_id = a.id AND o.name = a.type
            WHERE o.activity_id IS NULL`),
    );
    const facts = count(
      "SELECT count(*) FROM sync_outbox WHERE json_extract(args, '$.activityId') IS NOT NULL",
    );
    // Every kind of notice the kiosk queues (not the 'notification.queued' facts about them).
    const noticeNames = notificationKinds.map((kind) => `'${notificationMutationName(kind)}'`);
    const notices = count(
      `SELECT count(*) FROM sync_outbox WHERE name IN (${noticeNames.join(', ')})`,
    );
    const activities = count('SELECT count(*) FROM activity_log');
    if (facts !== activities || facts + notices !== rows) {
      violations.push(
        `outbox of ${rows} rows holds ${facts} facts and ${notices} notices for ${activities} activity rows`,
      );
    }

    return {
      violations,
      counts: {
        parcelsInLocker: count("SELECT count(*) FROM parcel WHERE state = 'in_locker'"),
        parcelsPickedUp: count("SELECT count(*) FROM parcel WHERE state = 'picked_up'"),
        outboxRows: rows,
        storagesStarted: count("SELECT count(*) FROM activity_log WHERE type = 'storage.started'"),
        handoversDropped: count(
          "SELECT count(*) FROM activity_log WHERE type = 'handover.dropped'",
        ),
      },
    };
  } finally {
    sqlite.close();
  }
}
