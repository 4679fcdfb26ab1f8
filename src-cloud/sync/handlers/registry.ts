import { activityTypes } from '../../../src-shared/domain/activity.js';
import { factMutationVersion } from '../../../src-shared/sync/mutation.js';
import {
  notificationKinds,
  notificationMutationName,
  notificationMutationVersion,
} from '../../../src-shared/sync/queued-notification.js';
import { factHandler } from './fact-handler.js';
import type { MutationHandler } from './handler.js';
import { notificationHandler } from './notification-handler.js';

function key(name: string, version: number): string {
  return `${name}@${version}`;
}

/**
 * Every (name, version) a bank may still have queued (sync.md "Push": the server keeps handlers
 * for every version). A new argument shape adds an entry; old ones stay until no bank runs them.
 */
const handlers = new Map<string, MutationHandler>([
  ...activityTypes.map((type) => [key(type, factMutationVersion), factHandler(type)] as const),
  ...notificationKinds.map(
    (kind) =>
      [
        key(notificationMutationName(kind), notificationMutationVersion),
        notificationHandler(kind),
      ] as const,
  ),
]);

export function findHandler(name: string, version: number): MutationHandler | undefined {
  return handlers.get(key(name, version));
}
