import type { StorageVisit } from '../../src-shared/api/storage-methods.js';
import type { StorageDuration } from '../../src-shared/domain/bank-settings.js';
import { hourMs, maxExtensionHours } from '../../src-shared/domain/storage-stay.js';
import type { Translator } from '../dropoff/compartment-text.js';
import { isVisitExpired } from './storage-state.js';

/** Round numbers a person thinks in; the policy's own limit is always offered too. */
const stayChoices = [2, 4, 8, 24, 48, 72] as const;
const extensionSteps = [1, 2, 4, 8, 24, 48] as const;

/**
 * F1, C6: what the duration step offers. A fixed stay and a stay without end leave nothing to
 * choose (one entry: its hours, or null for "no end"); a flexible one offers the round numbers
 * under the maximum, and the maximum itself.
 */
export function stayChoicesFor(duration: StorageDuration): (number | null)[] {
  switch (duration.kind) {
    case 'fixed':
      return [duration.hours];
    case 'open_ended':
      return [null];
    case 'flexible':
      return [...stayChoices.filter((hours) => hours < duration.maxHours), duration.maxHours];
  }
}

/** Whether the person picks the hours themselves (only a flexible policy asks). */
export function asksForHours(duration: StorageDuration): boolean {
  return duration.kind === 'flexible';
}

/**
 * F5: the hours that may be added to a running storage, each ending no later than
 * `latestEndMs`, with the longest one possible last. Nothing for a storage that cannot be
 * extended (no end, no limit given, or already past its end: it can only be ended). The same
 * arithmetic as the core's check (storage-stay.ts), so a choice shown is a choice accepted.
 */
export function extensionChoicesFor(
  visit: Pick<StorageVisit, 'endsAtMs' | 'latestEndMs' | 'expired'>,
  nowMs: number,
): number[] {
  const room = isVisitExpired(visit, nowMs) ? 0 : maxExtensionHours(visit, nowMs);
  if (room < 1) {
    return [];
  }
  return [...extensionSteps.filter((hours) => hours < room), room];
}

/** Where a stay of `hours` from `fromMs` ends. */
export function endAfter(fromMs: number, hours: number): number {
  return fromMs + hours * hourMs;
}

/** "1 hour", "24 hours" in the person's language. */
export function hoursText(i18n: Translator, hours: number): string {
  return hours === 1
    ? i18n.t('storage_screen.hours.one')
    : i18n.t('storage_screen.hours.many', { hours });
}
