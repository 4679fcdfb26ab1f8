import { maxPushBytes, maxPushMutations, type PushRequest } from '../../src-shared/sync/push.js';
import type { Mutation } from '../../src-shared/sync/mutation.js';

/**
 * The push bodies a kiosk sends for `mutations` (in id order), cut as the kiosk cuts its outbox:
 * at most maxPushMutations per request and at most maxPushBytes of JSON per body.
 */
export function pushBodies(incarnationId: string, mutations: readonly Mutation[]): string[] {
  const bodies: string[] = [];
  const envelopeBytes = JSON.stringify({ incarnationId, mutations: [] }).length;
  let batch: string[] = [];
  let batchBytes = envelopeBytes;
  const flush = (): void => {
    if (batch.length > 0) {
      bodies.push(
        `{"incarnationId":${JSON.stringify(incarnationId)},"mutations":[${batch.join(',')}]}`,
      );
    }
    batch = [];
    batchBytes = envelopeBytes;
  };
  for (const mutation of mutations) {
    const json = JSON.stringify(mutation);
    const bytes = Buffer.byteLength(json, 'utf8') + 1;
    if (batch.length === maxPushMutations || batchBytes + bytes > maxPushBytes) {
      flush();
    }
    batch.push(json);
    batchBytes += bytes;
  }
  flush();
  return bodies;
}

/** One push body, for the few mutations of a bank's regular sync. */
export function pushBody(incarnationId: string, mutations: Mutation[]): string {
  const request: PushRequest = { incarnationId, mutations };
  return JSON.stringify(request);
}
