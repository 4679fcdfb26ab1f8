import { z } from 'zod';

/**
 * One row of a bank's sync outbox as it travels in a push (sync.md "Push"). `id` is per device
 * and goes up by exactly 1; `argsHash` is sha256 (hex) of the RFC 8785 canonical JSON of
 * `{name, v, args}`, compared by the server when an id arrives twice.
 */
export const Mutation = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1).max(100),
    v: z.number().int().positive(),
    args: z.unknown(),
    argsHash: z.string().regex(/^[0-9a-f]{64}$/),
    // A stamp is 23 characters plus the device id (up to 64).
    hlc: z.string().min(1).max(100),
    wallTime: z.number().int(),
  })
  .strict();
export type Mutation = z.infer<typeof Mutation>;

/** Version of the fact mutations (every activity type, src-main/db/queries/record-action.ts). */
export const factMutationVersion = 1;

/**
 * The arguments of a fact mutation v1: the activity-log row the bank wrote. The server takes the
 * bank from the device credential, never from `bankId` (one bank cannot write another's data).
 */
export const FactArgs = z
  .object({
    activityId: z.string().min(1),
    bankId: z.string().min(1),
    compartmentId: z.string().min(1).nullable(),
    actor: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .strict();
export type FactArgs = z.infer<typeof FactArgs>;

/** What the server recorded for one mutation id. Facts are never refused (sync.md). */
export const mutationStatuses = ['applied', 'rejected'] as const;
export const MutationResult = z
  .object({
    id: z.number().int().positive(),
    status: z.enum(mutationStatuses),
    /** Why a mutation was committed as rejected (bad arguments, unknown name or version). */
    error: z.string().optional(),
  })
  .strict();
export type MutationResult = z.infer<typeof MutationResult>;

/**
 * The error of a pushed mutation whose id the cloud already holds with another payload (a bank
 * restored from an older copy of its database). The cloud applies nothing after it in the batch
 * and the bank stops (`blocked`) without acknowledging anything: never a silent loss.
 */
export const mutationConflictError =
  'mutation_conflict: another mutation was already applied under this id; this one was not applied.';
