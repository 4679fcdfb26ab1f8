import { asc, eq } from 'drizzle-orm';
import { compartments, lockerBanks } from '../schema.js';
import type { KioskReader } from '../transaction.js';

export type CompartmentRow = typeof compartments.$inferSelect;
export type LockerBankRow = typeof lockerBanks.$inferSelect;

export function findOnlyBank(reader: KioskReader): LockerBankRow | undefined {
  return reader.select().from(lockerBanks).orderBy(asc(lockerBanks.createdAt)).limit(1).get();
}

export function listCompartments(reader: KioskReader, bankId: string): CompartmentRow[] {
  return reader
    .select()
    .from(compartments)
    .where(eq(compartments.bankId, bankId))
    .orderBy(asc(compartments.board), asc(compartments.channel))
    .all();
}

export function findCompartment(
  reader: KioskReader,
  compartmentId: string,
): CompartmentRow | undefined {
  return reader.select().from(compartments).where(eq(compartments.id, compartmentId)).get();
}
