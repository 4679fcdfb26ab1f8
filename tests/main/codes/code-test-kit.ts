import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import {
  CodeAttemptLimiter,
  type AttemptLimiterOptions,
} from '../../../src-main/codes/attempt-limiter.js';
import type { RandomInt } from '../../../src-main/codes/code-generator.js';
import { createCodeHasher } from '../../../src-main/codes/code-hasher.js';
import { createCodeIssuer, type CodeIssuerOptions } from '../../../src-main/codes/code-issuer.js';
import {
  createCodeVerifier,
  type CodeVerifierOptions,
} from '../../../src-main/codes/code-verifier.js';
import type { CodeStore, StoredCode } from '../../../src-main/codes/code-store.js';
import { MemoryCodeStore } from '../../../src-main/codes/memory-code-store.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';

export const hour = 60 * 60_000;
export const day = 24 * hour;

/** A logger at the most verbose level whose every line the test can read back. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

/** A reproducible random source (mulberry32), for tests that must not depend on luck. */
export function seededRandom(seed: number): RandomInt {
  let state = seed >>> 0;
  return (maxExclusive) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(unit * maxExclusive);
  };
}

/** Answers the given values in turn (then repeats the last): collisions on demand. */
export function scriptedRandom(values: readonly number[]): RandomInt {
  let next = 0;
  return () => values[Math.min(next++, values.length - 1)]!;
}

/** A store whose every row a test can read back, active or not (both stores have `all`). */
export interface InspectableCodeStore extends CodeStore {
  all(): StoredCode[];
}

export interface CodeKitOptions {
  /** The memory store unless given (the SQLite store, in its tests). */
  store?: InspectableCodeStore;
  issuer?: Partial<Pick<CodeIssuerOptions, 'lengths' | 'random' | 'newId' | 'maxDraws'>>;
  limiter?: Omit<AttemptLimiterOptions, 'clock'>;
  verifier?: Partial<Pick<CodeVerifierOptions, 'tokens' | 'onBackoff'>>;
  logger?: Logger;
  clock?: ManualClock;
}

/** One bank's code machinery on fake time, wired as the kiosk core will wire it. */
export function codeKit(options: CodeKitOptions = {}) {
  const clock = options.clock ?? new ManualClock();
  const store: InspectableCodeStore = options.store ?? new MemoryCodeStore();
  const hasher = createCodeHasher(randomBytes(32));
  const logger = options.logger ?? pino({ level: 'silent' });
  const limiter = new CodeAttemptLimiter({ clock, ...options.limiter });
  const issuer = createCodeIssuer({ store, hasher, clock, logger, ...options.issuer });
  const verifier = createCodeVerifier({
    store,
    hasher,
    limiter,
    clock,
    logger,
    ...options.verifier,
  });
  const issuePickup = (targetId: string, validForMs = 3 * day) =>
    issuer.issue({ purpose: 'pickup', targetId, expiresAtMs: clock.now() + validForMs });
  const typePickup = (code: string, targetId?: string) =>
    verifier.verifyTypedCode({ code, purposes: ['pickup'], targetId });
  return { clock, store, hasher, limiter, issuer, verifier, issuePickup, typePickup };
}

/** A 6-digit code that is not `code` (and not any of `others`). */
export function wrongCode(code: string, others: readonly string[] = []): string {
  for (let value = (Number(code) + 1) % 1_000_000; ; value = (value + 1) % 1_000_000) {
    const candidate = String(value).padStart(6, '0');
    if (candidate !== code && !others.includes(candidate)) {
      return candidate;
    }
  }
}
