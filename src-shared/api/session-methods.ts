import { z } from 'zod';
import { Permission } from '../domain/permissions.js';
import { Role } from '../domain/roles.js';

/**
 * Signing in at the kiosk (D1, D10, C5, A7, A8). A session is a bearer secret the page holds
 * and passes as `session` to every method that needs one; the core checks it, touches it, and
 * looks the person's permissions up again on every call (security.md).
 */
export const SessionToken = z.string().min(16).max(128);

/** Who is signed in, as the screens show it. */
export const SignedInPerson = z.object({
  kind: z.enum(['operator', 'carrier']),
  id: z.string(),
  displayName: z.string(),
  role: Role,
  permissions: z.array(Permission),
});
export type SignedInPerson = z.infer<typeof SignedInPerson>;

export const SessionInfo = z.object({
  session: SessionToken,
  /** Not secret: names the session in `session.ended` without repeating the token. */
  tag: z.string(),
  person: SignedInPerson,
  idleTimeoutMs: z.number().int(),
  endsAtMs: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** A scan the core still holds (credential scans never reach the pages in clear). */
export const ScanId = z.string().min(1).max(64);

/** Any method that needs somebody signed in takes `session`. */
export function withSession<T extends z.ZodRawShape>(shape: T) {
  return z.object({ session: SessionToken, ...shape }).strict();
}

export const sessionMethods = {
  /** Operator by user name and password. */
  'session.signIn': {
    args: z
      .object({ userName: z.string().min(1).max(100), password: z.string().min(1).max(200) })
      .strict(),
    result: SessionInfo,
  },
  /** Operator badge (when contactless sign-in is on, C5) or carrier QR (D10), by scan id. */
  'session.signInWithScan': {
    args: z.object({ scanId: ScanId }).strict(),
    result: SessionInfo,
  },
  /** The session if it is still valid (and counts as activity); `not_signed_in` otherwise. */
  'session.current': {
    args: withSession({}),
    result: SessionInfo,
  },
  'session.signOut': {
    args: withSession({}),
    result: z.object({}),
  },
} as const;

export const sessionEvents = {
  /** A session ended in the core (idle timeout, time limit, sign-out): its page goes home. */
  'session.ended': z.object({
    tag: z.string(),
    reason: z.enum(['signed_out', 'idle_timeout', 'lifetime_reached', 'revoked']),
  }),
} as const;
