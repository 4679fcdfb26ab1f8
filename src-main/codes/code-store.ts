import type { CodePurpose } from './code-purpose.js';

/**
 * One issued code as the kiosk keeps it: never the digits, only their keyed hash (code-hasher.ts).
 * A code is active while it is neither consumed nor voided and its expiry is still ahead.
 */
export interface StoredCode {
  readonly id: string;
  /** HMAC-SHA256 of the digits under the bank's pepper, lowercase hex. */
  readonly codeHash: string;
  readonly purpose: CodePurpose;
  /** What the code opens: a parcel, a reservation, a storage rental. */
  readonly targetId: string;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  readonly consumedAtMs: number | null;
  readonly voidedAtMs: number | null;
}

export function isActiveCode(code: StoredCode, nowMs: number): boolean {
  return code.consumedAtMs === null && code.voidedAtMs === null && nowMs < code.expiresAtMs;
}

/**
 * Where the bank's codes live (the kiosk database in production, memory in tests). One store is
 * one bank: the pepper, and so the hashes, are per bank. Synchronous like better-sqlite3, so a
 * caller can run an issue or a consume inside its own transaction with the activity and outbox
 * rows of the same business action.
 *
 * Every `find…Active…` and `listActiveHashes` must apply `isActiveCode` at `nowMs`: expiry is a
 * comparison with the injected clock, not a state some sweeper has to have written.
 */
export interface CodeStore {
  insert(code: StoredCode): void;
  findActiveByHash(codeHash: string, nowMs: number): StoredCode | undefined;
  findActiveById(codeId: string, nowMs: number): StoredCode | undefined;
  findActiveByTarget(targetId: string, purpose: CodePurpose, nowMs: number): StoredCode[];
  listActiveHashes(nowMs: number): string[];
  /**
   * Marks a code used. Expiry does not matter here: a person who typed a valid code a second
   * before it expired still took the parcel when the door closed a minute later. False when the
   * code was already consumed or voided (or never existed).
   */
  markConsumed(codeId: string, atMs: number): boolean;
  /** Voids a code that is neither consumed nor voided yet; false otherwise. */
  markVoided(codeId: string, atMs: number): boolean;
}
