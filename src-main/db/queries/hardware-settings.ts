import { eq } from 'drizzle-orm';
import { BankHardwareSettings } from '../../../src-shared/domain/hardware-profile.js';
import { defaultHardwareSettings } from '../../hardware/hardware-profile.js';
import type { KioskDb } from '../open-kiosk-database.js';
import { bankHardware } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

/**
 * The bank's stored hardware settings, validated: a row that no longer parses is a bug or a
 * hand-edited file, and driving locks from a guess is worse than refusing to start.
 */
export function readHardwareSettings(
  reader: KioskReader,
  bankId: string,
): BankHardwareSettings | undefined {
  const row = reader.select().from(bankHardware).where(eq(bankHardware.bankId, bankId)).get();
  if (!row) {
    return undefined;
  }
  const parsed = BankHardwareSettings.safeParse(JSON.parse(row.settings));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`The stored hardware settings of bank ${bankId} are not valid (${fields}).`);
  }
  return parsed.data;
}

/** Creates or replaces the bank's settings row (validated again: nothing unchecked is stored). */
export function writeHardwareSettings(
  tx: KioskTx,
  bankId: string,
  settings: BankHardwareSettings,
  nowMs: number,
): void {
  const json = JSON.stringify(BankHardwareSettings.parse(settings));
  tx.insert(bankHardware)
    .values({ bankId, settings: json, updatedAt: nowMs })
    .onConflictDoUpdate({ target: bankHardware.bankId, set: { settings: json, updatedAt: nowMs } })
    .run();
}

/**
 * Points the bank at another serial device, keeping every other setting. For launchers that
 * know the device and nothing else (`npm start` and its pty); operators change the path through
 * the hardware profile service, which validates and records it. A bank never commissioned (a
 * database from before issue 3) keeps no lock hardware (protocol 'none', as
 * loadHardwareProfile reads it) and only remembers the device for the commissioning screen:
 * the launcher names a device, not a board protocol, and nothing is driven from a guess.
 */
export function setSerialPath(
  db: KioskDb,
  bankId: string,
  serialPath: string,
  nowMs: number,
): BankHardwareSettings {
  return db.transaction((tx) => {
    const current = readHardwareSettings(tx, bankId) ?? defaultHardwareSettings('none');
    const updated = { ...current, serialPath };
    writeHardwareSettings(tx, bankId, updated, nowMs);
    return updated;
  });
}
