import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { ComposedMessage } from './composed-message.js';
import { formatExpiry } from './format-expiry.js';
import { escapeHtml } from './html-escape.js';

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
  const bank = plain(input.bankName);

  const greeting = say('notifications.storage_booked.greeting', {
    name: plain(input.recipient.name),
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
  const field = (label: string, value: string) =>
    say('notifications.storage_booked.field', { label, value });
  const closing = [
    say('notifications.storage_booked.how'),
    say('notifications.storage_booked.keep_private'),
    say('notifications.storage_booked.late'),
  ];
  const footer = say('notifications.storage_booked.footer', { bank });
  const subject = say('notifications.storage_booked.subject', { bank });

  const text = [
    greeting,
    '',
    intro,
    '',
    field(codeLabel, input.storageCode),
    ...fields.map(([label, value]) => field(label, value)),
    '',
    ...closing,
    '',
    footer,
    '',
  ].join('\n');

  return {
    to: { name: plain(input.recipient.name), email: input.recipient.email },
    language,
    subject,
    text,
    html: storageBookedHtml({
      language,
      subject,
      greeting,
      intro,
      codeLabel,
      code: input.storageCode,
      fields,
      closing,
      footer,
    }),
    inlineImages: [],
  };
}

/** Directory values go into single lines: control characters become a space. */
function plain(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

interface HtmlParts {
  language: Locale;
  subject: string;
  greeting: string;
  intro: string;
  codeLabel: string;
  code: string;
  fields: Array<[label: string, value: string]>;
  closing: string[];
  footer: string;
}

/** Every text is escaped, translated sentences included; inline styles only (mail clients). */
function storageBookedHtml(parts: HtmlParts): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const rows = parts.fields
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;font-weight:normal;color:#4a4a4a;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="font-weight:bold;padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${parts.language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    paragraph(parts.greeting),
    paragraph(parts.intro),
    `<p style="margin:24px 0 4px">${escapeHtml(parts.codeLabel)}</p>`,
    `<p style="margin:0 0 24px;font-family:'Courier New',Courier,monospace;font-size:32px;font-weight:bold">${escapeHtml(parts.code)}</p>`,
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 24px">\n${rows}\n</table>`,
    ...parts.closing.map(paragraph),
    `<p style="margin:24px 0 0;color:#4a4a4a;font-size:14px">${escapeHtml(parts.footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
