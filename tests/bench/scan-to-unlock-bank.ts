import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { kioskMigrationsFolder } from '../../src-main/app-root.js';
import { defaultHardwareSettings } from '../../src-main/hardware/hardware-profile.js';
import { openKioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { findOnlyBank } from '../../src-main/db/queries/compartments.js';
import { writeHardwareSettings } from '../../src-main/db/queries/hardware-settings.js';
import { ensureSyncIdentity } from '../../src-main/db/queries/sync-device.js';
import { seedDemoBank } from '../../src-main/db/seed-demo-bank.js';
import { formatHlc } from '../../src-shared/time/hlc.js';
import { largeBank, seededRandom } from './allocation-bank.js';

/** What the scan_to_unlock bench built, for its report. */
export interface BigBankShape {
  compartments: number;
  parcelsInLocker: number;
  reservations: number;
  activityRows: number;
}

const channelsPerBoard = 50;
const deviceId = 'bench-bank';

/**
 * A kiosk database as a big, long-running bank has it: the demo directory (300 contacts,
 * operators and their badges), 1,000 compartments on 20 XOR-8A boards of 50 locks (the layout
 * of allocation-bank.ts: columns of S/M/L doors from 5 cm to 2 m), a few hundred parcels in
 * compartments, active reservations, and a million activity rows of years of door traffic.
 * Written before the core starts, with raw prepared statements in one transaction each: the
 * flows only ever read these rows.
 */
export function buildBigBank(
  dataDir: string,
  options: { compartments: number; activityRows: number; nowMs: number },
): BigBankShape {
  const database = openKioskDatabase({
    file: join(dataDir, 'kiosk.sqlite'),
    migrationsFolder: kioskMigrationsFolder(),
  });
  const { db, sqlite } = database;
  try {
    const { nowMs } = options;
    ensureSyncIdentity(db, deviceId);
    seedDemoBank(db, nowMs - 30 * 86_400_000);
    const bank = findOnlyBank(db)!;
    const layout = largeBank(options.compartments, 2026).compartments;
    const random = seededRandom(7);
    const contacts = (
      sqlite.prepare('SELECT id FROM contact WHERE active = 1').all() as {
        id: string;
      }[]
    ).map((row) => row.id);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const shape: BigBankShape = {
      compartments: layout.length,
      parcelsInLocker: 0,
      reservations: 0,
      activityRows: options.activityRows,
    };

    db.transaction((tx) => {
      writeHardwareSettings(
        tx,
        bank.id,
        {
          ...defaultHardwareSettings('xor-8a'),
          boards: Array.from(
            { length: Math.ceil(layout.length / channelsPerBoard) },
            (_, index) => index + 1,
          ),
        },
        nowMs,
      );
      // The demo's 24 compartments become the first 24 of the big bank (their parcels stay).
      const existing = (
        sqlite.prepare('SELECT id FROM compartment ORDER BY board, channel').all() as {
          id: string;
        }[]
      ).map((row) => row.id);
      sqlite.prepare('UPDATE compartment SET channel = channel + 100').run();
      const update = sqlite.prepare(
        `UPDATE compartment SET label = ?, size = ?, door_bottom_cm = ?, door_top_cm = ?,
                board = ?, channel = ? WHERE id = ?`,
      );
      const insert = sqlite.prepare(
        `INSERT INTO compartment (id, bank_id, label, size, door_bottom_cm, door_top_cm, board,
                                  channel, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertParcel = sqlite.prepare(
        `INSERT INTO parcel (id, bank_id, tracking_number, contact_id, size, state,
                             compartment_id, received_at, deposited_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'in_locker', ?, ?, ?, ?)`,
      );
      const insertReservation = sqlite.prepare(
        `INSERT INTO delivery_reservation (id, bank_id, contact_id, size, compartment_id, state,
                                           created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
      );
      layout.forEach((slot, index) => {
        const id = existing[index] ?? uuidv7({ msecs: nowMs });
        const wiring = [1 + Math.floor(index / channelsPerBoard), 1 + (index % channelsPerBoard)];
        const row = [slot.label, slot.size, slot.doorBottomCm, slot.doorTopCm, ...wiring];
        if (index < existing.length) {
          update.run(...row, id);
        } else {
          insert.run(id, bank.id, ...row.slice(0, 4), ...wiring, nowMs);
        }
        if (index < existing.length) {
          return;
        }
        // About half the compartments the layout calls occupied get a parcel: a few hundred.
        if (slot.occupancy.state === 'occupied' && random() < 0.5) {
          const depositedAt = nowMs - Math.floor(random() * 3 * 86_400_000);
          insertParcel.run(
            uuidv7({ msecs: depositedAt }),
            bank.id,
            `BENCH${index}`,
            pick(contacts),
            slot.size,
            id,
            depositedAt,
            depositedAt,
            depositedAt,
          );
          shape.parcelsInLocker++;
        } else if (slot.occupancy.state === 'reserved') {
          insertReservation.run(
            uuidv7({ msecs: nowMs }),
            bank.id,
            pick(contacts),
            slot.size,
            id,
            nowMs - 3_600_000,
            nowMs + 7 * 86_400_000,
          );
          shape.reservations++;
        }
      });
    });

    insertActivityHistory(sqlite, bank.id, options.activityRows, nowMs);
    return shape;
  } finally {
    database.close();
  }
}

/** Years of door traffic before `nowMs`, oldest first, spread over every compartment. */
function insertActivityHistory(
  sqlite: ReturnType<typeof openKioskDatabase>['sqlite'],
  bankId: string,
  rows: number,
  nowMs: number,
): void {
  const compartmentIds = (
    sqlite.prepare('SELECT id FROM compartment').all() as { id: string }[]
  ).map((row) => row.id);
  const types = [
    'compartment.unlock_requested',
    'compartment.unlock_observed',
    'door.opened',
    'door.closed',
  ] as const;
  const insert = sqlite.prepare(
    `INSERT INTO activity_log (id, bank_id, type, compartment_id, actor, details, wall_time, hlc)
     VALUES (?, ?, ?, ?, 'operator:history', ?, ?, ?)`,
  );
  // uuid's own randomness costs a getRandomValues call per id, most of a million rows' setup;
  // ids stay unique through their distinct timestamps.
  const random = new Uint8Array(16).fill(7);
  const stepMs = 60_000;
  const firstMs = nowMs - (rows + 1) * stepMs;
  sqlite.transaction(() => {
    for (let index = 0; index < rows; index++) {
      const wallMs = firstMs + index * stepMs;
      const compartmentId = compartmentIds[index % compartmentIds.length]!;
      insert.run(
        uuidv7({ msecs: wallMs, random }),
        bankId,
        types[index % types.length],
        compartmentId,
        '{"history":true}',
        wallMs,
        formatHlc({ wallMs, counter: 0, node: deviceId }),
      );
    }
  })();
}
