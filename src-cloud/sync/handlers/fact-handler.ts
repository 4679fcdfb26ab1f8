import type { ActivityType } from '../../../src-shared/domain/activity.js';
import { FactArgs } from '../../../src-shared/sync/mutation.js';
import type { HandlerOutcome, MutationHandler, PushContext } from './handler.js';

/**
 * Every activity type is a fact the bank pushes (v1 arguments: the activity row). It is stored
 * in the bank's log once and projected onto physical state at the end of the batch. The bank
 * is the device's own: `args.bankId` is never trusted (one bank cannot write another's data).
 */
export function factHandler(type: ActivityType): MutationHandler {
  return {
    apply: ({ mutation, effects }: PushContext): HandlerOutcome => {
      const parsed = FactArgs.safeParse(mutation.args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          status: 'rejected',
          error:
            `Invalid ${type} v${mutation.v} arguments: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
        };
      }
      effects.addFact({
        activityId: parsed.data.activityId,
        type,
        compartmentId: parsed.data.compartmentId,
        actor: parsed.data.actor,
        details: parsed.data.details,
        mutationId: mutation.id,
        hlc: mutation.hlc,
        wallTime: mutation.wallTime,
      });
      return { status: 'applied' };
    },
  };
}
