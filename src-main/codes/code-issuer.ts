import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../src-shared/time/clock.js';
import type { Logger } from '../logging/logger.js';
import {
  checkCodeLengths,
  cryptoRandomInt,
  defaultCodeLengths,
  generateCode,
  type CodeLengths,
  type RandomInt,
} from './code-generator.js';
import type { CodeHasher } from './code-hasher.js';
import { audienceOf, type CodePurpose } from './code-purpose.js';
import type { CodeStore } from './code-store.js';

export interface CodeIssuerOptions {
  store: CodeStore;
  hasher: CodeHasher;
  clock: Clock;
  logger: Logger;
  lengths?: CodeLengths;
  /** Injected only by tests that need collisions on demand; production keeps the CSPRNG. */
  random?: RandomInt;
  newId?: () => string;
  /** Draws before giving up; reaching it means the code space is nearly full, not bad luck. */
  maxDraws?: number;
}

export interface IssueCodeRequest {
  purpose: CodePurpose;
  targetId: string;
  /** The end of the bank's pickup window for this target (see `pickupWindowEnd`). */
  expiresAtMs: number;
}

/** The only moment the digits exist in clear: they go to the notification, then are forgotten. */
export interface IssuedCode {
  codeId: string;
  code: string;
  expiresAtMs: number;
  /** Codes of the same target and purpose this issue voided (a re-issue, X6). */
  voidedCodeIds: string[];
}

export class CodeSpaceExhaustedError extends Error {
  constructor(draws: number) {
    super(`no free code found in ${draws} draws: too many active codes for this code length`);
    this.name = 'CodeSpaceExhaustedError';
  }
}

/** When a code issued now for a target stops working: the bank's pickup window (C8). */
export function pickupWindowEnd(startedAtMs: number, pickupWindowMs: number): number {
  return startedAtMs + pickupWindowMs;
}

export interface CodeIssuer {
  issue(request: IssueCodeRequest): IssuedCode;
  /** Voids the target's active codes of that purpose (parcel removed, reservation cancelled). */
  voidCodesOf(targetId: string, purpose: CodePurpose): string[];
}

/**
 * Issues codes: unique among the bank's active codes, stored as a keyed hash, expiring at the
 * end of the pickup window, and voiding the target's previous code of the same purpose. Meant
 * to run inside the caller's transaction, so the void, the insert and the action's activity row
 * commit together.
 */
export function createCodeIssuer(options: CodeIssuerOptions): CodeIssuer {
  const lengths = options.lengths ?? defaultCodeLengths;
  checkCodeLengths(lengths);
  const random = options.random ?? cryptoRandomInt;
  const newId = options.newId ?? uuidv7;
  const maxDraws = options.maxDraws ?? 100;
  const { store, hasher, clock, logger } = options;

  function voidCodesOf(targetId: string, purpose: CodePurpose): string[] {
    const nowMs = clock.now();
    return store
      .findActiveByTarget(targetId, purpose, nowMs)
      .filter((code) => store.markVoided(code.id, nowMs))
      .map((code) => code.id);
  }

  /** Draws until a code matches no active code; the hash is what the store can compare. */
  function drawUniqueCode(purpose: CodePurpose, nowMs: number): { code: string; hash: string } {
    for (let draw = 1; draw <= maxDraws; draw++) {
      const code = generateCode(audienceOf(purpose), lengths, random);
      const hash = hasher.hash(code);
      if (!store.findActiveByHash(hash, nowMs)) {
        return { code, hash };
      }
      logger.debug({ purpose, draw }, 'new code matched an active code, drawing again');
    }
    throw new CodeSpaceExhaustedError(maxDraws);
  }

  return {
    voidCodesOf,
    issue: ({ purpose, targetId, expiresAtMs }) => {
      const nowMs = clock.now();
      if (!(expiresAtMs > nowMs)) {
        throw new RangeError('a code must expire after it is issued');
      }
      // Drawn before voiding: a full code space then changes nothing, and the new digits also
      // differ from the code they replace.
      const { code, hash } = drawUniqueCode(purpose, nowMs);
      const voidedCodeIds = voidCodesOf(targetId, purpose);
      const codeId = newId();
      store.insert({
        id: codeId,
        codeHash: hash,
        purpose,
        targetId,
        issuedAtMs: nowMs,
        expiresAtMs,
        consumedAtMs: null,
        voidedAtMs: null,
      });
      // Ids only: neither the digits nor the hash are ever logged.
      logger.info({ codeId, purpose, targetId, expiresAtMs, voidedCodeIds }, 'code issued');
      return { codeId, code, expiresAtMs, voidedCodeIds };
    },
  };
}
