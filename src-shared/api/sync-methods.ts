import { z } from 'zod';

/**
 * The kiosk's link to the cloud as the screens show it (issue 6): whether it is talking to the
 * cloud, when it last finished a sync, and how many of its records still wait to be sent. No
 * session: the home screen shows it to everyone, and it carries no secret.
 *
 * - not_configured: this kiosk has no cloud address; it works on its own.
 * - not_enrolled: a cloud address but no device credential yet (or the code was refused).
 * - online / offline: the last round with the cloud succeeded / failed (it keeps retrying).
 * - blocked: the cloud and this database disagree about what was sent; an admin must act.
 * - revoked: the cloud revoked this kiosk's credential; it needs a new enrolment code.
 */
export const SyncState = z.enum([
  'not_configured',
  'not_enrolled',
  'online',
  'offline',
  'blocked',
  'revoked',
]);
export type SyncState = z.infer<typeof SyncState>;

/**
 * Why the sync is not well, as a code the screens translate. Never a server message: those may
 * name ids or carry text the kiosk should not show to passers-by.
 */
export const syncProblems = [
  'enrolment_code_invalid',
  'credential_revoked',
  'unauthorized',
  'unknown_incarnation',
  'mutation_gap',
  'network',
  'timeout',
  'temporarily_unavailable',
  'server_error',
  'request_refused',
  'invalid_response',
  'apply_failed',
  'cookie_backwards',
  'upgrade_required',
  'kiosk_error',
] as const;
export const SyncProblem = z.enum(syncProblems);
export type SyncProblem = z.infer<typeof SyncProblem>;

export const SyncStatus = z
  .object({
    state: SyncState,
    /** When the last complete push-and-pull round finished (epoch ms), null when never. */
    lastSyncAt: z.number().int().nullable(),
    /** Records written on this kiosk the cloud has not confirmed yet. */
    queueDepth: z.number().int().nonnegative(),
    problem: SyncProblem.nullable(),
  })
  .strict();
export type SyncStatus = z.infer<typeof SyncStatus>;

export const syncMethods = {
  /** The current sync status (read once when a screen shows it; then follow the event). */
  'sync.status': {
    args: z.object({}).strict(),
    result: SyncStatus,
  },
} as const;

export type SyncMethodName = keyof typeof syncMethods;

export const syncEvents = {
  /** Pushed whenever any field of the status changes. */
  'sync.statusChanged': SyncStatus,
} as const;
