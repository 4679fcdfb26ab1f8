import { and, asc, eq, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { carriers } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';
import { credentialHash } from './credential-hash.js';

export type CarrierAccount = typeof carriers.$inferSelect;

export interface CarrierDraft {
  name: string;
  /** credentialHash of the sign-in QR payload; the cloud issues codes and sends only this. */
  codeHash: string;
  active?: boolean;
}

export function insertCarrier(
  tx: KioskTx,
  draft: CarrierDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): CarrierAccount {
  const name = draft.name.trim();
  if (name === '') {
    throw new RangeError('A carrier needs a name.');
  }
  return tx
    .insert(carriers)
    .values({
      id,
      name,
      codeHash: draft.codeHash,
      active: draft.active ?? true,
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

/** The cloud's put: creates the carrier under the cloud's id or replaces it. */
export function upsertCarrier(
  tx: KioskTx,
  carrierId: string,
  draft: Required<CarrierDraft>,
  nowMs: number,
): CarrierAccount {
  const name = draft.name.trim();
  if (name === '') {
    throw new RangeError('A carrier needs a name.');
  }
  const columns = { name, codeHash: draft.codeHash, active: draft.active };
  return tx
    .insert(carriers)
    .values({ id: carrierId, ...columns, createdAt: nowMs, updatedAt: nowMs })
    .onConflictDoUpdate({ target: carriers.id, set: { ...columns, updatedAt: nowMs } })
    .returning()
    .get();
}

/**
 * Sign-in codes are unique: when the cloud gives a code to a carrier, another local row still
 * holding it (stale or seeded) is deactivated and given a digest no QR code produces.
 */
export function releaseCarrierCode(
  tx: KioskTx,
  codeHash: string,
  keptByCarrierId: string,
  nowMs: number,
): void {
  const holders = tx
    .select({ id: carriers.id })
    .from(carriers)
    .where(and(eq(carriers.codeHash, codeHash), ne(carriers.id, keptByCarrierId)))
    .all();
  for (const { id } of holders) {
    tx.update(carriers)
      .set({
        codeHash: credentialHash(`released-carrier-code:${id}`),
        active: false,
        updatedAt: nowMs,
      })
      .where(eq(carriers.id, id))
      .run();
  }
}

export function deleteCarrier(tx: KioskTx, carrierId: string): void {
  tx.delete(carriers).where(eq(carriers.id, carrierId)).run();
}

export function findCarrier(reader: KioskReader, carrierId: string): CarrierAccount | undefined {
  return reader.select().from(carriers).where(eq(carriers.id, carrierId)).get();
}

/** C4, D10: the carrier a scanned sign-in QR payload belongs to, if it is still active. */
export function findActiveCarrierByCode(
  reader: KioskReader,
  codePayload: string,
): CarrierAccount | undefined {
  return reader
    .select()
    .from(carriers)
    .where(and(eq(carriers.codeHash, credentialHash(codePayload)), eq(carriers.active, true)))
    .get();
}

export function listCarriers(reader: KioskReader): CarrierAccount[] {
  return reader.select().from(carriers).orderBy(asc(carriers.name)).all();
}

export function setCarrierActive(
  tx: KioskTx,
  carrierId: string,
  active: boolean,
  nowMs: number,
): CarrierAccount | undefined {
  return tx
    .update(carriers)
    .set({ active, updatedAt: nowMs })
    .where(eq(carriers.id, carrierId))
    .returning()
    .get();
}
