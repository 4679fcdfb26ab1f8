import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';
import type { CodeCheck } from './code-verifier.js';

export interface KioskMessage {
  key: MessageKey;
  params: MessageParams;
}

/**
 * "Try again in …" in units a person reads at a glance, rounded up so the kiosk never invites a
 * retry that will still be refused. Every plural form is at least 2, so no language needs a
 * singular form here.
 */
export function waitMessage(retryAfterMs: number): KioskMessage {
  const seconds = Math.ceil(retryAfterMs / 1000);
  if (seconds <= 1) {
    return { key: 'code.wait.moment', params: {} };
  }
  if (seconds < 120) {
    return { key: 'code.wait.seconds', params: { seconds } };
  }
  return { key: 'code.wait.minutes', params: { minutes: Math.ceil(seconds / 60) } };
}

/** What the person at the keypad reads after a refused typed code. */
export function typedCodeMessage(check: Exclude<CodeCheck, { outcome: 'accepted' }>): KioskMessage {
  return check.outcome === 'wait'
    ? waitMessage(check.retryAfterMs)
    : { key: 'code.rejected', params: {} };
}
