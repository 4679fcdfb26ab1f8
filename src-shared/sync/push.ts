import { z } from 'zod';
import { Mutation, MutationResult } from './mutation.js';

/** Batches are bounded by count and by bytes (sync.md "Push"). */
export const maxPushMutations = 1000;
export const maxPushBytes = 4 * 1024 * 1024;

export const PushRequest = z
  .object({
    /** Changes each time a bank database is created; an unknown one gets 409 (sync.md). */
    incarnationId: z.string().min(1),
    mutations: z.array(Mutation).min(1).max(maxPushMutations),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z
  .object({
    /** The highest id applied for this device, read in the same transaction. */
    lastMutationId: z.number().int().nonnegative(),
    results: z.array(MutationResult),
  })
  .strict();
export type PushResponse = z.infer<typeof PushResponse>;
