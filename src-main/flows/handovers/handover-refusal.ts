import type { MessageKey } from '../../../src-shared/i18n/en.js';
import { translate, type MessageParams } from '../../../src-shared/i18n/translate.js';
import { LocalizedKioskError, type KioskError } from '../../core/kiosk-error.js';

/** The hand-over refusals a person reads (D3, D4): sentences of i18n/features/handovers.ts. */
export type HandoverRefusalKey = Extract<MessageKey, `handovers.refused.${string}`>;

export function handoverRefused(key: HandoverRefusalKey, params: MessageParams = {}): KioskError {
  return new LocalizedKioskError('handover_refused', (locale) => ({
    message: translate(locale, key, params),
  }));
}
