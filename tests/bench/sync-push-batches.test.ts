import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src-shared/sync/mutation.js';
import { maxPushBytes, maxPushMutations, PushRequest } from '../../src-shared/sync/push.js';
import { createFactStream } from './sync-fact-mutations.js';
import { pushBodies } from './sync-push-batches.js';

function facts(count: number): Mutation[] {
  const stream = createFactStream({
    bankId: 'bank-1',
    deviceId: 'device-1',
    firstMutationId: 1,
    startWallMs: Date.UTC(2026, 10, 1),
    stepMs: 1_000,
  });
  return Array.from({ length: count }, () => stream.next());
}

function parsedIds(bodies: string[]): number[][] {
  return bodies.map((body) => {
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(maxPushBytes);
    const request = PushRequest.parse(JSON.parse(body));
    expect(request.incarnationId).toBe('incarnation-1');
    return request.mutations.map((mutation) => mutation.id);
  });
}

describe('pushBodies', () => {
  it('cuts the outbox at maxPushMutations per request, in id order', () => {
    const ids = parsedIds(pushBodies('incarnation-1', facts(2_500)));
    expect(ids.map((batch) => batch.length)).toEqual([maxPushMutations, maxPushMutations, 500]);
    expect(ids.flat()).toEqual(Array.from({ length: 2_500 }, (_unused, index) => index + 1));
  });

  it('cuts it by bytes when the mutations are large', () => {
    const big = facts(300).map((mutation) => ({
      ...mutation,
      args: { ...(mutation.args as object), details: { note: 'x'.repeat(30_000) } },
    }));
    const ids = parsedIds(pushBodies('incarnation-1', big));
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.every((batch) => batch.length < maxPushMutations)).toBe(true);
    expect(ids.flat()).toEqual(big.map((mutation) => mutation.id));
  });
});
