import type { CodePurpose } from './code-purpose.js';
import { isActiveCode, type CodeStore, type StoredCode } from './code-store.js';

/** The CodeStore contract in memory, for tests and as the reference the SQLite store matches. */
export class MemoryCodeStore implements CodeStore {
  readonly #codes = new Map<string, StoredCode>();

  insert(code: StoredCode): void {
    if (this.#codes.has(code.id)) {
      throw new Error(`duplicate code id ${code.id}`);
    }
    this.#codes.set(code.id, { ...code });
  }

  findActiveByHash(codeHash: string, nowMs: number): StoredCode | undefined {
    return this.#active(nowMs).find((code) => code.codeHash === codeHash);
  }

  findActiveById(codeId: string, nowMs: number): StoredCode | undefined {
    const code = this.#codes.get(codeId);
    return code && isActiveCode(code, nowMs) ? { ...code } : undefined;
  }

  findActiveByTarget(targetId: string, purpose: CodePurpose, nowMs: number): StoredCode[] {
    return this.#active(nowMs).filter(
      (code) => code.targetId === targetId && code.purpose === purpose,
    );
  }

  listActiveHashes(nowMs: number): string[] {
    return this.#active(nowMs).map((code) => code.codeHash);
  }

  markConsumed(codeId: string, atMs: number): boolean {
    return this.#settle(codeId, { consumedAtMs: atMs });
  }

  markVoided(codeId: string, atMs: number): boolean {
    return this.#settle(codeId, { voidedAtMs: atMs });
  }

  /** Every code ever stored, for tests that check invariants (no code both consumed and voided). */
  all(): StoredCode[] {
    return [...this.#codes.values()].map((code) => ({ ...code }));
  }

  #active(nowMs: number): StoredCode[] {
    return [...this.#codes.values()]
      .filter((code) => isActiveCode(code, nowMs))
      .map((code) => ({ ...code }));
  }

  #settle(codeId: string, change: { consumedAtMs: number } | { voidedAtMs: number }): boolean {
    const code = this.#codes.get(codeId);
    if (!code || code.consumedAtMs !== null || code.voidedAtMs !== null) {
      return false;
    }
    this.#codes.set(codeId, { ...code, ...change });
    return true;
  }
}
