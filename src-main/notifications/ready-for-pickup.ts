import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import { composeCodeMessage, plainText } from './code-message.js';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import { formatExpiry } from './format-expiry.js';

/** What the deposit knows when its parcel is in the locker (A10, X3, X4). */
export interface ReadyForPickupInput {
  recipient: { name: string; email: string | null; language: Locale };
  bankName: string;
  /** The clear digits. Shown exactly as issued: no grouping, no spaces (people type them). */
  pickupCode: string;
  /** The signed `CSR1-PU-…` text, or null when the bank does not accept QR pickup (C3). */
  pickupQrToken: string | null;
  compartment: { label: string; doorBottomCm: number; doorTopCm: number };
  trackingNumber: string | null;
  /** Set for a parcel addressed to a department; the recipient is then one of its contacts. */
  departmentName: string | null;
  expiresAtMs: number;
  /** For tests only: production leaves it out, the machine's time zone being the bank's. */
  timeZone?: string;
}

/** Where the pickup QR's inline image is named (code-message.ts lays every code notice out). */
export { pickupQrContentId } from './code-message.js';

/** Says a catalogue message in the notice's language. */
export type Say = (key: MessageKey, params?: MessageParams) => string;

/**
 * The "ready for pickup" message for one deposited parcel, in the recipient's language. Pure:
 * the same input always gives the same message (the QR is drawn synchronously).
 */
export function composeReadyForPickup(
  input: ReadyForPickupInput,
  /**
   * Another subject and opening sentence for the same notice (an exchange's item is in, D4),
   * given the bank's plain-text name; everything else is the ready-for-pickup notice.
   */
  headline?: (say: Say, bank: string) => { subject: string; intro: string },
): ComposedMessage {
  if (!/^\d+$/.test(input.pickupCode)) {
    throw new RangeError('a pickup code is made of digits only');
  }
  const language = input.recipient.language;
  const say: Say = (key, params) => translate(language, key, params);
  const bank = plainText(input.bankName);
  const department = input.departmentName === null ? null : plainText(input.departmentName);

  const greeting = say('notifications.ready.greeting', { name: plainText(input.recipient.name) });
  const own = headline?.(say, bank);
  const intro =
    own?.intro ??
    (department === null
      ? say('notifications.ready.intro', { bank })
      : say('notifications.ready.intro_department', { bank, department }));
  const fields: Array<[label: string, value: string]> = [
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
  if (department !== null) {
    fields.push([say('notifications.ready.department'), department]);
  }
  fields.push([
    say('notifications.ready.valid_until'),
    formatExpiry(input.expiresAtMs, language, input.timeZone),
  ]);
  return composeCodeMessage({
    to: { name: plainText(input.recipient.name), email: input.recipient.email, language },
    subject: own?.subject ?? say('notifications.ready.subject', { bank }),
    greeting,
    intro,
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
