import type { Clock } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';
import type { AttemptSubject, CodeAttemptLimiter } from './attempt-limiter.js';
import { looksLikeCode } from './code-generator.js';
import type { CodeHasher } from './code-hasher.js';
import type { CodePurpose } from './code-purpose.js';
import type { CodeStore, StoredCode } from './code-store.js';
import type { PickupTokenVerifier } from './pickup-token.js';

/**
 * What checking a code answers. `rejected` is one outcome for a wrong, unknown, expired, used or
 * voided code, and for another target's code: the store only ever finds active codes, so this
 * module could not tell those apart if it wanted to, and the person at the keypad learns nothing
 * about which codes exist. `wait` means the attempt was not evaluated at all (attempt-limiter.ts).
 */
export type CodeCheck =
  | {
      outcome: 'accepted';
      codeId: string;
      purpose: CodePurpose;
      targetId: string;
      expiresAtMs: number;
    }
  | { outcome: 'rejected'; retryAfterMs: number }
  | { outcome: 'wait'; retryAfterMs: number };

export interface VerifyTypedCodeRequest {
  code: string;
  /** What this screen opens: a pickup screen does not accept a carrier's delivery code. */
  purposes: readonly CodePurpose[];
  /** Known before the code is checked (badge, chosen parcel): only that target's codes match. */
  targetId?: string | undefined;
}

/** Told when a failure starts or lengthens a wait, so the mailroom can be alerted (X3). */
export interface BackoffAlert {
  keypadFailures: number;
  targetId: string | undefined;
  targetFailures: number | undefined;
  retryAfterMs: number;
}

export interface CodeVerifierOptions {
  store: CodeStore;
  hasher: CodeHasher;
  limiter: CodeAttemptLimiter;
  clock: Clock;
  logger: Logger;
  tokens?: PickupTokenVerifier;
  onBackoff?: (alert: BackoffAlert) => void;
}

export interface CodeVerifier {
  verifyTypedCode(request: VerifyTypedCodeRequest): CodeCheck;
  /** A scanned pickup QR (pickup-token.ts): accepted while the code it names is active. */
  verifyPickupToken(scannedText: string, purposes: readonly CodePurpose[]): CodeCheck;
  /**
   * Uses the code up. Separate from verifying on purpose: the pickup flow calls it only once
   * door truth has seen the door open and close again (issue 4, item 5), so a door that never
   * opened leaves the person their code. False when it was already used or voided.
   */
  consume(codeId: string): boolean;
}

export function createCodeVerifier(options: CodeVerifierOptions): CodeVerifier {
  const { store, hasher, limiter, clock, logger, tokens, onBackoff } = options;

  function accepted(code: StoredCode): CodeCheck {
    return {
      outcome: 'accepted',
      codeId: code.id,
      purpose: code.purpose,
      targetId: code.targetId,
      expiresAtMs: code.expiresAtMs,
    };
  }

  function matches(code: StoredCode, request: VerifyTypedCodeRequest): boolean {
    return (
      request.purposes.includes(code.purpose) &&
      (request.targetId === undefined || code.targetId === request.targetId)
    );
  }

  function reject(subject: AttemptSubject): CodeCheck {
    const failure = limiter.recordFailure(subject);
    // Never the typed text: a near miss of a real code is worth as much as the code.
    logger.warn(
      {
        targetId: subject.targetId,
        keypadFailures: failure.keypadFailures,
        targetFailures: failure.targetFailures,
        retryAfterMs: failure.retryAfterMs,
      },
      'code rejected',
    );
    if (failure.retryAfterMs > 0) {
      onBackoff?.({
        keypadFailures: failure.keypadFailures,
        targetId: subject.targetId,
        targetFailures: failure.targetFailures,
        retryAfterMs: failure.retryAfterMs,
      });
    }
    return { outcome: 'rejected', retryAfterMs: failure.retryAfterMs };
  }

  return {
    verifyTypedCode: (request) => {
      const subject: AttemptSubject = { targetId: request.targetId };
      const waitMs = limiter.waitBeforeAttempt(subject);
      if (waitMs > 0) {
        logger.info({ targetId: request.targetId, waitMs }, 'code attempt refused during back-off');
        return { outcome: 'wait', retryAfterMs: waitMs };
      }
      const found = looksLikeCode(request.code)
        ? store.findActiveByHash(hasher.hash(request.code), clock.now())
        : undefined;
      if (!found || !matches(found, request)) {
        return reject(subject);
      }
      limiter.recordSuccess(found.targetId);
      logger.info({ codeId: found.id, targetId: found.targetId }, 'code accepted');
      return accepted(found);
    },

    verifyPickupToken: (scannedText, purposes) => {
      // Not rate-limited: a signature cannot be guessed, and a scan cannot lock anyone out.
      const token = tokens?.verify(scannedText) ?? { ok: false };
      const found = token.ok ? store.findActiveById(token.codeId, clock.now()) : undefined;
      if (!found || !purposes.includes(found.purpose)) {
        logger.warn({ signatureValid: token.ok }, 'pickup token rejected');
        return { outcome: 'rejected', retryAfterMs: 0 };
      }
      logger.info({ codeId: found.id, targetId: found.targetId }, 'pickup token accepted');
      return accepted(found);
    },

    consume: (codeId) => {
      const consumed = store.markConsumed(codeId, clock.now());
      if (consumed) {
        logger.info({ codeId }, 'code consumed');
      } else {
        logger.warn({ codeId }, 'code not consumed: already used or voided');
      }
      return consumed;
    },
  };
}
