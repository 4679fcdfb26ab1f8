import { and, eq } from 'drizzle-orm';
import { compartmentIntents, compartments } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export interface CompartmentIntent {
  outOfService: boolean;
  note: string | null;
}

/** The cloud's put (sync.md "Commands and clocks"): one row per compartment. */
export function upsertCompartmentIntent(
  tx: KioskTx,
  compartmentId: string,
  intent: CompartmentIntent,
  nowMs: number,
): void {
  tx.insert(compartmentIntents)
    .values({ compartmentId, ...intent, updatedAt: nowMs })
    .onConflictDoUpdate({
      target: compartmentIntents.compartmentId,
      set: { ...intent, updatedAt: nowMs },
    })
    .run();
}

/** The cloud withdrew its intent: the compartment takes deposits again (if the bank agrees). */
export function deleteCompartmentIntent(tx: KioskTx, compartmentId: string): void {
  tx.delete(compartmentIntents).where(eq(compartmentIntents.compartmentId, compartmentId)).run();
}

/** Compartments of the bank that have an intent row, whatever it says. */
export function listCompartmentIntentIds(reader: KioskReader, bankId: string): string[] {
  return reader
    .select({ compartmentId: compartmentIntents.compartmentId })
    .from(compartmentIntents)
    .innerJoin(compartments, eq(compartments.id, compartmentIntents.compartmentId))
    .where(eq(compartments.bankId, bankId))
    .all()
    .map((row) => row.compartmentId);
}

/**
 * Compartments the cloud put out of service, with its note: no new deposits go there; pickups,
 * removals and operator opens still do (sync.md). A few rows: read at each allocation.
 */
export function listCloudOutOfService(
  reader: KioskReader,
  bankId: string,
): Map<string, string | null> {
  return new Map(
    reader
      .select({ compartmentId: compartmentIntents.compartmentId, note: compartmentIntents.note })
      .from(compartmentIntents)
      .innerJoin(compartments, eq(compartments.id, compartmentIntents.compartmentId))
      .where(and(eq(compartments.bankId, bankId), eq(compartmentIntents.outOfService, true)))
      .all()
      .map((row) => [row.compartmentId, row.note]),
  );
}
