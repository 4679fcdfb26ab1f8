import { and, asc, eq, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { badges } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';
import { credentialHash } from './credential-hash.js';

export type Badge = typeof badges.$inferSelect;

export type BadgeOwner =
  { kind: 'operator'; operatorId: string } | { kind: 'contact'; contactId: string };

export interface BadgeDraft {
  /** credentialHash of the badge's value: the cloud sends only this. */
  valueHash: string;
  owner: BadgeOwner;
  active?: boolean;
}

function ownerColumns(owner: BadgeOwner) {
  return owner.kind === 'operator'
    ? { ownerKind: owner.kind, operatorId: owner.operatorId, contactId: null }
    : { ownerKind: owner.kind, operatorId: null, contactId: owner.contactId };
}

export function insertBadge(
  tx: KioskTx,
  draft: BadgeDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): Badge {
  return tx
    .insert(badges)
    .values({
      id,
      valueHash: draft.valueHash,
      ...ownerColumns(draft.owner),
      active: draft.active ?? true,
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

/** The cloud's put: creates the badge under the cloud's id or replaces it. */
export function upsertBadge(
  tx: KioskTx,
  badgeId: string,
  draft: Required<BadgeDraft>,
  nowMs: number,
): Badge {
  const columns = {
    valueHash: draft.valueHash,
    ...ownerColumns(draft.owner),
    active: draft.active,
  };
  return tx
    .insert(badges)
    .values({ id: badgeId, ...columns, createdAt: nowMs, updatedAt: nowMs })
    .onConflictDoUpdate({ target: badges.id, set: { ...columns, updatedAt: nowMs } })
    .returning()
    .get();
}

/** Only one badge may be active for a value: the others holding it (stale, seeded) stop. */
export function deactivateOtherBadges(
  tx: KioskTx,
  valueHash: string,
  keptByBadgeId: string,
  nowMs: number,
): void {
  tx.update(badges)
    .set({ active: false, updatedAt: nowMs })
    .where(
      and(eq(badges.valueHash, valueHash), eq(badges.active, true), ne(badges.id, keptByBadgeId)),
    )
    .run();
}

export function deleteBadge(tx: KioskTx, badgeId: string): void {
  tx.delete(badges).where(eq(badges.id, badgeId)).run();
}

export function listBadgeIds(reader: KioskReader): string[] {
  return reader
    .select({ id: badges.id })
    .from(badges)
    .all()
    .map((row) => row.id);
}

/**
 * C5, E4: the active badge a scanned value is, if any. The value is what the badge carries: the
 * payload of a Casier badge (`CSR1-OP-<payload>`), or the scanned text of another card.
 */
export function findActiveBadgeByValue(reader: KioskReader, value: string): Badge | undefined {
  return reader
    .select()
    .from(badges)
    .where(and(eq(badges.valueHash, credentialHash(value)), eq(badges.active, true)))
    .get();
}

export function listBadgesOf(reader: KioskReader, owner: BadgeOwner): Badge[] {
  return reader
    .select()
    .from(badges)
    .where(
      owner.kind === 'operator'
        ? eq(badges.operatorId, owner.operatorId)
        : eq(badges.contactId, owner.contactId),
    )
    .orderBy(asc(badges.createdAt), asc(badges.id))
    .all();
}

/** A lost or returned card: it signs nobody in any more, and its value may be issued again. */
export function deactivateBadge(tx: KioskTx, badgeId: string, nowMs: number): Badge | undefined {
  return tx
    .update(badges)
    .set({ active: false, updatedAt: nowMs })
    .where(eq(badges.id, badgeId))
    .returning()
    .get();
}
