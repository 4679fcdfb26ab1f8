import { describe, expect, it } from 'vitest';
import { fr } from '../../src-shared/i18n/index.js';

/**
 * French names a person's storage « stockage » and the locker bank « consigne », as the core
 * and the booking email do (F1–F5): a screen saying « consigne » for both would leave a person
 * unsure whether the code opens their compartment or the whole bank.
 */
describe('French words for a storage', () => {
  const storageKeys = Object.keys(fr).filter(
    (key) =>
      key.startsWith('storage_screen.') ||
      key.startsWith('management_screen.storage.') ||
      key.startsWith('management_screen.empty_storage') ||
      key.startsWith('management_screen.empty_outcome.') ||
      key === 'management_screen.use.storage' ||
      key === 'management_screen.use.expired_storage',
  ) as (keyof typeof fr)[];

  it('never calls a storage « consigne » on the storage and grid screens', () => {
    expect(storageKeys.length).toBeGreaterThan(40);
    for (const key of storageKeys) {
      expect(fr[key], key).not.toMatch(/consigne/iu);
    }
  });

  it('says « stockage » where the person needs it', () => {
    expect(fr['storage_screen.code.label']).toBe('Code de stockage');
    expect(fr['storage_screen.nothing_inside.cancel']).toBe('Annuler le stockage');
    expect(fr['storage_screen.start.existing']).toBe('J’ai déjà un stockage');
    expect(fr['storage_screen.heading']).toBe('Stockage personnel');
    expect(fr['management_screen.use.storage']).toBe('Stockage');
  });
});
