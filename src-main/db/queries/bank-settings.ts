import { eq } from 'drizzle-orm';
import { BankSettings, defaultBankSettings } from '../../../src-shared/domain/bank-settings.js';
import { bankSettings } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

/**
 * What the bank's settings row holds. A row that no longer parses (a hand-edited file, a
 * document from a newer build) gives the defaults so the kiosk still starts; `invalidFields`
 * names what was wrong (never the values) for the caller to log.
 */
export type StoredBankSettings =
  | { state: 'stored'; settings: BankSettings }
  | { state: 'missing'; settings: BankSettings }
  | { state: 'invalid'; settings: BankSettings; invalidFields: string[] };

export function readBankSettings(reader: KioskReader, bankId: string): StoredBankSettings {
  const row = reader.select().from(bankSettings).where(eq(bankSettings.bankId, bankId)).get();
  if (!row) {
    return { state: 'missing', settings: defaultBankSettings };
  }
  const parsed = BankSettings.safeParse(parseJson(row.document));
  if (!parsed.success) {
    const invalidFields = parsed.error.issues.map((issue) => issue.path.join('.') || '(document)');
    return { state: 'invalid', settings: defaultBankSettings, invalidFields };
  }
  return { state: 'stored', settings: parsed.data };
}

/** The bank's settings, or the defaults when it has none (or none that parse). */
export function loadBankSettings(reader: KioskReader, bankId: string): BankSettings {
  return readBankSettings(reader, bankId).settings;
}

/** Creates or replaces the bank's settings row (parsed again: nothing unchecked is stored). */
export function saveBankSettings(
  tx: KioskTx,
  bankId: string,
  settings: BankSettings,
  nowMs: number,
): void {
  const document = JSON.stringify(BankSettings.parse(settings));
  tx.insert(bankSettings)
    .values({ bankId, document, updatedAt: nowMs })
    .onConflictDoUpdate({ target: bankSettings.bankId, set: { document, updatedAt: nowMs } })
    .run();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The cloud withdrew the bank's settings: back to the defaults. */
export function deleteBankSettings(tx: KioskTx, bankId: string): void {
  tx.delete(bankSettings).where(eq(bankSettings.bankId, bankId)).run();
}

export function hasBankSettings(reader: KioskReader, bankId: string): boolean {
  return (
    reader
      .select({ bankId: bankSettings.bankId })
      .from(bankSettings)
      .where(eq(bankSettings.bankId, bankId))
      .get() !== undefined
  );
}
