import { describe, expect, it } from 'vitest';
import { mutationArgsHash } from '../../src-main/sync/args-hash.js';
import { activityTypes } from '../../src-shared/domain/activity.js';
import { FactArgs, Mutation } from '../../src-shared/sync/mutation.js';
import { createFactStream } from './sync-fact-mutations.js';

const bankId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const deviceId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

function take(count: number, firstMutationId = 1): Mutation[] {
  const stream = createFactStream({
    bankId,
    deviceId,
    firstMutationId,
    startWallMs: Date.UTC(2026, 10, 1),
    stepMs: 6_000,
  });
  return Array.from({ length: count }, () => stream.next());
}

describe('createFactStream', () => {
  it('makes valid fact mutations with consecutive ids and the kiosk’s hash', () => {
    const mutations = take(2_000, 41);
    mutations.forEach((mutation, index) => {
      expect(Mutation.parse(mutation)).toEqual(mutation);
      expect(FactArgs.parse(mutation.args)).toEqual(mutation.args);
      expect(mutation.id).toBe(41 + index);
      expect(activityTypes).toContain(mutation.name);
      expect(mutation.argsHash).toBe(mutationArgsHash(mutation.name, mutation.v, mutation.args));
    });
    const hlcs = mutations.map((mutation) => mutation.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(mutations.map((mutation) => (mutation.args as FactArgs).activityId)).size).toBe(
      mutations.length,
    );
  });

  it('carries realistic payloads: about 300 bytes of arguments, deposits and pickups', () => {
    const mutations = take(2_000);
    const bytes = mutations.map((mutation) => JSON.stringify(mutation.args).length);
    const average = bytes.reduce((sum, size) => sum + size, 0) / bytes.length;
    expect(average).toBeGreaterThan(250);
    expect(average).toBeLessThan(500);
    const names = new Set(mutations.map((mutation) => mutation.name));
    for (const name of ['parcel.deposited', 'parcel.picked_up', 'door.opened', 'door.closed']) {
      expect(names).toContain(name);
    }
  });

  it('never puts a parcel in a compartment that still holds one', () => {
    const held = new Map<string, string>();
    for (const mutation of take(5_000)) {
      const args = mutation.args as FactArgs;
      const parcelId = args.details['parcelId'] as string;
      if (mutation.name === 'parcel.deposited') {
        expect(held.get(args.compartmentId!)).toBeUndefined();
        held.set(args.compartmentId!, parcelId);
      } else if (mutation.name === 'parcel.picked_up') {
        expect(held.get(args.compartmentId!)).toBe(parcelId);
        held.delete(args.compartmentId!);
      }
    }
    expect(held.size).toBeGreaterThan(0);
  });
});
