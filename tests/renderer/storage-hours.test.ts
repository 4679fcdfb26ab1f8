import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/translate.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';
import {
  asksForHours,
  endAfter,
  extensionChoicesFor,
  hoursText,
  stayChoicesFor,
} from '../../src-renderer/storage/storage-hours.js';
import { storageHeadingKey } from '../../src-renderer/storage/storage-heading.js';
import { storageEndText, storagePlace } from '../../src-renderer/storage/storage-text.js';
import { formatStorageEnd } from '../../src-renderer/storage/storage-time.js';

const hour = 60 * 60 * 1000;
const start = Date.UTC(2026, 10, 24, 14);

function translator(locale: 'en' | 'fr') {
  return {
    current: locale,
    t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
  };
}

describe('stay choices (F1, C6)', () => {
  it('offers nothing to choose for a fixed stay or one without end', () => {
    expect(stayChoicesFor({ kind: 'fixed', hours: 24 })).toEqual([24]);
    expect(stayChoicesFor({ kind: 'open_ended' })).toEqual([null]);
    expect(asksForHours({ kind: 'fixed', hours: 24 })).toBe(false);
    expect(asksForHours({ kind: 'open_ended' })).toBe(false);
  });

  it('offers round numbers under the maximum and the maximum itself for a chosen stay', () => {
    expect(asksForHours({ kind: 'flexible', maxHours: 24 })).toBe(true);
    expect(stayChoicesFor({ kind: 'flexible', maxHours: 24 })).toEqual([2, 4, 8, 24]);
    expect(stayChoicesFor({ kind: 'flexible', maxHours: 30 })).toEqual([2, 4, 8, 24, 30]);
    expect(stayChoicesFor({ kind: 'flexible', maxHours: 1 })).toEqual([1]);
    expect(stayChoicesFor({ kind: 'flexible', maxHours: 720 })).toEqual([2, 4, 8, 24, 48, 72, 720]);
  });
});

describe('extension choices (F5)', () => {
  const now = start - hour;
  const visit = (endsAtMs: number | null, latestEndMs: number | null, expired = false) => ({
    endsAtMs,
    latestEndMs,
    expired,
  });

  it('never goes past the latest end, and offers exactly the room that is left', () => {
    expect(extensionChoicesFor(visit(start + 24 * hour, start + 72 * hour), now)).toEqual([
      1, 2, 4, 8, 24, 48,
    ]);
    expect(extensionChoicesFor(visit(start, start + 10 * hour), now)).toEqual([1, 2, 4, 8, 10]);
    // Part of an hour left is no whole hour to add.
    expect(extensionChoicesFor(visit(start, start + hour + 59 * 60 * 1000), now)).toEqual([1]);
    for (const hours of extensionChoicesFor(visit(start, start + 50 * hour), now)) {
      expect(endAfter(start, hours)).toBeLessThanOrEqual(start + 50 * hour);
    }
  });

  it('offers nothing when the storage cannot be extended', () => {
    expect(extensionChoicesFor(visit(start, null), now)).toEqual([]);
    expect(extensionChoicesFor(visit(null, null), now)).toEqual([]);
    expect(extensionChoicesFor(visit(start, start + 30 * 60 * 1000), now)).toEqual([]);
    expect(extensionChoicesFor(visit(start, start + 72 * hour, true), now)).toEqual([]);
    // Past its end while on screen: the core would refuse, so nothing is offered.
    expect(extensionChoicesFor(visit(start, start + 72 * hour), start)).toEqual([]);
  });
});

describe('storage words', () => {
  it('says hours in both languages, one hour in the singular', () => {
    expect(hoursText(translator('en'), 1)).toBe('1 hour');
    expect(hoursText(translator('en'), 24)).toBe('24 hours');
    expect(hoursText(translator('fr'), 1)).toBe('1 heure');
    expect(hoursText(translator('fr'), 48)).toBe('48\u00a0heures');
  });

  it('writes the end with its day, not only a time of day', () => {
    const end = Date.UTC(2026, 10, 25, 14, 5);
    const english = formatStorageEnd('en', end);
    expect(english).toMatch(/Nov/u);
    expect(english).toMatch(/\d{1,2}:05/u);
    expect(formatStorageEnd('fr', end)).toMatch(/nov/u);
    expect(storageEndText(translator('en'), end)).toBe(`Ends ${english}`);
    expect(storageEndText(translator('fr'), null)).toContain('Sans limite de durée');
  });

  it('says where the door is', () => {
    const place = storagePlace(translator('fr'), { size: 'M', doorBottomCm: 80, doorTopCm: 120 });
    expect(place).toBe('Moyen, à 80–120 cm du sol');
  });

  it('titles the screen after where the person is', () => {
    expect(storageHeadingKey({ page: 'start', visit: undefined, newCode: undefined })).toBe(
      'storage_screen.heading',
    );
    expect(storageHeadingKey({ page: 'size', visit: undefined, newCode: undefined })).toBe(
      'storage_screen.size.heading',
    );
  });
});
