import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { RandomInt } from '../../../src-main/codes/code-generator.js';
import { codeKit, day, seededRandom } from './code-test-kit.js';

/**
 * security.md: codes are "never logged in clear: a test scans the logs for generated codes".
 * Everything the code machinery logs, at the most verbose level, is captured while many codes
 * are issued, re-issued, verified, mistyped, waited on and consumed; no code (nor its hash) may
 * appear in it.
 *
 * Deterministic on purpose: codes come from a seeded source and ids from a counter, and pino
 * writes no pid or hostname, so a digit string in the log can only be one the code under test
 * put there. With real randomness a 6-digit code would now and then equal some unrelated number
 * in a log line and the test would fail by luck.
 */
function digitRuns(text: string): Set<string> {
  return new Set(text.match(/[0-9]+/g) ?? []);
}

/** Every tenth draw repeats the previous one, so "drew an active code, drawing again" is logged. */
function collidingRandom(seed: number): RandomInt {
  const random = seededRandom(seed);
  let draws = 0;
  let previous = 0;
  return (maxExclusive) => {
    draws++;
    if (draws % 10 !== 0) {
      previous = random(maxExclusive);
    }
    return previous % maxExclusive;
  };
}

function capturedRun() {
  const lines: string[] = [];
  const logger = pino(
    { level: 'trace', base: null },
    { write: (line: string) => lines.push(line) },
  );
  let nextId = 0;
  const kit = codeKit({
    logger,
    issuer: { random: collidingRandom(20260101), newId: () => `code-${++nextId}` },
  });
  return { ...kit, lines, logger };
}

describe('codes in the logs', () => {
  it('never contain a generated or typed code, nor a code’s hash', async () => {
    const { clock, issuer, hasher, issuePickup, typePickup, verifier, limiter, lines } =
      capturedRun();
    const secrets: string[] = [];
    const issued = [];
    for (let index = 0; index < 300; index++) {
      issued.push(issuePickup(`parcel-${index}`));
    }
    for (let index = 0; index < 40; index++) {
      issued.push(
        issuer.issue({
          purpose: 'carrier_delivery',
          targetId: `delivery-${index}`,
          expiresAtMs: clock.now() + day,
        }),
      );
    }
    // Re-issues (X6) void the old codes: both the old and the new digits are secrets.
    for (let index = 0; index < 50; index++) {
      issued.push(issuePickup(`parcel-${index}`));
    }
    secrets.push(...issued.map((code) => code.code));

    for (const code of issued.slice(-100)) {
      await clock.advance(limiter.waitBeforeAttempt({}));
      const check = verifier.verifyTypedCode({
        code: code.code,
        purposes: ['pickup', 'carrier_delivery'],
      });
      expect(check.outcome).toBe('accepted');
      expect(verifier.consume(code.codeId)).toBe(true);
    }
    // An attacker's guesses, accepted-looking near misses, targeted guesses and waits.
    const guessSource = seededRandom(7);
    for (let attempt = 0; attempt < 200; attempt++) {
      const guess = String(guessSource(1_000_000)).padStart(6, '0');
      secrets.push(guess);
      typePickup(guess, attempt % 3 === 0 ? `parcel-${attempt % 300}` : undefined);
      await clock.advance(7_000);
    }
    // The old codes of re-issued parcels, typed again.
    for (const code of issued.slice(0, 50)) {
      await clock.advance(limiter.waitBeforeAttempt({}));
      expect(typePickup(code.code).outcome).toBe('rejected');
    }

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(700);
    expect(log).toContain('drawing again');
    expect(log).toContain('refused during back-off');
    const runs = digitRuns(log);
    const leaked = secrets.filter((secret) => runs.has(secret));
    expect(leaked).toEqual([]);
    for (const code of issued) {
      expect(log).not.toContain(hasher.hash(code.code));
    }
  });

  it('would catch a code that was logged (the scan itself works)', () => {
    const { issuePickup, lines, logger } = capturedRun();
    const issued = issuePickup('parcel-1');
    logger.info({ detail: `typed ${issued.code}` }, 'a careless log line');
    expect(digitRuns(lines.join('')).has(issued.code)).toBe(true);
  });
});
