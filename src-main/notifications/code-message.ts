import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';
import type { ComposedMessage, InlineImage } from '../../src-shared/sync/composed-message.js';
import { escapeHtml } from '../../src-shared/text/html-escape.js';
import { qrCodePng } from './qr-code-png.js';

/**
 * The shape every code notice shares (a storage booking F2, a return or exchange D3, D4, like
 * the ready-for-pickup notice): a greeting,
 * what happened, the code in large digits, a few "label: value" lines, how to use it, an optional
 * pickup QR, and the bank's footer. Texts arrive translated; this file only lays them out, once
 * as plain text and once as HTML with everything escaped.
 */
/**
 * The pickup QR is an inline attachment the HTML shows as `cid:` (see composed-message.ts for
 * why not a `data:` URI). The id is the same in every message: it only has to be unique within
 * one.
 */
export const pickupQrContentId = 'pickup-qr@casier.invalid';

export interface CodeMessageParts {
  to: { name: string; email: string | null; language: Locale };
  subject: string;
  greeting: string;
  intro: string;
  codeLabel: string;
  /** The clear digits, exactly as issued (people type them). */
  code: string;
  fields: Array<[label: string, value: string]>;
  howCode: string;
  /** A signed pickup token and its hint, or null (no QR: a drop-off code, or C3 says so). */
  qr: { token: string; hint: string; alt: string } | null;
  closing: string[];
  footer: string;
}

export function composeCodeMessage(parts: CodeMessageParts): ComposedMessage {
  if (!/^\d+$/.test(parts.code)) {
    throw new RangeError('a kiosk code is made of digits only');
  }
  const language = parts.to.language;
  const field = (label: string, value: string) =>
    translate(language, 'notifications.ready.field', { label, value });
  const text = [
    parts.greeting,
    '',
    parts.intro,
    '',
    field(parts.codeLabel, parts.code),
    ...parts.fields.map(([label, value]) => field(label, value)),
    '',
    parts.howCode,
    ...parts.closing,
    '',
    parts.footer,
    '',
  ].join('\n');
  const qr = parts.qr === null ? null : qrCodePng(parts.qr.token);
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
  const paragraph = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const rows = parts.fields
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;font-weight:normal;color:#4a4a4a;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="font-weight:bold;padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const qrHtml =
    qr === null || parts.qr === null
      ? ''
      : `${paragraph(parts.qr.hint)}\n<p style="margin:0 0 16px"><img src="cid:${escapeHtml(pickupQrContentId)}" width="${qr.widthPx}" height="${qr.heightPx}" alt="${escapeHtml(parts.qr.alt)}" style="display:block;border:0"></p>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    paragraph(parts.greeting),
    paragraph(parts.intro),
    `<p style="margin:24px 0 4px">${escapeHtml(parts.codeLabel)}</p>`,
    `<p style="margin:0 0 24px;font-family:'Courier New',Courier,monospace;font-size:32px;font-weight:bold">${escapeHtml(parts.code)}</p>`,
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 24px">\n${rows}\n</table>`,
    paragraph(parts.howCode),
    qrHtml,
    ...parts.closing.map(paragraph),
    `<p style="margin:24px 0 0;color:#4a4a4a;font-size:14px">${escapeHtml(parts.footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return {
    to: { name: parts.to.name, email: parts.to.email },
    language,
    subject: parts.subject,
    text,
    html,
    inlineImages,
  };
}

/**
 * Directory and typed values go into a subject line and single text lines: a line break or
 * other control character in them becomes a space (as in ready-for-pickup.ts).
 */
export function plainText(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
