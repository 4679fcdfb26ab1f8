import type { StorageDuration, StoragePolicy } from './bank-settings.js';

/**
 * The arithmetic of one storage stay (C6, F1, F5), shared by the core and the screens: how long
 * a stay may be under the bank's policy, when it ends, how far an extension may take it, and
 * whether it is over. Pure: times are epoch milliseconds, the caller passes "now".
 */

export const hourMs = 60 * 60_000;

/** Why the hours a person asked for do not fit the policy. */
export type StayHoursProblem =
  /** C6 fixed: every stay lasts exactly `hours`. */
  | { problem: 'fixed_hours'; hours: number }
  /** C6 flexible: at most `maxHours`. */
  | { problem: 'too_long'; maxHours: number }
  /** C6 flexible: the person must choose a length. */
  | { problem: 'hours_required'; maxHours: number }
  /** C6 open-ended: there is no end time to choose. */
  | { problem: 'no_end_time' };

export type StayHoursCheck =
  { ok: true; stayHours: number | null } | ({ ok: false } & StayHoursProblem);

/**
 * The stay's length in hours as the policy allows it, or why not. A fixed policy accepts null
 * (the screen offers no choice) and its own hours; open-ended has no length (null).
 */
export function checkStayHours(duration: StorageDuration, hours: number | null): StayHoursCheck {
  switch (duration.kind) {
    case 'fixed':
      return hours === null || hours === duration.hours
        ? { ok: true, stayHours: duration.hours }
        : { ok: false, problem: 'fixed_hours', hours: duration.hours };
    case 'flexible':
      if (hours === null) {
        return { ok: false, problem: 'hours_required', maxHours: duration.maxHours };
      }
      return Number.isInteger(hours) && hours >= 1 && hours <= duration.maxHours
        ? { ok: true, stayHours: hours }
        : { ok: false, problem: 'too_long', maxHours: duration.maxHours };
    case 'open_ended':
      return hours === null ? { ok: true, stayHours: null } : { ok: false, problem: 'no_end_time' };
  }
}

/** When a stay of `stayHours` started at `startedAtMs` ends; null: it has no end (C6). */
export function stayEnd(startedAtMs: number, stayHours: number | null): number | null {
  return stayHours === null ? null : startedAtMs + stayHours * hourMs;
}

/**
 * F5: the latest end an extension may reach, fixed when the stay starts (a later policy change
 * does not move it): start + `maxTotalHours` when extension is allowed and the stay has an end,
 * else null (it cannot be extended). Never before the stay's own end.
 */
export function latestStayEnd(
  startedAtMs: number,
  stayHours: number | null,
  extension: StoragePolicy['extension'],
): number | null {
  const end = stayEnd(startedAtMs, stayHours);
  if (end === null || !extension.allowed) {
    return null;
  }
  return Math.max(end, startedAtMs + extension.maxTotalHours * hourMs);
}

/**
 * Whether a stay is over (overstay, G3). A stay covers [start, end): at its end instant it is
 * over, like a code that stops working at its expiry. A stay without end never is.
 */
export function isStayExpired(endsAtMs: number | null, nowMs: number): boolean {
  return endsAtMs !== null && nowMs >= endsAtMs;
}

export interface StayTimes {
  endsAtMs: number | null;
  latestEndMs: number | null;
}

export type ExtensionCheck =
  | { ok: true; endsAtMs: number }
  /** The stay cannot be extended at all (policy off when it started, or no end time). */
  | { ok: false; problem: 'not_allowed' }
  /** Past its end: it can only be ended now. */
  | { ok: false; problem: 'expired' }
  /** The new end would pass the latest end. */
  | { ok: false; problem: 'beyond_latest'; latestEndMs: number };

/** F5: whether `hours` more fit this stay at `nowMs`, and its new end. */
export function checkExtension(stay: StayTimes, hours: number, nowMs: number): ExtensionCheck {
  if (stay.endsAtMs === null || stay.latestEndMs === null) {
    return { ok: false, problem: 'not_allowed' };
  }
  if (isStayExpired(stay.endsAtMs, nowMs)) {
    return { ok: false, problem: 'expired' };
  }
  const endsAtMs = stay.endsAtMs + hours * hourMs;
  if (!Number.isInteger(hours) || hours < 1 || endsAtMs > stay.latestEndMs) {
    return { ok: false, problem: 'beyond_latest', latestEndMs: stay.latestEndMs };
  }
  return { ok: true, endsAtMs };
}

/** F5: the most whole hours an extension may add now (0 when none). */
export function maxExtensionHours(stay: StayTimes, nowMs: number): number {
  if (stay.endsAtMs === null || stay.latestEndMs === null || isStayExpired(stay.endsAtMs, nowMs)) {
    return 0;
  }
  return Math.floor((stay.latestEndMs - stay.endsAtMs) / hourMs);
}
