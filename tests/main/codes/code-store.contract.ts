import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodePurpose } from '../../../src-main/codes/code-purpose.js';
import { isActiveCode, type StoredCode } from '../../../src-main/codes/code-store.js';
import { codeKit, day, hour, type InspectableCodeStore } from './code-test-kit.js';

/**
 * The CodeStore contract (src-main/codes/code-store.ts), run against every implementation: the
 * memory store (memory-code-store.test.ts) and the SQLite store (sqlite-code-store.test.ts).
 * A store must answer exactly as isActiveCode says at the `nowMs` it is asked about, in the order
 * codes were inserted, and settle a code (consumed or voided) at most once.
 */
export interface CodeStoreHarness {
  /** An empty store of its own: one per test, and one per run of the property below. */
  newStore(): InspectableCodeStore;
  close(): void;
}

const t0 = Date.UTC(2026, 0, 1);

/** A digest-shaped hash (64 lower-case hex characters), as a real keyed hash is. */
export function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

function storedCode(overrides: Partial<StoredCode> = {}): StoredCode {
  return {
    // Ids are unique across stores: the SQLite harness keeps many banks in one file.
    id: uuidv7(),
    codeHash: digest('123456'),
    purpose: 'pickup',
    targetId: 'parcel-a',
    issuedAtMs: t0,
    expiresAtMs: t0 + day,
    consumedAtMs: null,
    voidedAtMs: null,
    ...overrides,
  };
}

export function describeCodeStoreContract(name: string, open: () => CodeStoreHarness): void {
  describe(`CodeStore contract: ${name}`, () => {
    let harness: CodeStoreHarness;
    beforeAll(() => {
      harness = open();
    });
    afterAll(() => harness.close());
    const newStore = () => harness.newStore();

    it('finds an inserted code by id, by hash and by target, exactly as inserted', () => {
      const store = newStore();
      const code = storedCode();
      store.insert(code);
      expect(store.findActiveById(code.id, t0)).toEqual(code);
      expect(store.findActiveByHash(code.codeHash, t0)).toEqual(code);
      expect(store.findActiveByTarget('parcel-a', 'pickup', t0)).toEqual([code]);
      expect(store.listActiveHashes(t0)).toEqual([code.codeHash]);
      expect(store.all()).toEqual([code]);
    });

    it('finds nothing for an unknown id, hash or target', () => {
      const store = newStore();
      store.insert(storedCode());
      expect(store.findActiveById(uuidv7(), t0)).toBeUndefined();
      expect(store.findActiveByHash(digest('654321'), t0)).toBeUndefined();
      expect(store.findActiveByTarget('parcel-b', 'pickup', t0)).toEqual([]);
    });

    it('is active until the millisecond before its expiry, and not at it', () => {
      const store = newStore();
      const code = storedCode({ expiresAtMs: t0 + hour });
      store.insert(code);
      const lastActiveMs = code.expiresAtMs - 1;
      expect(store.findActiveById(code.id, lastActiveMs)).toEqual(code);
      expect(store.findActiveByHash(code.codeHash, lastActiveMs)).toEqual(code);
      expect(store.findActiveByTarget('parcel-a', 'pickup', lastActiveMs)).toHaveLength(1);
      expect(store.listActiveHashes(lastActiveMs)).toHaveLength(1);
      for (const atMs of [code.expiresAtMs, code.expiresAtMs + day]) {
        expect(store.findActiveById(code.id, atMs)).toBeUndefined();
        expect(store.findActiveByHash(code.codeHash, atMs)).toBeUndefined();
        expect(store.findActiveByTarget('parcel-a', 'pickup', atMs)).toEqual([]);
        expect(store.listActiveHashes(atMs)).toEqual([]);
      }
      // Expiry is a comparison, not a written state: asked about an earlier moment, it is active.
      expect(store.findActiveById(code.id, t0)).toEqual(code);
    });

    it('consumes a code once: then no lookup finds it, and it is never voided as well', () => {
      const store = newStore();
      const code = storedCode();
      store.insert(code);
      expect(store.markConsumed(code.id, t0 + 5)).toBe(true);
      expect(store.findActiveById(code.id, t0 + 6)).toBeUndefined();
      expect(store.findActiveByHash(code.codeHash, t0 + 6)).toBeUndefined();
      expect(store.findActiveByTarget('parcel-a', 'pickup', t0 + 6)).toEqual([]);
      expect(store.listActiveHashes(t0 + 6)).toEqual([]);
      expect(store.markConsumed(code.id, t0 + 7)).toBe(false);
      expect(store.markVoided(code.id, t0 + 8)).toBe(false);
      expect(store.all()).toEqual([{ ...code, consumedAtMs: t0 + 5 }]);
    });

    it('voids a code once: then no lookup finds it, and it cannot be consumed', () => {
      const store = newStore();
      const code = storedCode();
      store.insert(code);
      expect(store.markVoided(code.id, t0 + 5)).toBe(true);
      expect(store.findActiveById(code.id, t0 + 6)).toBeUndefined();
      expect(store.findActiveByHash(code.codeHash, t0 + 6)).toBeUndefined();
      expect(store.listActiveHashes(t0 + 6)).toEqual([]);
      expect(store.markVoided(code.id, t0 + 7)).toBe(false);
      expect(store.markConsumed(code.id, t0 + 8)).toBe(false);
      expect(store.all()).toEqual([{ ...code, voidedAtMs: t0 + 5 }]);
    });

    it('answers false for settling a code it never had', () => {
      const store = newStore();
      expect(store.markConsumed(uuidv7(), t0)).toBe(false);
      expect(store.markVoided(uuidv7(), t0)).toBe(false);
      expect(store.all()).toEqual([]);
    });

    it('consumes an expired code: the door may close after the expiry', () => {
      const store = newStore();
      const code = storedCode({ expiresAtMs: t0 + hour });
      store.insert(code);
      expect(store.markConsumed(code.id, t0 + 2 * hour)).toBe(true);
      expect(store.all()[0]?.consumedAtMs).toBe(t0 + 2 * hour);
    });

    it('finds by target only that target’s active codes of that purpose, in issue order', () => {
      const store = newStore();
      const first = storedCode({ codeHash: digest('1'), targetId: 'parcel-a' });
      const otherPurpose = storedCode({ codeHash: digest('2'), purpose: 'storage' });
      const otherTarget = storedCode({ codeHash: digest('3'), targetId: 'parcel-b' });
      const second = storedCode({ codeHash: digest('4'), issuedAtMs: t0 + 1 });
      const voided = storedCode({ codeHash: digest('5') });
      for (const code of [first, otherPurpose, otherTarget, second, voided]) {
        store.insert(code);
      }
      store.markVoided(voided.id, t0 + 2);
      expect(store.findActiveByTarget('parcel-a', 'pickup', t0 + 3)).toEqual([first, second]);
      expect(store.findActiveByTarget('parcel-a', 'storage', t0 + 3)).toEqual([otherPurpose]);
      expect(store.findActiveByTarget('parcel-b', 'pickup', t0 + 3)).toEqual([otherTarget]);
    });

    it('lists the hashes of the active codes only, in issue order', () => {
      const store = newStore();
      const codes = ['c', 'a', 'b', 'd', 'e'].map((seed, index) =>
        storedCode({ codeHash: digest(seed), expiresAtMs: t0 + (index === 3 ? hour : day) }),
      );
      for (const code of codes) {
        store.insert(code);
      }
      store.markConsumed(codes[1]!.id, t0);
      store.markVoided(codes[4]!.id, t0);
      expect(store.listActiveHashes(t0 + 2 * hour)).toEqual([digest('c'), digest('b')]);
    });

    it('lets a new code share the hash of a code that is no longer active, and finds the new one', () => {
      const store = newStore();
      const hash = digest('333333');
      const expired = storedCode({ codeHash: hash, expiresAtMs: t0 + hour });
      const used = storedCode({ codeHash: hash });
      const fresh = storedCode({ codeHash: hash, issuedAtMs: t0 + 2 * hour, targetId: 'p-b' });
      store.insert(expired);
      store.insert(used);
      store.markConsumed(used.id, t0 + 1);
      store.insert(fresh);
      expect(store.findActiveByHash(hash, t0 + 2 * hour)).toEqual(fresh);
      expect(store.listActiveHashes(t0 + 2 * hour)).toEqual([hash]);
      expect(store.all().map((code) => code.id)).toEqual([expired.id, used.id, fresh.id]);
    });

    it('refuses a second code with the id of one it has, keeping the first', () => {
      const store = newStore();
      const code = storedCode();
      store.insert(code);
      expect(() => store.insert({ ...code, codeHash: digest('other') })).toThrow();
      expect(store.all()).toEqual([code]);
    });

    it('keeps a code inserted as already used or voided as it is, never active', () => {
      const store = newStore();
      const used = storedCode({ codeHash: digest('u'), consumedAtMs: t0 });
      const voided = storedCode({ codeHash: digest('v'), voidedAtMs: t0 });
      store.insert(used);
      store.insert(voided);
      expect(store.listActiveHashes(t0)).toEqual([]);
      expect(store.findActiveById(used.id, t0)).toBeUndefined();
      expect(store.markConsumed(voided.id, t0)).toBe(false);
      expect(store.all()).toEqual([used, voided]);
    });

    it('hands out copies: changing an answer does not change the store', () => {
      const store = newStore();
      const code = storedCode();
      store.insert(code);
      const found = store.findActiveById(code.id, t0) as { consumedAtMs: number | null };
      found.consumedAtMs = t0;
      (store.findActiveByTarget('parcel-a', 'pickup', t0) as { targetId: string }[])[0]!.targetId =
        'x';
      expect(store.findActiveByHash(code.codeHash, t0)).toEqual(code);
    });

    it('backs the issuer and verifier: issue, re-issue voids, type, consume once', async () => {
      const kit = codeKit({ store: newStore() });
      const first = kit.issuePickup('parcel-a');
      const second = kit.issuePickup('parcel-a');
      const other = kit.issuePickup('parcel-b', hour);
      expect(second.voidedCodeIds).toEqual([first.codeId]);
      expect(kit.typePickup(first.code).outcome).toBe('rejected');
      const accepted = kit.typePickup(second.code);
      expect(accepted).toMatchObject({ outcome: 'accepted', codeId: second.codeId });
      expect(kit.verifier.consume(second.codeId)).toBe(true);
      expect(kit.verifier.consume(second.codeId)).toBe(false);
      expect(kit.typePickup(second.code).outcome).toBe('rejected');
      expect(kit.typePickup(other.code, 'parcel-b').outcome).toBe('accepted');
      await kit.clock.advance(hour);
      expect(kit.typePickup(other.code, 'parcel-b').outcome).toBe('rejected');
      for (const code of kit.store.all()) {
        expect(code.consumedAtMs !== null && code.voidedAtMs !== null).toBe(false);
      }
    });

    it('answers every lookup as a plain list filtered by isActiveCode would, over random operations', () => {
      type Operation =
        | { kind: 'insert'; hash: number; purpose: CodePurpose; target: number; validMs: number }
        | { kind: 'consume' | 'void'; pick: number }
        | { kind: 'advance'; ms: number };
      const operation: fc.Arbitrary<Operation> = fc.oneof(
        fc.record({
          kind: fc.constant('insert' as const),
          // Four hashes only, so several codes share one, active or not.
          hash: fc.integer({ min: 0, max: 3 }),
          purpose: fc.constantFrom<CodePurpose>('pickup', 'storage'),
          target: fc.integer({ min: 0, max: 2 }),
          validMs: fc.integer({ min: 1, max: 3 * hour }),
        }),
        fc.record({ kind: fc.constantFrom('consume' as const, 'void' as const), pick: fc.nat() }),
        fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: hour }) }),
      );
      const hashes = [0, 1, 2, 3].map((seed) => digest(String(seed)));
      const targets = ['t-0', 't-1', 't-2'];
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
          const store = newStore();
          const model: StoredCode[] = [];
          let nowMs = t0;
          const active = () => model.filter((code) => isActiveCode(code, nowMs));
          for (const current of operations) {
            if (current.kind === 'insert') {
              const code = storedCode({
                codeHash: hashes[current.hash]!,
                purpose: current.purpose,
                targetId: targets[current.target]!,
                issuedAtMs: nowMs,
                expiresAtMs: nowMs + current.validMs,
              });
              store.insert(code);
              model.push(code);
            } else if (current.kind === 'advance') {
              nowMs += current.ms;
            } else {
              // One pick in five past the end: an id the store never had.
              const index = current.pick % Math.ceil(model.length * 1.25 + 1);
              const chosen = model[index];
              const id = chosen?.id ?? uuidv7();
              const open = chosen?.consumedAtMs === null && chosen.voidedAtMs === null;
              const answer =
                current.kind === 'consume'
                  ? store.markConsumed(id, nowMs)
                  : store.markVoided(id, nowMs);
              expect(answer).toBe(open);
              if (chosen && open) {
                const end = current.kind === 'consume' ? 'consumedAtMs' : 'voidedAtMs';
                model[index] = { ...chosen, [end]: nowMs };
              }
            }
            expect(store.all()).toEqual(model);
            expect(store.listActiveHashes(nowMs)).toEqual(active().map((code) => code.codeHash));
            for (const hash of hashes) {
              expect(store.findActiveByHash(hash, nowMs)).toEqual(
                active().find((code) => code.codeHash === hash),
              );
            }
            for (const code of model) {
              expect(store.findActiveById(code.id, nowMs)).toEqual(
                isActiveCode(code, nowMs) ? code : undefined,
              );
            }
            for (const targetId of targets) {
              for (const purpose of ['pickup', 'storage'] as const) {
                expect(store.findActiveByTarget(targetId, purpose, nowMs)).toEqual(
                  active().filter((code) => code.targetId === targetId && code.purpose === purpose),
                );
              }
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  });
}
