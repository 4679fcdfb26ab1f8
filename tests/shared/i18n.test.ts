import { describe, expect, it } from 'vitest';
import { en, fr, translate } from '../../src-shared/i18n/index.js';
import { errorCodes } from '../../src-shared/errors.js';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe('i18n catalogues', () => {
  it('French has exactly the English keys, each non-empty with the same parameters', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const french = fr[key as keyof typeof en];
      expect(french.trim(), key).not.toBe('');
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });

  it('has a text in both languages for every error code', () => {
    for (const code of errorCodes) {
      expect(Object.hasOwn(en, `error.${code}`), code).toBe(true);
    }
  });

  it('fills parameters and keeps a missing one visible', () => {
    expect(translate('fr', 'compartment.label', { label: '12' })).toBe('Casier 12');
    expect(translate('en', 'compartment.label')).toBe('Compartment {label}');
  });
});
