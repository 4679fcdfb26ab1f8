import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { ComposedMessage, InlineImage } from './composed-message.js';
import { formatExpiry } from './format-expiry.js';
import { escapeHtml } from './html-escape.js';
import { qrCodePng, type QrCodePng } from './qr-code-png.js';

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

/**
 * The QR is an inline attachment the HTML shows as `cid:` (see composed-message.ts for why not a
 * `data:` URI). The id is the same in every message: it only has to be unique within one.
 */
export const pickupQrContentId = 'pickup-qr@casier.invalid';

/**
 * The "ready for pickup" message for one deposited parcel, in the recipient's language. Pure:
 * the same input always gives the same message (the QR is drawn synchronously).
 */
export function composeReadyForPickup(input: ReadyForPickupInput): ComposedMessage {
  if (!/^\d+$/.test(input.pickupCode)) {
    throw new RangeError('a pickup code is made of digits only');
  }
  const language = input.recipient.language;
  const say = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const bank = plain(input.bankName);
  const department = input.departmentName === null ? null : plain(input.departmentName);

  const greeting = say('notifications.ready.greeting', { name: plain(input.recipient.name) });
  const intro =
    department === null
      ? say('notifications.ready.intro', { bank })
      : say('notifications.ready.intro_department', { bank, department });
  const fields: Array<[label: string, value: string]> = [
    [say('notifications.ready.compartment'), plain(input.compartment.label)],
    [
      say('notifications.ready.door_height'),
      say('notifications.ready.door_height_value', {
        bottom: input.compartment.doorBottomCm,
        top: input.compartment.doorTopCm,
      }),
    ],
  ];
  if (input.trackingNumber !== null) {
    fields.push([say('notifications.ready.tracking_number'), plain(input.trackingNumber)]);
  }
  if (department !== null) {
    fields.push([say('notifications.ready.department'), department]);
  }
  fields.push([
    say('notifications.ready.valid_until'),
    formatExpiry(input.expiresAtMs, language, input.timeZone),
  ]);
  const field = (label: string, value: string) =>
    say('notifications.ready.field', { label, value });

  const subject = say('notifications.ready.subject', { bank });
  const text = [
    greeting,
    '',
    intro,
    '',
    field(say('notifications.ready.code'), input.pickupCode),
    ...fields.map(([label, value]) => field(label, value)),
    '',
    say('notifications.ready.how_code'),
    say('notifications.ready.keep_private'),
    say('notifications.ready.late'),
    '',
    say('notifications.ready.footer', { bank }),
    '',
  ].join('\n');

  const qr = input.pickupQrToken === null ? null : qrCodePng(input.pickupQrToken);
  const html = readyForPickupHtml({
    language,
    subject,
    greeting,
    intro,
    codeLabel: say('notifications.ready.code'),
    code: input.pickupCode,
    fields,
    howCode: say('notifications.ready.how_code'),
    qr: qr && {
      image: qr,
      hint: say('notifications.ready.how_qr'),
      alt: say('notifications.ready.qr_alt'),
    },
    closing: [say('notifications.ready.keep_private'), say('notifications.ready.late')],
    footer: say('notifications.ready.footer', { bank }),
  });
  const inlineImages: InlineImage[] =
    qr === null
      ? []
      : [
          {
            contentId: pickupQrContentId,
            fileName: 'pickup-qr.png',
            contentType: 'image/png',
            base64: qr.png.toString('base64'),
          },
        ];

  return {
    to: { name: plain(input.recipient.name), email: input.recipient.email },
    language,
    subject,
    text,
    html,
    inlineImages,
  };
}

/**
 * Directory and scanned values go into a subject line and single text lines: a line break or
 * other control character in them (a pasted name, a strange label) becomes a space.
 */
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
  howCode: string;
  qr: { image: QrCodePng; hint: string; alt: string } | null;
  closing: string[];
  footer: string;
}

/**
 * Every piece of text is escaped here, translated sentences included, so nothing from the
 * directory or a scanned label can become markup. Inline styles only: mail clients drop
 * <style> blocks and external sheets.
 */
function readyForPickupHtml(parts: HtmlParts): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const rows = parts.fields
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;font-weight:normal;color:#4a4a4a;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="font-weight:bold;padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const qr =
    parts.qr === null
      ? ''
      : `${paragraph(parts.qr.hint)}\n<p style="margin:0 0 16px"><img src="cid:${escapeHtml(pickupQrContentId)}" width="${parts.qr.image.widthPx}" height="${parts.qr.image.heightPx}" alt="${escapeHtml(parts.qr.alt)}" style="display:block;border:0"></p>`;
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
    paragraph(parts.howCode),
    qr,
    ...parts.closing.map(paragraph),
    `<p style="margin:24px 0 0;color:#4a4a4a;font-size:14px">${escapeHtml(parts.footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
