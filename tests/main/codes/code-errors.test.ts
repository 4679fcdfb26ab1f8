import { describe, expect, it } from 'vitest';
import { codeCheckErrorCode } from '../../../src-main/codes/code-errors.js';
import { typedCodeMessage, waitMessage } from '../../../src-main/codes/code-messages.js';
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
    // The refusal's text is the wait in words (pickup-service.ts passes waitMessage's sentence).
    for (const locale of ['en', 'fr'] as const) {
      const wait = waitMessage(30_000);
      const message = translate(locale, 'error.too_many_attempts', {
        message: translate(locale, wait.key, wait.params),
      });
      expect(message).toMatch(
        locale === 'en' ? /^Too many wrong codes\./ : /^Trop de codes erronés\./,
      );
      expect(message).toContain('30');
    }
  });
});
