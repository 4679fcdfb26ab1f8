import { v7 as uuidv7 } from 'uuid';
import type { ActivityType } from '../../../src-shared/domain/activity.js';
import { mutationArgsHash } from '../../sync/args-hash.js';
import { activityLog, syncOutbox } from '../schema.js';
import type { KioskTx } from '../transaction.js';
import { issueMutationStamp } from './sync-device.js';

export interface BusinessAction {
  bankId: string;
  type: ActivityType;
  compartmentId: string | null;
  actor: string;
  details: Record<string, unknown>;
}

export interface RecordedAction {
  activityId: string;
  mutationId: number;
  hlc: string;
}

/** Version of the argument shape of the fact mutations written here. */
const factMutationVersion = 1;

/**
 * Writes the activity-log row and the sync-outbox row of one business action, inside the
 * caller's transaction together with its domain rows (architecture.md "Data"): either all of
 * them commit or none does.
 */
export function recordAction(tx: KioskTx, action: BusinessAction, nowMs: number): RecordedAction {
  const { mutationId, hlc } = issueMutationStamp(tx, nowMs);
  const activityId = uuidv7({ msecs: nowMs });
  tx.insert(activityLog)
    .values({
      id: activityId,
      bankId: action.bankId,
      type: action.type,
      compartmentId: action.compartmentId,
      actor: action.actor,
      details: JSON.stringify(action.details),
      wallTime: nowMs,
      hlc,
    })
    .run();
  const args = {
    activityId,
    bankId: action.bankId,
    compartmentId: action.compartmentId,
    actor: action.actor,
    details: action.details,
  };
  tx.insert(syncOutbox)
    .values({
      id: mutationId,
      name: action.type,
      v: factMutationVersion,
      args: JSON.stringify(args),
      argsHash: mutationArgsHash(action.type, factMutationVersion, args),
      hlc,
      wallTime: nowMs,
    })
    .run();
  return { activityId, mutationId, hlc };
}
