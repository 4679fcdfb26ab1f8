import { and, asc, eq } from 'drizzle-orm';
import type { CompartmentWiring } from '../../../src-shared/domain/hardware-profile.js';
import { compartments } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

/** How each compartment of the bank is built and wired, in bus order (board, then channel). */
export function listCompartmentWiring(reader: KioskReader, bankId: string): CompartmentWiring[] {
  return reader
    .select({
      id: compartments.id,
      label: compartments.label,
      size: compartments.size,
      doorBottomCm: compartments.doorBottomCm,
      doorTopCm: compartments.doorTopCm,
      board: compartments.board,
      channel: compartments.channel,
    })
    .from(compartments)
    .where(eq(compartments.bankId, bankId))
    .orderBy(asc(compartments.board), asc(compartments.channel))
    .all();
}

/**
 * Writes new wiring for existing compartments. SQLite checks the unique (label) and
 * (board, channel) indexes row by row, so swapping two labels or two locks would collide half
 * way: every changed row first moves to a placeholder no real row can hold (a negative board,
 * a label longer than the 16 characters a real one may have), then takes its final values. The caller validated the final set.
 */
export function rewireCompartments(
  tx: KioskTx,
  bankId: string,
  changed: readonly CompartmentWiring[],
  nowMs: number,
): void {
  changed.forEach((wiring, index) => {
    tx.update(compartments)
      .set({ label: `rewiring:${wiring.id}`, board: -1 - index, updatedAt: nowMs })
      .where(and(eq(compartments.id, wiring.id), eq(compartments.bankId, bankId)))
      .run();
  });
  for (const wiring of changed) {
    tx.update(compartments)
      .set({
        label: wiring.label,
        size: wiring.size,
        doorBottomCm: wiring.doorBottomCm,
        doorTopCm: wiring.doorTopCm,
        board: wiring.board,
        channel: wiring.channel,
        updatedAt: nowMs,
      })
      .where(and(eq(compartments.id, wiring.id), eq(compartments.bankId, bankId)))
      .run();
  }
}
