import { describe, expect, it } from 'vitest';
import type { CompartmentBrief } from '../../src-shared/api/drop-off-methods.js';
import { dropOffScreenMessages } from '../../src-shared/i18n/features/drop-off-screen.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import {
  compartmentPlace,
  doorInstruction,
  type Translator,
} from '../../src-renderer/dropoff/compartment-text.js';

const a3: CompartmentBrief = {
  id: 'c-a3',
  label: 'A3',
  size: 'M',
  doorBottomCm: 80,
  doorTopCm: 120,
};

function translator(locale: Locale): Translator {
  return { t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params) };
}

describe('drop-off texts', () => {
  it('says where the door is and what to do, in both languages', () => {
    expect(doorInstruction(translator('en'), a3)).toBe(
      'Put the parcel in compartment A3 (Medium, 80–120 cm from the floor) and close the door.',
    );
    expect(doorInstruction(translator('fr'), a3)).toBe(
      'Mettez le colis dans le casier A3 (Moyen, à 80–120 cm du sol) et fermez la porte.',
    );
    expect(compartmentPlace(translator('en'), { ...a3, size: 'L' })).toBe(
      'Large, 80–120 cm from the floor',
    );
  });

  it('writes French with typographic apostrophes and spaced punctuation', () => {
    for (const [key, text] of Object.entries(dropOffScreenMessages.fr)) {
      expect(text, key).not.toMatch(/'/);
      expect(text, key).not.toMatch(/"/);
      // A colon, question mark or guillemet sits against a non-breaking space, never a bare one.
      expect(text, key).not.toMatch(/(?:\S[:?!;»]|«\S| [:?!;»]|« )/u);
    }
  });
});
