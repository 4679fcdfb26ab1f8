import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import { formatExpiry } from './format-expiry.js';
import { composeCodeMessage, plainText } from './code-message.js';

/** What a storage booking (F2) knows when it is made: no compartment yet (late binding). */
export interface StorageBookedInput {
  recipient: { name: string; email: string | null; language: Locale };
  bankName: string;
  /** The clear digits, exactly as issued (people type them). */
  storageCode: string;
  size: CompartmentSize;
  startsAtMs: number;
  claimUntilMs: number;
  /** Null: the stay has no end time (C6 open-ended). */
  stayHours: number | null;
  /** For tests only: production leaves it out, the machine's time zone being the bank's. */
  timeZone?: string;
}

/**
 * The "storage booked" message, in the recipient's language: the code to type at the kiosk, the
 * size, and from when until when they may arrive. Pure: the same input gives the same message.
 */
export function composeStorageBooked(input: StorageBookedInput): ComposedMessage {
  if (!/^\d+$/.test(input.storageCode)) {
    throw new RangeError('a storage code is made of digits only');
  }
  const language = input.recipient.language;
  const say = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const when = (ms: number) => formatExpiry(ms, language, input.timeZone);
  const bank = plainText(input.bankName);

  const greeting = say('notifications.storage_booked.greeting', {
    name: plainText(input.recipient.name),
  });
  const intro = say('notifications.storage_booked.intro', { bank });
  const codeLabel = say('notifications.storage_booked.code');
  const fields: Array<[label: string, value: string]> = [
    [say('notifications.storage_booked.size'), say(`compartment.size.${input.size}`)],
    [say('notifications.storage_booked.from'), when(input.startsAtMs)],
    [say('notifications.storage_booked.until'), when(input.claimUntilMs)],
    [
      say('notifications.storage_booked.stay'),
      input.stayHours === null
        ? say('notifications.storage_booked.stay_open')
        : say('notifications.storage_booked.stay_hours', { hours: input.stayHours }),
    ],
  ];
  return composeCodeMessage({
    to: { name: plainText(input.recipient.name), email: input.recipient.email, language },
    subject: say('notifications.storage_booked.subject', { bank }),
    greeting,
    intro,
    codeLabel,
    code: input.storageCode,
    fields,
    howCode: say('notifications.storage_booked.how'),
    // A storage code opens no parcel: no pickup QR.
    qr: null,
    closing: [
      say('notifications.storage_booked.keep_private'),
      say('notifications.storage_booked.late'),
    ],
    footer: say('notifications.storage_booked.footer', { bank }),
  });
}
