import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { parsePasswordHash } from '../../../src-shared/domain/password-hash.js';
import { OperatorRole } from '../../../src-shared/domain/roles.js';
import { operators } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export type Operator = typeof operators.$inferSelect;

export interface OperatorDraft {
  userName: string;
  displayName: string;
  /** Already hashed (src-main/auth/password-hash.ts); this layer never sees a password. */
  passwordHash: string;
  role: OperatorRole;
  active?: boolean;
}

/**
 * An account's failed sign-ins, shaped like src-main/auth/lockout-store.ts's AccountLockState
 * so the operator row can be that store.
 */
export interface SignInFailures {
  failures: number;
  lastFailureAtMs: number;
  lockedUntilMs: number | null;
}

export function insertOperator(
  tx: KioskTx,
  draft: OperatorDraft,
  nowMs: number,
  id: string = uuidv7({ msecs: nowMs }),
): Operator {
  if (!parsePasswordHash(draft.passwordHash)) {
    throw new RangeError(`The password hash of operator ${id} is not a $scrypt$ hash.`);
  }
  const displayName = draft.displayName.trim();
  if (displayName === '') {
    throw new RangeError('An operator needs a display name.');
  }
  return tx
    .insert(operators)
    .values({
      id,
      userName: validUserName(draft.userName),
      displayName,
      passwordHash: draft.passwordHash,
      role: OperatorRole.parse(draft.role),
      active: draft.active ?? true,
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .returning()
    .get();
}

/**
 * The cloud's put: creates the operator under the cloud's id or replaces what the cloud owns of
 * it. The failed sign-in count and lock are the bank's (A8) and are never overwritten.
 */
export function upsertOperator(
  tx: KioskTx,
  operatorId: string,
  draft: Required<OperatorDraft>,
  nowMs: number,
): Operator {
  if (!parsePasswordHash(draft.passwordHash)) {
    throw new RangeError(`The password hash of operator ${operatorId} is not a $scrypt$ hash.`);
  }
  const displayName = draft.displayName.trim();
  if (displayName === '') {
    throw new RangeError('An operator needs a display name.');
  }
  const columns = {
    userName: validUserName(draft.userName),
    displayName,
    passwordHash: draft.passwordHash,
    role: OperatorRole.parse(draft.role),
    active: draft.active,
  };
  return tx
    .insert(operators)
    .values({ id: operatorId, ...columns, createdAt: nowMs, updatedAt: nowMs })
    .onConflictDoUpdate({ target: operators.id, set: { ...columns, updatedAt: nowMs } })
    .returning()
    .get();
}

/**
 * User names are unique: when the cloud gives one to an operator, another local row still holding
 * it (stale or seeded) is deactivated and renamed to its own id, which nobody types.
 */
export function releaseUserName(
  tx: KioskTx,
  userName: string,
  keptByOperatorId: string,
  nowMs: number,
): void {
  tx.update(operators)
    .set({ userName: sql`'~' || ${operators.id}`, active: false, updatedAt: nowMs })
    .where(
      and(eq(operators.userName, normalizeUserName(userName)), ne(operators.id, keptByOperatorId)),
    )
    .run();
}

export function setOperatorActive(
  tx: KioskTx,
  operatorId: string,
  active: boolean,
  nowMs: number,
): void {
  tx.update(operators).set({ active, updatedAt: nowMs }).where(eq(operators.id, operatorId)).run();
}

export function deleteOperator(tx: KioskTx, operatorId: string): void {
  tx.delete(operators).where(eq(operators.id, operatorId)).run();
}

export function findOperator(reader: KioskReader, operatorId: string): Operator | undefined {
  return reader.select().from(operators).where(eq(operators.id, operatorId)).get();
}

/** What was typed at sign-in: user names are matched without case or surrounding spaces. */
export function findOperatorByUserName(
  reader: KioskReader,
  userName: string,
): Operator | undefined {
  return reader
    .select()
    .from(operators)
    .where(eq(operators.userName, normalizeUserName(userName)))
    .get();
}

export function listOperators(reader: KioskReader): Operator[] {
  return reader.select().from(operators).orderBy(asc(operators.userName)).all();
}

/** Undefined when the account has no failure on record. */
export function readSignInFailures(
  reader: KioskReader,
  operatorId: string,
): SignInFailures | undefined {
  const row = reader
    .select({
      failures: operators.failedSignInCount,
      lastFailureAtMs: operators.lastFailedSignInAt,
      lockedUntilMs: operators.lockedUntil,
    })
    .from(operators)
    .where(eq(operators.id, operatorId))
    .get();
  if (!row || row.failures === 0 || row.lastFailureAtMs === null) {
    return undefined;
  }
  return {
    failures: row.failures,
    lastFailureAtMs: row.lastFailureAtMs,
    lockedUntilMs: row.lockedUntilMs,
  };
}

export function writeSignInFailures(
  tx: KioskTx,
  operatorId: string,
  failures: SignInFailures,
  nowMs: number,
): void {
  tx.update(operators)
    .set({
      failedSignInCount: failures.failures,
      lastFailedSignInAt: failures.lastFailureAtMs,
      lockedUntil: failures.lockedUntilMs,
      updatedAt: nowMs,
    })
    .where(eq(operators.id, operatorId))
    .run();
}

/** A successful sign-in or an admin's unlock: no failures, no lock. */
export function clearSignInFailures(tx: KioskTx, operatorId: string, nowMs: number): void {
  tx.update(operators)
    .set({ failedSignInCount: 0, lastFailedSignInAt: null, lockedUntil: null, updatedAt: nowMs })
    .where(eq(operators.id, operatorId))
    .run();
}

function normalizeUserName(userName: string): string {
  return userName.trim().toLowerCase();
}

function validUserName(userName: string): string {
  const normalized = normalizeUserName(userName);
  if (normalized === '' || normalized.length > 64) {
    throw new RangeError('A user name has 1 to 64 characters.');
  }
  return normalized;
}
