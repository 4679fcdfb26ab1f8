import { eq } from 'drizzle-orm';
import type { AllocationParty } from '../../../src-shared/allocation/index.js';
import { compartmentDedications, compartments } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

/** D5: which compartments of the bank are kept for whom. */
export function listDedications(reader: KioskReader, bankId: string): Map<string, AllocationParty> {
  const rows = reader
    .select({
      compartmentId: compartmentDedications.compartmentId,
      contactId: compartmentDedications.contactId,
      departmentId: compartmentDedications.departmentId,
    })
    .from(compartmentDedications)
    .innerJoin(compartments, eq(compartments.id, compartmentDedications.compartmentId))
    .where(eq(compartments.bankId, bankId))
    .all();
  return new Map(
    rows.map((row): [string, AllocationParty] => [
      row.compartmentId,
      row.contactId !== null
        ? { kind: 'recipient', id: row.contactId }
        : { kind: 'department', id: row.departmentId ?? '' },
    ]),
  );
}

export function dedicateCompartment(
  tx: KioskTx,
  compartmentId: string,
  party: AllocationParty,
  nowMs: number,
): void {
  tx.insert(compartmentDedications)
    .values({
      compartmentId,
      contactId: party.kind === 'recipient' ? party.id : null,
      departmentId: party.kind === 'department' ? party.id : null,
      createdAt: nowMs,
    })
    .run();
}
