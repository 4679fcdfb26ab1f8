import { eq } from 'drizzle-orm';
import { lockerBanks } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export function findLockerBank(
  reader: KioskReader,
  bankId: string,
): typeof lockerBanks.$inferSelect | undefined {
  return reader.select().from(lockerBanks).where(eq(lockerBanks.id, bankId)).get();
}

/** The bank profile from the cloud: the name the kiosk and its notices show. */
export function renameLockerBank(tx: KioskTx, bankId: string, name: string): void {
  tx.update(lockerBanks).set({ name }).where(eq(lockerBanks.id, bankId)).run();
}
