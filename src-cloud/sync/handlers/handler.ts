import type { Mutation } from '../../../src-shared/sync/mutation.js';
import type { DeviceIdentity } from '../../auth/device-auth.js';
import type { CloudTx } from '../../db/open-cloud-database.js';
import type { BatchEffects } from './batch-effects.js';

/** What a handler sees of one mutation being applied inside its batch's transaction. */
export interface PushContext {
  tx: CloudTx;
  device: DeviceIdentity;
  nowMs: number;
  mutation: Mutation;
  /** Effects collected across the batch and written together (a 100,000-row catch-up). */
  effects: BatchEffects;
}

/**
 * Facts are never refused (sync.md): a handler answers `rejected` with a reason for arguments
 * it cannot read, and throws only for a temporary failure (the database), which rolls back the
 * whole batch so the bank retries it.
 */
export type HandlerOutcome = { status: 'applied' } | { status: 'rejected'; error: string };

export interface MutationHandler {
  apply(context: PushContext): HandlerOutcome | Promise<HandlerOutcome>;
}
