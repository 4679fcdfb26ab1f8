import { z } from 'zod';
import { SyncCookie } from './cookie.js';
import { EntityKindSchema } from './entities.js';
import { MutationResult } from './mutation.js';

/** The longest a pull may wait for news before answering empty (long-poll). */
export const maxPullWaitMs = 30_000;

export const PullRequest = z
  .object({
    /** Null on the first pull (or after a reset): the answer is `clear` plus a full snapshot. */
    cookie: SyncCookie.nullable(),
    /** Long-poll: how long the server may hold the request when nothing is newer. */
    waitMs: z.number().int().min(0).max(maxPullWaitMs).default(0),
    /** The kiosk build; the server may answer `upgradeRequired`. */
    appVersion: z.string().min(1).max(40),
  })
  .strict();
export type PullRequest = z.infer<typeof PullRequest>;
export type PullRequestInput = z.input<typeof PullRequest>;

/** `value` is validated by the bank against entityValues[kind] when it applies the op. */
export const PutOp = z
  .object({
    op: z.literal('put'),
    kind: EntityKindSchema,
    id: z.string().min(1),
    value: z.unknown(),
  })
  .strict();
export const DelOp = z
  .object({ op: z.literal('del'), kind: EntityKindSchema, id: z.string().min(1) })
  .strict();
/** Forget every server-owned row: the snapshot that follows replaces them (stale cookie). */
export const ClearOp = z.object({ op: z.literal('clear') }).strict();
export const PullOp = z.discriminatedUnion('op', [PutOp, DelOp, ClearOp]);
export type PullOp = z.infer<typeof PullOp>;

export const PullResponse = z
  .object({
    /** Save it only together with the ops, and only when `more` is false (sync.md). */
    cookie: SyncCookie,
    ops: z.array(PullOp),
    /** This device's applied mutations, read in the same snapshot as the ops: ack up to it. */
    lastMutationId: z.number().int().nonnegative(),
    /** Results of this device's mutations the bank has not seen (rejected ones, mostly). */
    results: z.array(MutationResult),
    /** Pages are cut only between server versions; more pages follow when true. */
    more: z.boolean(),
    /** The server's clock, so the bank can judge command expiries in server time. */
    serverTimeMs: z.number().int(),
    upgradeRequired: z.boolean(),
  })
  .strict();
export type PullResponse = z.infer<typeof PullResponse>;
