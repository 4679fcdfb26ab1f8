import Database from 'better-sqlite3';

/**
 * What must hold in the kiosk database after any crash (issue 4, "Tests"). Each check answers
 * the rows that break it, so a failure names the parcel, code or outbox id at fault.
 */
export interface InvariantReport {
  violations: string[];
  /** How much the database holds: the test also checks the children did real work. */
  counts: { parcelsInLocker: number; parcelsPickedUp: number; outboxRows: number };
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
      'in_locker parcel without an unused pickup code',
      all(`SELECT p.id FROM parcel p WHERE p.state = 'in_locker' AND NOT EXISTS (
             SELECT 1 FROM access_code_parcel l JOIN access_code c ON c.id = l.access_code_id
              WHERE l.parcel_id = p.id AND c.purpose = 'pickup'
                AND c.consumed_at IS NULL AND c.voided_at IS NULL)`),
    );
    const depositedAtKiosk = (rows: Row[]): Row[] =>
      rows.filter((row) => !seededParcelIds.has(String(row['id'])));
    expectNone(
      'in_locker parcel without its ready-for-pickup notice',
      depositedAtKiosk(
        all(`SELECT p.id FROM parcel p WHERE p.state = 'in_locker' AND NOT EXISTS (
               SELECT 1 FROM sync_outbox o, json_each(o.args, '$.parcelIds') j
                WHERE o.name = 'notification.ready_for_pickup' AND j.value = p.id)`),
      ),
    );
    expectNone(
      'in_locker parcel without its parcel.deposited fact',
      depositedAtKiosk(
        all(`SELECT p.id FROM parcel p WHERE p.state = 'in_locker' AND NOT EXISTS (
               SELECT 1 FROM activity_log a WHERE a.type = 'parcel.deposited'
                  AND json_extract(a.details, '$.parcelId') = p.id)`),
      ),
    );

    // Every door opening logged before what it let happen (G5, X2).
    for (const fact of ['parcel.deposited', 'parcel.picked_up']) {
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
    const notices = count(
      "SELECT count(*) FROM sync_outbox WHERE name = 'notification.ready_for_pickup'",
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
      },
    };
  } finally {
    sqlite.close();
  }
}
