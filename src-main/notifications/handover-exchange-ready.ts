import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { ComposedMessage } from './composed-message.js';
import { formatExpiry } from './format-expiry.js';
import { composeCodeMessage, plainText } from './code-message.js';

/** What the drop knows when an exchange's item is in (D4). */
export interface ExchangeReadyInput {
  receiver: { name: string; email: string | null; language: Locale };
  senderName: string;
  bankName: string;
  /** The receiver's pickup code: an ordinary per-parcel pickup code (E1, decision 0008). */
  pickupCode: string;
  /** The signed `CSR1-PU-…` text, or null when the bank does not accept QR pickup (C3). */
  pickupQrToken: string | null;
  compartment: { label: string; doorBottomCm: number; doorTopCm: number };
  trackingNumber: string | null;
  expiresAtMs: number;
  /** For tests only: production leaves it out, the machine's time zone being the bank's. */
  timeZone?: string;
}

/**
 * The receiver's 'exchange_ready' notice, in the receiver's language: who left the item, the
 * code (and QR) to take it out like any parcel, the compartment and its height, until when.
 */
export function composeExchangeReady(input: ExchangeReadyInput): ComposedMessage {
  const language = input.receiver.language;
  const say = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const bank = plainText(input.bankName);
  const sender = plainText(input.senderName);
  const fields: Array<[string, string]> = [
    [say('notifications.ready.compartment'), plainText(input.compartment.label)],
    [
      say('notifications.ready.door_height'),
      say('notifications.ready.door_height_value', {
        bottom: input.compartment.doorBottomCm,
        top: input.compartment.doorTopCm,
      }),
    ],
  ];
  if (input.trackingNumber !== null) {
    fields.push([say('notifications.ready.tracking_number'), plainText(input.trackingNumber)]);
  }
  fields.push([
    say('notifications.ready.valid_until'),
    formatExpiry(input.expiresAtMs, language, input.timeZone),
  ]);
  return composeCodeMessage({
    to: { name: plainText(input.receiver.name), email: input.receiver.email, language },
    subject: say('handovers.notice.ready.subject', { sender, bank }),
    greeting: say('notifications.ready.greeting', { name: plainText(input.receiver.name) }),
    intro: say('handovers.notice.ready.intro', { sender, bank }),
    codeLabel: say('notifications.ready.code'),
    code: input.pickupCode,
    fields,
    howCode: say('notifications.ready.how_code'),
    qr:
      input.pickupQrToken === null
        ? null
        : {
            token: input.pickupQrToken,
            hint: say('notifications.ready.how_qr'),
            alt: say('notifications.ready.qr_alt'),
          },
    closing: [say('notifications.ready.keep_private'), say('notifications.ready.late')],
    footer: say('notifications.ready.footer', { bank }),
  });
}
