import { describe, expect, it } from 'vitest';
import type { SignInResult } from '../../../src-main/auth/operator-sign-in.js';
import { signInErrorCode } from '../../../src-main/auth/sign-in-errors.js';
import { translate } from '../../../src-shared/i18n/index.js';
import { locales } from '../../../src-shared/i18n/locales.js';

describe('API errors for refused sign-ins', () => {
  const refusals: Extract<SignInResult, { ok: false }>[] = [
    { ok: false, reason: 'invalid_credentials', messageKey: 'signin.failed' },
    { ok: false, reason: 'account_locked', messageKey: 'signin.account_locked' },
  ];

  it('pairs each refusal with an error whose text is the sign-in screen’s message', () => {
    expect(refusals.map(signInErrorCode)).toEqual(['sign_in_failed', 'account_locked']);
    for (const refusal of refusals) {
      for (const locale of locales) {
        expect(translate(locale, `error.${signInErrorCode(refusal)}`)).toBe(
          translate(locale, refusal.messageKey),
        );
      }
    }
    expect(translate('en', 'error.account_locked')).toBe(
      'This user account is locked. Too many failed login attempts.',
    );
  });
});
