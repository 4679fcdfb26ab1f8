import { describe, expect, it } from 'vitest';
import {
  checkExtension,
  checkStayHours,
  hourMs,
  isStayExpired,
  latestStayEnd,
  maxExtensionHours,
  stayEnd,
} from '../../src-shared/domain/storage-stay.js';

const start = Date.UTC(2026, 10, 25, 9, 0);

/** C6, F5: the stay arithmetic the core stores and the screens show. */
describe('storage stay', () => {
  it('C6 fixed: accepts no choice or the fixed hours, nothing else', () => {
    const fixed = { kind: 'fixed', hours: 24 } as const;
    expect(checkStayHours(fixed, null)).toEqual({ ok: true, stayHours: 24 });
    expect(checkStayHours(fixed, 24)).toEqual({ ok: true, stayHours: 24 });
    expect(checkStayHours(fixed, 12)).toEqual({ ok: false, problem: 'fixed_hours', hours: 24 });
  });

  it('C6 flexible: 1 to maxHours, a length is required', () => {
    const flexible = { kind: 'flexible', maxHours: 48 } as const;
    expect(checkStayHours(flexible, 1)).toEqual({ ok: true, stayHours: 1 });
    expect(checkStayHours(flexible, 48)).toEqual({ ok: true, stayHours: 48 });
    expect(checkStayHours(flexible, 49)).toMatchObject({ ok: false, problem: 'too_long' });
    expect(checkStayHours(flexible, 0)).toMatchObject({ ok: false, problem: 'too_long' });
    expect(checkStayHours(flexible, null)).toMatchObject({ ok: false, problem: 'hours_required' });
  });

  it('C6 open-ended: no hours, no end', () => {
    const open = { kind: 'open_ended' } as const;
    expect(checkStayHours(open, null)).toEqual({ ok: true, stayHours: null });
    expect(checkStayHours(open, 5)).toEqual({ ok: false, problem: 'no_end_time' });
    expect(stayEnd(start, null)).toBeNull();
    expect(latestStayEnd(start, null, { allowed: true, maxTotalHours: 72 })).toBeNull();
    expect(isStayExpired(null, start + 1000 * 24 * hourMs)).toBe(false);
  });

  it('F5: the latest end is start + maxTotalHours when allowed, else none', () => {
    expect(stayEnd(start, 24)).toBe(start + 24 * hourMs);
    expect(latestStayEnd(start, 24, { allowed: true, maxTotalHours: 72 })).toBe(
      start + 72 * hourMs,
    );
    expect(latestStayEnd(start, 24, { allowed: false, maxTotalHours: 72 })).toBeNull();
  });

  it('expires at its end, not a millisecond before', () => {
    const end = start + 24 * hourMs;
    expect(isStayExpired(end, end - 1)).toBe(false);
    expect(isStayExpired(end, end)).toBe(true);
    expect(isStayExpired(end, end + 1)).toBe(true);
  });

  it('F5: an extension up to the latest end fits, one hour more does not', () => {
    const stay = { endsAtMs: start + 24 * hourMs, latestEndMs: start + 72 * hourMs };
    expect(checkExtension(stay, 48, start)).toEqual({ ok: true, endsAtMs: start + 72 * hourMs });
    expect(checkExtension(stay, 49, start)).toEqual({
      ok: false,
      problem: 'beyond_latest',
      latestEndMs: start + 72 * hourMs,
    });
    expect(maxExtensionHours(stay, start)).toBe(48);
  });

  it('F5: no extension when not allowed, nor once expired', () => {
    expect(checkExtension({ endsAtMs: start + hourMs, latestEndMs: null }, 1, start)).toEqual({
      ok: false,
      problem: 'not_allowed',
    });
    const stay = { endsAtMs: start + hourMs, latestEndMs: start + 72 * hourMs };
    expect(checkExtension(stay, 1, start + hourMs)).toEqual({ ok: false, problem: 'expired' });
    expect(maxExtensionHours(stay, start + hourMs)).toBe(0);
  });
});
