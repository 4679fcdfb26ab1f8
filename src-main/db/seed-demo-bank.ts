import { v7 as uuidv7 } from 'uuid';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { KioskDb } from './open-kiosk-database.js';
import { defaultHardwareSettings } from '../hardware/hardware-profile.js';
import { findOnlyBank } from './queries/compartments.js';
import { writeHardwareSettings } from './queries/hardware-settings.js';
import { compartments, lockerBanks } from './schema.js';
import { seedDemoDirectory } from './seed-demo-directory.js';
import { seedDemoParcels } from './seed-demo-parcels.js';

interface DoorSlot {
  size: CompartmentSize;
  bottomCm: number;
  topCm: number;
}

/**
 * One 195 cm column, top door first: small doors at eye height, the large one at the bottom,
 * as most parcel-locker cabinets are built. Doors between 38 and 122 cm are the accessible
 * ones (B5).
 */
const demoColumn: DoorSlot[] = [
  { size: 'S', bottomCm: 165, topCm: 195 },
  { size: 'M', bottomCm: 135, topCm: 165 },
  { size: 'S', bottomCm: 110, topCm: 135 },
  { size: 'S', bottomCm: 85, topCm: 110 },
  { size: 'M', bottomCm: 55, topCm: 85 },
  { size: 'L', bottomCm: 15, topCm: 55 },
];

export const demoBoards = 2;
const columnsPerBoard = 2;

/**
 * Seeds the demo bank of `npm start`: 2 boards × 12 locks = 24 compartments in 4 columns,
 * labelled 1–24 column by column, on KR-CU16 boards 0 and 1, and the demo directory
 * (seed-demo-directory.ts: people, departments, operators, a carrier, badges), and the parcels
 * and reservations every drop-off path starts from (seed-demo-parcels.ts). The serial path
 * is left empty: the launcher knows the device (`npm start` creates a pty) and sets it with
 * `setSerialPath`. One transaction; each part is skipped when the database already has it, so a
 * demo database made before the directory existed gets its people at the next start.
 */
export function seedDemoBank(db: KioskDb, nowMs: number): void {
  db.transaction((tx) => {
    seedDemoDirectory(tx, nowMs);
    if (findOnlyBank(tx)) {
      return;
    }
    const bankId = uuidv7({ msecs: nowMs });
    tx.insert(lockerBanks).values({ id: bankId, name: 'Demo lobby bank', createdAt: nowMs }).run();
    writeHardwareSettings(
      tx,
      bankId,
      {
        ...defaultHardwareSettings('kerong-cu16'),
        boards: Array.from({ length: demoBoards }, (_, board) => board),
      },
      nowMs,
    );
    let label = 1;
    for (let board = 0; board < demoBoards; board++) {
      for (let column = 0; column < columnsPerBoard; column++) {
        demoColumn.forEach((slot, row) => {
          tx.insert(compartments)
            .values({
              id: uuidv7({ msecs: nowMs }),
              bankId,
              label: String(label++),
              size: slot.size,
              doorBottomCm: slot.bottomCm,
              doorTopCm: slot.topCm,
              board,
              channel: column * demoColumn.length + row + 1,
              updatedAt: nowMs,
            })
            .run();
        });
      }
    }
    seedDemoParcels(tx, bankId, nowMs);
  });
}
