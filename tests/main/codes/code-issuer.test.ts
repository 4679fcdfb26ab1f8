import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeSpaceExhaustedError, pickupWindowEnd } from '../../../src-main/codes/code-issuer.js';
import { isActiveCode } from '../../../src-main/codes/code-store.js';
import { codeKit, day, hour, scriptedRandom } from './code-test-kit.js';

describe('issuing codes', () => {
  it('stores only the keyed hash: no stored field holds the digits', () => {
    const { store, hasher, issuePickup } = codeKit();
    const issued = issuePickup('parcel-a');
    const [stored] = store.all();
    expect(stored).toMatchObject({
      id: issued.codeId,
      codeHash: hasher.hash(issued.code),
      purpose: 'pickup',
      targetId: 'parcel-a',
      consumedAtMs: null,
      voidedAtMs: null,
    });
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.code);
  });

  it('gives recipients 6 digits and carriers 8 by default, and longer when configured', () => {
    const kit = codeKit();
    const expiresAtMs = kit.clock.now() + day;
    expect(kit.issuer.issue({ purpose: 'pickup', targetId: 'p', expiresAtMs }).code).toMatch(
      /^\d{6}$/,
    );
    expect(
      kit.issuer.issue({ purpose: 'carrier_delivery', targetId: 'r', expiresAtMs }).code,
    ).toMatch(/^\d{8}$/);
    const longer = codeKit({ issuer: { lengths: { recipient: 7, carrier: 10 } } });
    const later = longer.clock.now() + day;
    expect(
      longer.issuer.issue({ purpose: 'storage', targetId: 's', expiresAtMs: later }).code,
    ).toMatch(/^\d{7}$/);
    expect(
      longer.issuer.issue({ purpose: 'carrier_delivery', targetId: 'r', expiresAtMs: later }).code,
    ).toMatch(/^\d{10}$/);
  });

  it('refuses a configuration with codes shorter than the floor', () => {
    expect(() => codeKit({ issuer: { lengths: { recipient: 4, carrier: 8 } } })).toThrow(
      RangeError,
    );
  });

  it('draws again when a new code equals an active one', () => {
    const { store, issuer, clock } = codeKit({
      issuer: { random: scriptedRandom([111_111, 111_111, 111_111, 222_222]) },
    });
    const expiresAtMs = clock.now() + day;
    expect(issuer.issue({ purpose: 'pickup', targetId: 'a', expiresAtMs }).code).toBe('111111');
    expect(issuer.issue({ purpose: 'pickup', targetId: 'b', expiresAtMs }).code).toBe('222222');
    expect(store.listActiveHashes(clock.now())).toHaveLength(2);
  });

  it('may reuse the digits of a code that is no longer active', async () => {
    const { issuer, clock, store } = codeKit({ issuer: { random: scriptedRandom([333_333]) } });
    const first = issuer.issue({
      purpose: 'pickup',
      targetId: 'a',
      expiresAtMs: clock.now() + hour,
    });
    await clock.advance(hour);
    const second = issuer.issue({
      purpose: 'pickup',
      targetId: 'b',
      expiresAtMs: clock.now() + hour,
    });
    expect(second.code).toBe(first.code);
    expect(store.findActiveByHash(store.all()[1]!.codeHash, clock.now())?.id).toBe(second.codeId);
  });

  it('gives up with CodeSpaceExhaustedError and changes nothing when every draw collides', () => {
    const { issuer, clock, store } = codeKit({
      issuer: { random: scriptedRandom([444_444]), maxDraws: 5 },
    });
    const expiresAtMs = clock.now() + day;
    const held = issuer.issue({ purpose: 'pickup', targetId: 'a', expiresAtMs });
    // A re-issue for `a` itself must not void the old code when no new one can be drawn.
    expect(() => issuer.issue({ purpose: 'pickup', targetId: 'a', expiresAtMs })).toThrow(
      CodeSpaceExhaustedError,
    );
    expect(() => issuer.issue({ purpose: 'pickup', targetId: 'b', expiresAtMs })).toThrow(
      CodeSpaceExhaustedError,
    );
    expect(store.all()).toHaveLength(1);
    expect(store.findActiveById(held.codeId, clock.now())).toBeDefined();
  });

  it('re-issuing voids the old code of the same target and purpose, and only that one', () => {
    const { issuer, clock, store, typePickup } = codeKit();
    const expiresAtMs = clock.now() + day;
    const old = issuer.issue({ purpose: 'pickup', targetId: 'parcel-a', expiresAtMs });
    const other = issuer.issue({ purpose: 'pickup', targetId: 'parcel-b', expiresAtMs });
    const exchangeDrop = issuer.issue({
      purpose: 'exchange_drop_off',
      targetId: 'parcel-a',
      expiresAtMs,
    });
    const renewed = issuer.issue({ purpose: 'pickup', targetId: 'parcel-a', expiresAtMs });
    expect(renewed.voidedCodeIds).toEqual([old.codeId]);
    expect(renewed.code).not.toBe(old.code);
    expect(store.findActiveById(old.codeId, clock.now())).toBeUndefined();
    expect(store.findActiveById(other.codeId, clock.now())).toBeDefined();
    expect(store.findActiveById(exchangeDrop.codeId, clock.now())).toBeDefined();
    expect(typePickup(old.code).outcome).toBe('rejected');
    expect(typePickup(renewed.code).outcome).toBe('accepted');
  });

  it('voids a target’s codes on request (parcel removed)', () => {
    const { issuer, issuePickup, typePickup } = codeKit();
    const issued = issuePickup('parcel-a');
    expect(issuer.voidCodesOf('parcel-a', 'pickup')).toEqual([issued.codeId]);
    expect(issuer.voidCodesOf('parcel-a', 'pickup')).toEqual([]);
    expect(typePickup(issued.code).outcome).toBe('rejected');
  });

  it('expires with the pickup window, on the injected clock', async () => {
    const { issuer, clock, typePickup } = codeKit();
    const pickupWindowMs = 2 * day;
    const issued = issuer.issue({
      purpose: 'pickup',
      targetId: 'parcel-a',
      expiresAtMs: pickupWindowEnd(clock.now(), pickupWindowMs),
    });
    expect(issued.expiresAtMs).toBe(clock.now() + pickupWindowMs);
    await clock.advance(pickupWindowMs - 1);
    expect(typePickup(issued.code).outcome).toBe('accepted');
    await clock.advance(1);
    expect(typePickup(issued.code).outcome).toBe('rejected');
  });

  it('refuses a code that would be born expired', () => {
    const { issuer, clock } = codeKit();
    expect(() =>
      issuer.issue({ purpose: 'pickup', targetId: 'a', expiresAtMs: clock.now() }),
    ).toThrow(RangeError);
  });

  it('never issues a code equal to an active one, even from a tiny, colliding random source', async () => {
    type Step =
      | { kind: 'issue'; target: number; purpose: 'pickup' | 'storage' }
      | { kind: 'consume' | 'void'; pick: number }
      | { kind: 'advance'; ms: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('issue' as const),
        target: fc.integer({ min: 0, max: 5 }),
        purpose: fc.constantFrom('pickup' as const, 'storage' as const),
      }),
      fc.record({ kind: fc.constantFrom('consume' as const, 'void' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('advance' as const),
        ms: fc.integer({ min: 1, max: 3 * hour }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        // Draws from 0–9 only: ten possible codes, so collisions are the common case.
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }),
        fc.array(step, { maxLength: 40 }),
        async (draws, steps) => {
          let drawIndex = 0;
          const kit = codeKit({
            issuer: { random: () => draws[drawIndex++ % draws.length]!, maxDraws: 30 },
          });
          const { clock, store, issuer, hasher } = kit;
          for (const current of steps) {
            const nowMs = clock.now();
            if (current.kind === 'issue') {
              const activeBefore = new Set(store.listActiveHashes(nowMs));
              const countBefore = store.all().length;
              try {
                const issued = issuer.issue({
                  purpose: current.purpose,
                  targetId: `target-${current.target}`,
                  expiresAtMs: nowMs + 2 * hour,
                });
                expect(activeBefore.has(hasher.hash(issued.code))).toBe(false);
              } catch (error) {
                expect(error).toBeInstanceOf(CodeSpaceExhaustedError);
                expect(store.all()).toHaveLength(countBefore);
              }
            } else if (current.kind === 'advance') {
              await clock.advance(current.ms);
            } else {
              const all = store.all();
              const chosen = all[current.pick % Math.max(all.length, 1)];
              if (chosen) {
                if (current.kind === 'consume') {
                  store.markConsumed(chosen.id, nowMs);
                } else {
                  store.markVoided(chosen.id, nowMs);
                }
              }
            }
            const active = store.listActiveHashes(clock.now());
            expect(new Set(active).size).toBe(active.length);
            for (const code of store.all()) {
              expect(code.consumedAtMs !== null && code.voidedAtMs !== null).toBe(false);
              if (isActiveCode(code, clock.now())) {
                expect(store.findActiveByHash(code.codeHash, clock.now())?.id).toBe(code.id);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
