import { randomBytes } from 'node:crypto';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';

/**
 * Signed-in sessions at the kiosk, enforced in the core rather than the screen (security.md):
 * a session ends after `idleTimeoutMs` without activity (A7, set by the company admin) and
 * after `absoluteLifetimeMs` whatever happens, so an operator who walks away, or never stops
 * tapping, is signed out. Expiry is checked on every `get`/`touch` and also by a timer on the
 * injected clock, so the screen is told (onEnded) even when nobody touches the kiosk again.
 *
 * Sessions hold an account id only: roles and permissions are looked up on every call, so a
 * role changed by an admin applies at the next tap, not at the next sign-in.
 */
export interface SessionPolicy {
  idleTimeoutMs: number;
  absoluteLifetimeMs: number;
}

export const defaultSessionPolicy: Readonly<SessionPolicy> = {
  idleTimeoutMs: 5 * 60_000,
  absoluteLifetimeMs: 8 * 60 * 60_000,
};

export interface Session {
  /** A 256-bit random bearer secret: never logged. */
  readonly id: string;
  readonly accountId: string;
  readonly createdAtMs: number;
  readonly lastActiveAtMs: number;
}

export type SessionEndReason = 'signed_out' | 'idle_timeout' | 'lifetime_reached' | 'revoked';

export interface SessionEnded {
  session: Session;
  reason: SessionEndReason;
  atMs: number;
}

export interface SessionManagerOptions {
  clock: Clock;
  logger: Logger;
  policy?: SessionPolicy;
  newSessionId?: () => string;
}

interface OpenSession {
  session: Session;
  timer: TimerHandle | undefined;
}

export class SessionManager {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #newSessionId: () => string;
  readonly #open = new Map<string, OpenSession>();
  readonly #listeners = new Set<(ended: SessionEnded) => void>();
  #policy: SessionPolicy;

  constructor(options: SessionManagerOptions) {
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#newSessionId = options.newSessionId ?? (() => randomBytes(32).toString('base64url'));
    this.#policy = checkedPolicy(options.policy ?? defaultSessionPolicy);
  }

  create(accountId: string): Session {
    const nowMs = this.#clock.now();
    const session: Session = {
      id: this.#newSessionId(),
      accountId,
      createdAtMs: nowMs,
      lastActiveAtMs: nowMs,
    };
    this.#open.set(session.id, { session, timer: undefined });
    this.#schedule(session.id);
    this.#logger.info({ accountId }, 'session started');
    return session;
  }

  /** The session while it is still valid; an expired one is ended now and undefined returned. */
  get(sessionId: string): Session | undefined {
    const open = this.#open.get(sessionId);
    if (!open || this.#endIfExpired(open.session)) {
      return undefined;
    }
    return open.session;
  }

  /** Activity: pushes the idle deadline back (never the absolute one). */
  touch(sessionId: string): Session | undefined {
    const session = this.get(sessionId);
    if (!session) {
      return undefined;
    }
    const touched: Session = { ...session, lastActiveAtMs: this.#clock.now() };
    this.#open.set(sessionId, { session: touched, timer: this.#open.get(sessionId)?.timer });
    this.#schedule(sessionId);
    return touched;
  }

  /** Ends a session (sign-out, or an admin); false when it was not open any more. */
  end(sessionId: string, reason: SessionEndReason = 'signed_out'): boolean {
    const open = this.#open.get(sessionId);
    if (!open || this.#endIfExpired(open.session)) {
      return false;
    }
    this.#finish(open.session, reason);
    return true;
  }

  /** Ends every session of an account (locked, deleted or demoted by an admin). */
  endAllOf(accountId: string, reason: SessionEndReason = 'revoked'): number {
    let ended = 0;
    for (const { session } of [...this.#open.values()]) {
      if (session.accountId === accountId && this.end(session.id, reason)) {
        ended++;
      }
    }
    return ended;
  }

  /** A new policy (the admin changed the idle timeout) applies to the sessions already open. */
  setPolicy(policy: SessionPolicy): void {
    this.#policy = checkedPolicy(policy);
    for (const sessionId of [...this.#open.keys()]) {
      const open = this.#open.get(sessionId);
      if (open && !this.#endIfExpired(open.session)) {
        this.#schedule(sessionId);
      }
    }
  }

  onEnded(listener: (ended: SessionEnded) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get openSessions(): number {
    return this.#open.size;
  }

  /** Stops the timers (kiosk core shutting down); the sessions are dropped without events. */
  close(): void {
    for (const { timer } of this.#open.values()) {
      if (timer) {
        this.#clock.clearTimeout(timer);
      }
    }
    this.#open.clear();
  }

  #deadlines(session: Session): { idleMs: number; lifetimeMs: number } {
    return {
      idleMs: session.lastActiveAtMs + this.#policy.idleTimeoutMs,
      lifetimeMs: session.createdAtMs + this.#policy.absoluteLifetimeMs,
    };
  }

  /** Ends the session when a deadline has come; true when it did. */
  #endIfExpired(session: Session): boolean {
    const nowMs = this.#clock.now();
    const { idleMs, lifetimeMs } = this.#deadlines(session);
    // The lifetime wins a tie: it is the reason that does not go away by tapping.
    const reason: SessionEndReason | undefined =
      nowMs >= lifetimeMs ? 'lifetime_reached' : nowMs >= idleMs ? 'idle_timeout' : undefined;
    if (reason) {
      this.#finish(session, reason);
      return true;
    }
    return false;
  }

  #schedule(sessionId: string): void {
    const open = this.#open.get(sessionId);
    if (!open) {
      return;
    }
    if (open.timer) {
      this.#clock.clearTimeout(open.timer);
    }
    const { idleMs, lifetimeMs } = this.#deadlines(open.session);
    const delayMs = Math.min(idleMs, lifetimeMs) - this.#clock.now();
    const timer = this.#clock.setTimeout(() => {
      const current = this.#open.get(sessionId);
      if (current?.timer === timer) {
        this.#open.set(sessionId, { session: current.session, timer: undefined });
        // A real timer may fire a hair early; then it is simply set again.
        if (!this.#endIfExpired(current.session)) {
          this.#schedule(sessionId);
        }
      }
    }, delayMs);
    this.#open.set(sessionId, { session: open.session, timer });
  }

  #finish(session: Session, reason: SessionEndReason): void {
    const open = this.#open.get(session.id);
    if (open?.timer) {
      this.#clock.clearTimeout(open.timer);
    }
    this.#open.delete(session.id);
    const atMs = this.#clock.now();
    this.#logger.info({ accountId: session.accountId, reason }, 'session ended');
    for (const listener of [...this.#listeners]) {
      listener({ session, reason, atMs });
    }
  }
}

function checkedPolicy(policy: SessionPolicy): SessionPolicy {
  if (!(policy.idleTimeoutMs > 0 && policy.absoluteLifetimeMs > 0)) {
    throw new RangeError('session timeouts must be positive');
  }
  return { ...policy };
}
