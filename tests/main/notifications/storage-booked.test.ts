import { describe, expect, it } from 'vitest';
import { ComposedMessage } from '../../../src-shared/sync/composed-message.js';
import {
  composeStorageBooked,
  type StorageBookedInput,
} from '../../../src-main/notifications/storage-booked.js';

const startsAtMs = Date.UTC(2026, 5, 15, 7, 0);

function input(overrides: Partial<StorageBookedInput> = {}): StorageBookedInput {
  return {
    recipient: { name: 'Zoé Martin', email: 'zoe.martin@example.org', language: 'en' },
    bankName: 'Hall A',
    storageCode: '04827193',
    size: 'M',
    startsAtMs,
    claimUntilMs: startsAtMs + 24 * 60 * 60_000,
    stayHours: 24,
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

/** F2: the booking's notice, in the owner's language, with the code and the arrival window. */
describe('composeStorageBooked', () => {
  it('writes the English message with the code, size and from when until when', () => {
    const message = composeStorageBooked(input());
    expect(ComposedMessage.parse(message)).toEqual(message);
    expect(message.subject).toBe('Your storage booking: Hall A');
    expect(message.text).toContain('Storage code: 04827193');
    expect(message.text).toContain('Compartment size: Medium');
    expect(message.text).toContain('Arrive from: Monday, June 15, 2026 at 9:00 AM');
    expect(message.text).toContain('Arrive by: Tuesday, June 16, 2026 at 9:00 AM');
    expect(message.text).toContain('Length of stay: 24 h from your arrival');
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain('04827193');
  });

  it('writes French with its typography', () => {
    const message = composeStorageBooked(
      input({
        recipient: { name: 'Zoé Martin', email: null, language: 'fr' },
        stayHours: null,
      }),
    );
    expect(message.subject).toBe('Votre réservation de stockage\u00a0: Hall A');
    expect(message.text).toContain('Code de stockage\u00a0: 04827193');
    expect(message.text).toContain('Taille du casier\u00a0: Moyen');
    expect(message.text).toContain('Arrivée possible dès\u00a0: lundi 15 juin 2026 à 09:00');
    expect(message.text).toContain('sans limite');
    expect(message.to).toEqual({ name: 'Zoé Martin', email: null });
  });

  it('escapes directory text in the HTML and refuses a code that is not digits', () => {
    const message = composeStorageBooked(
      input({ recipient: { name: '<b>Eve</b>', email: null, language: 'en' } }),
    );
    expect(message.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(() => composeStorageBooked(input({ storageCode: '12a4' }))).toThrow(RangeError);
  });
});
