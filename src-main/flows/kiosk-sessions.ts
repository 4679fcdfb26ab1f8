import { createHash } from 'node:crypto';
import type { SessionInfo, SignedInPerson } from '../../src-shared/api/session-methods.js';
import type { BankTimers } from '../../src-shared/domain/bank-settings.js';
import { rolePermissions, type Permission } from '../../src-shared/domain/permissions.js';
import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { OperatorSignIn } from '../auth/operator-sign-in.js';
import type { Session, SessionEnded, SessionManager } from '../auth/session-manager.js';
import { signInErrorCode } from '../auth/sign-in-errors.js';
import { KioskError } from '../core/kiosk-error.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { findActiveBadgeByValue } from '../db/queries/badges.js';
import { findActiveCarrierByCode, findCarrier } from '../db/queries/carriers.js';
import { findOperator } from '../db/queries/operators.js';
import { recordAction } from '../db/queries/record-action.js';
import type { Logger } from '../logging/logger.js';

/**
 * Who is signed in at the kiosk, checked on every call (security.md "Roles and permissions"):
 * the session names an account; the account's role, and so its permissions, is read again each
 * time, so a deactivated operator is out at the next tap.
 */
export interface Actor {
  person: SignedInPerson;
  /** What activity rows name as the actor: `operator:<id>` or `carrier:<id>`. */
  actorId: string;
}

const carrierAccountPrefix = 'carrier:';

export interface KioskSessionsOptions {
  db: KioskDb;
  bankId: string;
  clock: Clock;
  logger: Logger;
  sessions: SessionManager;
  signIn: OperatorSignIn;
  /** C5: badge sign-in on or off, read at each scan. */
  contactlessSignIn: () => boolean;
}

export interface KioskSessions {
  signIn(userName: string, password: string): Promise<SessionInfo>;
  signInWithScan(scan: ClassifiedScan): SessionInfo;
  current(token: string): SessionInfo;
  signOut(token: string): void;
  /** The signed-in actor if the session is valid and allows `permission`; refuses otherwise. */
  require(token: string, permission?: Permission): Actor;
  /** A7: the bank's timers changed (settings saved). */
  applyTimers(timers: BankTimers): void;
  onEnded(listener: (tag: string, reason: SessionEnded['reason']) => void): () => void;
}

/** A session's public name: enough to match an event to a page, useless as a credential. */
export function sessionTag(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 16);
}

export function sessionPolicyOf(timers: BankTimers) {
  return {
    idleTimeoutMs: timers.operatorIdleMinutes * 60_000,
    absoluteLifetimeMs: timers.operatorSessionHours * 60 * 60_000,
  };
}

export function createKioskSessions(options: KioskSessionsOptions): KioskSessions {
  const { db, bankId, clock, sessions, logger } = options;
  let idleTimeoutMs = 0;
  let lifetimeMs = 0;

  function personOf(accountId: string): Actor | undefined {
    if (accountId.startsWith(carrierAccountPrefix)) {
      const carrier = findCarrier(db, accountId.slice(carrierAccountPrefix.length));
      if (!carrier?.active) {
        return undefined;
      }
      return {
        actorId: `carrier:${carrier.id}`,
        person: {
          kind: 'carrier',
          id: carrier.id,
          displayName: carrier.name,
          role: 'carrier',
          permissions: [...rolePermissions.carrier],
        },
      };
    }
    const operator = findOperator(db, accountId);
    if (!operator?.active) {
      return undefined;
    }
    return {
      actorId: `operator:${operator.id}`,
      person: {
        kind: 'operator',
        id: operator.id,
        displayName: operator.displayName,
        role: operator.role,
        permissions: [...rolePermissions[operator.role]],
      },
    };
  }

  function infoOf(session: Session, actor: Actor): SessionInfo {
    return {
      session: session.id,
      tag: sessionTag(session.id),
      person: actor.person,
      idleTimeoutMs,
      endsAtMs: Math.min(session.lastActiveAtMs + idleTimeoutMs, session.createdAtMs + lifetimeMs),
    };
  }

  function started(session: Session, method: string): SessionInfo {
    const actor = personOf(session.accountId);
    if (!actor) {
      sessions.end(session.id, 'revoked');
      throw new KioskError('sign_in_failed');
    }
    db.transaction((tx) => {
      recordAction(
        tx,
        {
          bankId,
          type: 'session.signed_in',
          compartmentId: null,
          actor: actor.actorId,
          details: { method, role: actor.person.role },
        },
        clock.now(),
      );
    });
    return infoOf(session, actor);
  }

  function valid(token: string): { session: Session; actor: Actor } {
    const session = sessions.touch(token);
    const actor = session && personOf(session.accountId);
    if (!session || !actor) {
      if (session) {
        sessions.end(session.id, 'revoked');
      }
      throw new KioskError('not_signed_in');
    }
    return { session, actor };
  }

  return {
    signIn: async (userName, password) => {
      const result = await options.signIn.signIn(userName, password);
      if (!result.ok) {
        throw new KioskError(signInErrorCode(result));
      }
      return started(result.session, 'password');
    },

    signInWithScan: (scan) => {
      if (scan.kind === 'carrier_qr' && scan.value) {
        const carrier = findActiveCarrierByCode(db, scan.value);
        if (!carrier) {
          logger.warn({ kind: scan.kind }, 'scanned sign-in refused');
          throw new KioskError('sign_in_failed');
        }
        return started(sessions.create(`${carrierAccountPrefix}${carrier.id}`), 'carrier_qr');
      }
      if (scan.kind === 'operator_badge' && scan.value) {
        if (!options.contactlessSignIn()) {
          throw new KioskError('contactless_sign_in_off');
        }
        const badge = findActiveBadgeByValue(db, scan.value);
        if (!badge?.operatorId) {
          logger.warn({ kind: scan.kind }, 'scanned sign-in refused');
          throw new KioskError('sign_in_failed');
        }
        return started(sessions.create(badge.operatorId), 'badge');
      }
      throw new KioskError('scan_not_usable');
    },

    current: (token) => {
      const { session, actor } = valid(token);
      return infoOf(session, actor);
    },

    signOut: (token) => {
      sessions.end(token, 'signed_out');
    },

    require: (token, permission) => {
      const { actor } = valid(token);
      if (permission && !actor.person.permissions.includes(permission)) {
        logger.warn({ actor: actor.actorId, permission }, 'permission refused');
        throw new KioskError('permission_denied');
      }
      return actor;
    },

    applyTimers: (timers) => {
      const policy = sessionPolicyOf(timers);
      idleTimeoutMs = policy.idleTimeoutMs;
      lifetimeMs = policy.absoluteLifetimeMs;
      sessions.setPolicy(policy);
    },

    onEnded: (listener) =>
      sessions.onEnded((ended) => {
        const actor = personOf(ended.session.accountId);
        db.transaction((tx) => {
          recordAction(
            tx,
            {
              bankId,
              type: 'session.ended',
              compartmentId: null,
              actor: actor?.actorId ?? 'system',
              details: { reason: ended.reason },
            },
            ended.atMs,
          );
        });
        listener(sessionTag(ended.session.id), ended.reason);
      }),
  };
}
