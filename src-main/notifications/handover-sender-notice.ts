import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import { formatExpiry } from './format-expiry.js';
import { composeCodeMessage, plainText } from './code-message.js';

/** What the mailroom's reservation knows when it sends the sender their code (D3, D4). */
export interface HandoverSenderNoticeInput {
  kind: 'return' | 'exchange';
  sender: { name: string; email: string | null; language: Locale };
  /** Exchange only: who will pick the item up (their full name: the sender knows them). */
  receiverName: string | null;
  bankName: string;
  /** The clear digits of the sender's one-time code. */
  code: string;
  size: CompartmentSize;
  trackingNumber: string | null;
  /** When the code stops working: the hand-over's drop-by date. */
  expiresAtMs: number;
  /** For tests only: production leaves it out, the machine's time zone being the bank's. */
  timeZone?: string;
}

/**
 * The sender's notice, in the sender's language: a return's code ('return_code') or an
 * exchange's drop-off code ('exchange_drop_off_code'). Pure: the same input, the same message.
 */
export function composeHandoverSenderNotice(input: HandoverSenderNoticeInput): ComposedMessage {
  const language = input.sender.language;
  const say = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const bank = plainText(input.bankName);
  const receiver = input.receiverName === null ? null : plainText(input.receiverName);
  const fields: Array<[string, string]> = [
    [say('handovers.notice.size'), say(`compartment.size.${input.size}`)],
  ];
  if (receiver !== null) {
    fields.push([say('handovers.notice.receiver'), receiver]);
  }
  if (input.trackingNumber !== null) {
    fields.push([say('notifications.ready.tracking_number'), plainText(input.trackingNumber)]);
  }
  fields.push([
    say('notifications.ready.valid_until'),
    formatExpiry(input.expiresAtMs, language, input.timeZone),
  ]);
  const exchange = input.kind === 'exchange';
  return composeCodeMessage({
    to: { name: plainText(input.sender.name), email: input.sender.email, language },
    subject: exchange
      ? say('handovers.notice.exchange_drop.subject', { bank, receiver: receiver ?? '' })
      : say('handovers.notice.return.subject', { bank }),
    greeting: say('notifications.ready.greeting', { name: plainText(input.sender.name) }),
    intro: exchange
      ? say('handovers.notice.exchange_drop.intro', { bank, receiver: receiver ?? '' })
      : say('handovers.notice.return.intro', { bank }),
    codeLabel: say('handovers.notice.drop_code'),
    code: input.code,
    fields,
    howCode: say('handovers.notice.how_drop'),
    qr: null,
    closing: [say('handovers.notice.drop_keep_private'), say('notifications.ready.late')],
    footer: say('notifications.ready.footer', { bank }),
  });
}
