import { eq } from 'drizzle-orm';
import { lockerBanks } from '../schema.js';
import type { KioskReader } from '../transaction.js';

export function findLockerBank(
  reader: KioskReader,
  bankId: string,
): typeof lockerBanks.$inferSelect | undefined {
  return reader.select().from(lockerBanks).where(eq(lockerBanks.id, bankId)).get();
}
