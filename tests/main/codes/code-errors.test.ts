import { describe, expect, it } from 'vitest';
import { codeCheckErrorCode } from '../../../src-main/codes/code-errors.js';
import { typedCodeMessage } from '../../../src-main/codes/code-messages.js';
import { translate } from '../../../src-shared/i18n/index.js';
import { locales } from '../../../src-shared/i18n/locales.js';

describe('API errors for refused codes', () => {
  it('answers invalid_code with the keypad’s own text for every evaluated refusal', () => {
    const rejected = { outcome: 'rejected', retryAfterMs: 30_000 } as const;
    expect(codeCheckErrorCode(rejected)).toBe('invalid_code');
    for (const locale of locales) {
      const { key } = typedCodeMessage(rejected);
      expect(translate(locale, 'error.invalid_code')).toBe(translate(locale, key));
    }
  });

  it('answers too_many_attempts for an attempt refused during a back-off', () => {
    expect(codeCheckErrorCode({ outcome: 'wait', retryAfterMs: 30_000 })).toBe('too_many_attempts');
    expect(translate('en', 'error.too_many_attempts')).toMatch(/^Too many wrong codes\./);
    expect(translate('fr', 'error.too_many_attempts')).toMatch(/^Trop de codes erronés\./);
  });
});
